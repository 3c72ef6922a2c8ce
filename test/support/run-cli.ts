import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The bundled CLI that `npm test` builds (esbuild → dist/cli.js). */
export const CLI = path.resolve(__dirname, '../../../dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `node dist/cli.js` process. Colour variables of the developer's shell are
 * removed so output is the same everywhere; a test sets them through `env` when it checks them.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...env, ...options.env }, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
