import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The AppSpec names looked for in a revision folder, in the agent's order of preference. */
export const APPSPEC_NAMES = ['appspec.yml', 'appspec.yaml', 'appspec.json'] as const;

/** A PATH argument turned into the AppSpec file to read and the revision root around it. */
export interface AppSpecTarget {
  file: string;
  root: string;
}

/** A PATH that names nothing checkable; the message names the path and says why (exit 2). */
export class TargetError extends Error {}

/** Resolves a PATH argument (AppSpec file or revision folder) to an absolute AppSpec file and its folder. */
export async function findAppSpec(argument: string, cwd: string): Promise<AppSpecTarget> {
  const absolute = path.resolve(cwd, argument);
  const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new TargetError(`${argument}: no such file or folder`);
    throw new TargetError(`${argument}: cannot be read (${error.code ?? error.message})`);
  });
  if (stat.isFile()) return { file: absolute, root: path.dirname(absolute) };
  if (!stat.isDirectory()) throw new TargetError(`${argument}: not a file or a folder`);
  return inFolder(argument, absolute);
}

async function inFolder(argument: string, folder: string): Promise<AppSpecTarget> {
  for (const name of APPSPEC_NAMES) {
    const candidate = path.join(folder, name);
    const stat = await fs.stat(candidate).catch(() => undefined);
    if (!stat) continue;
    if (stat.isFile()) return { file: candidate, root: folder };
    throw new TargetError(`${path.join(argument, name)}: is a ${stat.isDirectory() ? 'folder' : 'special file'}, not an AppSpec file`);
  }
  const entries = await fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    throw new TargetError(`${argument}: cannot list the folder (${error.code ?? error.message})`);
  });
  const nearly = entries.filter((entry) => (APPSPEC_NAMES as readonly string[]).includes(entry.toLowerCase()));
  const hint = nearly.length
    ? ` (found ${nearly.join(', ')}: the agent looks for the lower-case name exactly; pass the file itself to check it anyway)`
    : '';
  throw new TargetError(`${argument}: no AppSpec in this folder; expected ${APPSPEC_NAMES.join(', ')}${hint}`);
}
