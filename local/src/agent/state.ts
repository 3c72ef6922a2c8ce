import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { removeTree } from './parent-guard';

/** How many unpacked revisions the agent keeps per deployment group (its max_revisions default). */
export const ARCHIVES_TO_RETAIN = 5;

/**
 * Where one deployment keeps its files on a local instance, mirroring the agent's deployment
 * root (`<root>/<group-id>/<deployment-id>/deployment-archive`, `.../logs/scripts.log`,
 * `<root>/deployment-instructions/<group-id>-cleanup`), with `<instanceDir>/agent` as the root
 * and `<instanceDir>/root` standing for the instance's `/`.
 */
export interface InstanceLayout {
  agentDir: string;
  rootDir: string;
  groupDir: string;
  deploymentDir: string;
  archiveDir: string;
  scriptsLog: string;
  cleanupFile: string;
  lastSuccessfulFile: string;
  mostRecentFile: string;
}

/** The layout for one deployment of one group on one instance. */
export function instanceLayout(instanceDir: string, deploymentGroupId: string, deploymentId: string): InstanceLayout {
  const agentDir = path.join(instanceDir, 'agent');
  const groupDir = path.join(agentDir, safeName(deploymentGroupId));
  const deploymentDir = path.join(groupDir, safeName(deploymentId));
  const instructions = path.join(agentDir, 'deployment-instructions');
  return {
    agentDir,
    rootDir: path.join(instanceDir, 'root'),
    groupDir,
    deploymentDir,
    archiveDir: path.join(deploymentDir, 'deployment-archive'),
    scriptsLog: path.join(deploymentDir, 'logs', 'scripts.log'),
    cleanupFile: path.join(instructions, `${safeName(deploymentGroupId)}-cleanup`),
    lastSuccessfulFile: path.join(instructions, `${safeName(deploymentGroupId)}_last_successful_install`),
    mostRecentFile: path.join(instructions, `${safeName(deploymentGroupId)}_most_recent_install`),
  };
}

/** IDs come from the endpoint, but a name with a slash must still not pick another folder. */
function safeName(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `_${cleaned}` : cleaned;
}

/** The archive folder of the group's last successful install on this instance, if any. */
export async function lastSuccessfulArchive(layout: InstanceLayout): Promise<string | undefined> {
  return readPointer(layout, layout.lastSuccessfulFile);
}

/** Records this deployment as the group's last successful install (the agent does it right after Install). */
export async function markLastSuccessful(layout: InstanceLayout): Promise<void> {
  await writePointer(layout, layout.lastSuccessfulFile);
}

/** Records this deployment as the group's most recent download (the agent does it after DownloadBundle). */
export async function markMostRecent(layout: InstanceLayout): Promise<void> {
  await writePointer(layout, layout.mostRecentFile);
}

/** Pointers hold the deployment folder relative to the agent folder, so a moved data folder keeps working. */
async function writePointer(layout: InstanceLayout, file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${path.relative(layout.agentDir, layout.deploymentDir).split(path.sep).join('/')}\n`);
}

async function readPointer(layout: InstanceLayout, file: string): Promise<string | undefined> {
  let relative: string;
  try {
    relative = (await fs.readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
  if (relative === '' || relative.split('/').includes('..')) return undefined;
  const archive = path.join(layout.agentDir, ...relative.split('/'), 'deployment-archive');
  return (await fs.stat(archive).catch(() => undefined))?.isDirectory() ? archive : undefined;
}

/** Keeps the newest ARCHIVES_TO_RETAIN deployment folders of the group (this one included) and always the last successful one. */
export async function pruneOldArchives(layout: InstanceLayout): Promise<void> {
  const keep = new Set([layout.deploymentDir]);
  const last = await lastSuccessfulArchive(layout);
  if (last) keep.add(path.dirname(last));
  const entries = await fs.readdir(layout.groupDir, { withFileTypes: true }).catch(() => []);
  const folders = await Promise.all(
    entries.filter((entry) => entry.isDirectory()).map(async (entry) => {
      const folder = path.join(layout.groupDir, entry.name);
      return { folder, time: (await fs.stat(folder)).mtimeMs };
    }),
  );
  folders.sort((a, b) => b.time - a.time);
  for (const { folder } of folders.slice(ARCHIVES_TO_RETAIN)) {
    if (!keep.has(folder)) await removeTree(folder);
  }
}
