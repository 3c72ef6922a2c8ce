import { spawn } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import * as yazl from 'yazl';
import { createInstanceAgent, type LifecycleEventResult } from '../../local/src/agent';
import type { BenchModule, BenchRow } from '../bench-row';
import { median } from '../timing';


const EVENTS = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
const HOOKS = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
const SCRIPT = '#!/bin/sh\nexit 0\n';
const SITE_FILES = 50;

/**
 * The local agent's cost per lifecycle event beyond the scripts' own time: each hook event runs
 * one `exit 0` script, whose bare spawn-to-exit time is measured separately and subtracted.
 * DownloadBundle and Install are reported whole (a 50-file zip unpacked, then copied).
 */
export async function agentOverhead(deployments = 15): Promise<BenchRow[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-agent-bench-'));
  try {
    const revision = path.join(work, 'revision');
    await writeRevision(revision);
    const bundle = path.join(work, 'bundle.zip');
    await zipFolder(revision, bundle);

    const scriptRuns: number[] = [];
    const durations = new Map<string, number[]>(EVENTS.map((name) => [name, []]));
    const agent = createInstanceAgent();
    for (let i = 0; i < deployments; i++) {
      // Interleaved with the deployments, so machine load drifts into both figures alike.
      for (const _ of HOOKS) scriptRuns.push(await timeScript(path.join(revision, 'hook.sh')));
      const started = new Map<string, number>();
      const outcome = await agent.deploy({
        deploymentId: `d-BENCH${i}`,
        applicationName: 'Bench',
        deploymentGroupName: 'Bench',
        deploymentGroupId: 'dg-bench',
        instanceDir: path.join(work, 'instance'),
        bundlePath: bundle,
        bundleType: 'zip',
        revisionEnvironment: {},
        fileExistsBehavior: 'DISALLOW',
        ignoreApplicationStopFailures: false,
        events: EVENTS,
        signal: new AbortController().signal,
        onEvent: (event: LifecycleEventResult) => {
          if (event.status === 'InProgress') started.set(event.lifecycleEventName, performance.now());
          else durations.get(event.lifecycleEventName)?.push(performance.now() - (started.get(event.lifecycleEventName) ?? 0));
        },
      });
      if (outcome.status !== 'Succeeded') throw new Error(`bench deployment failed: ${JSON.stringify(outcome.events)}`);
    }

    // The first deployment's ApplicationStop has no previous revision and runs nothing.
    durations.get('ApplicationStop')?.shift();
    const scriptTime = median(scriptRuns);
    const hookOverheads = HOOKS.map((name) => median(durations.get(name) ?? []) - scriptTime);
    return [
      { name: 'agent: bare script run (spawn to exit)', value: round(scriptTime), unit: 'ms', note: 'subtracted below' },
      ...HOOKS.map((name, index) => ({ name: `agent: ${name} overhead`, value: round(hookOverheads[index] ?? 0), unit: 'ms', note: 'median, one script' })),
      { name: 'agent: overhead per hook event', value: round(median(hookOverheads)), unit: 'ms', note: 'AppSpec read, env, logging, process-group supervision' },
      { name: 'agent: hook event / bare script run', value: round((median(hookOverheads) + scriptTime) / scriptTime), unit: '×', note: 'same run; 1× = no overhead' },
      { name: `agent: DownloadBundle (${SITE_FILES}-file zip)`, value: round(median(durations.get('DownloadBundle') ?? [])), unit: 'ms' },
      { name: `agent: Install (${SITE_FILES} files, cleanup of the previous)`, value: round(median(durations.get('Install') ?? [])), unit: 'ms' },
    ];
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function writeRevision(root: string): Promise<void> {
  await fs.mkdir(path.join(root, 'site'), { recursive: true });
  const hooks = HOOKS.map((name) => `  ${name}:\n    - location: hook.sh\n`).join('');
  await fs.writeFile(path.join(root, 'appspec.yml'), `version: 0.0\nos: linux\nfiles:\n  - source: site\n    destination: /srv/site\nhooks:\n${hooks}`);
  await fs.writeFile(path.join(root, 'hook.sh'), SCRIPT, { mode: 0o755 });
  for (let i = 0; i < SITE_FILES; i++) await fs.writeFile(path.join(root, 'site', `page-${i}.html`), `<p>${i}</p>\n`.repeat(40));
}

async function zipFolder(root: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addFile(path.join(root, 'appspec.yml'), 'appspec.yml');
  zip.addFile(path.join(root, 'hook.sh'), 'hook.sh', { mode: 0o100755 });
  for (const name of await fs.readdir(path.join(root, 'site'))) zip.addFile(path.join(root, 'site', name), `site/${name}`);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

/** The script's own time, spawned the way the agent spawns it. */
function timeScript(scriptPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(scriptPath, [], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - start));
    child.stdout.resume();
    child.stderr.resume();
  });
}


function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const agentOverheadBench: BenchModule = { name: 'local-agent', run: () => agentOverhead() };

if (require.main === module) {
  agentOverhead().then(
    (rows) => {
      for (const row of rows) console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
