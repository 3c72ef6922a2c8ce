import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import type { EventLog } from './script-log';
import type { LifecycleErrorCode } from './types';

export interface ScriptRun {
  /** The local file to execute. */
  scriptPath: string;
  /** The AppSpec `location`, for messages and diagnostics. */
  location: string;
  timeoutSeconds: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: EventLog;
  signal: AbortSignal;
}

export interface ScriptResult {
  /** `Stopped` when the deployment was stopped while the script ran. */
  code: LifecycleErrorCode | 'Stopped';
  message: string;
}

/** Node timers overflow past this (about 24.8 days) and would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** After SIGTERM, a process group gets this long to exit before SIGKILL. */
const KILL_GRACE_MS = 1000;

/**
 * Runs one hook script as the agent does on Linux (E-RUN-2..5): executed directly in its own
 * process group, made executable if needed, the timeout killing the whole group. A script that
 * exits while something it started still holds stdout/stderr open fails once the timeout passes
 * (the agent's "failed to close STDOUT"); the group is then killed so no local process outlives
 * the deployment holding our pipes.
 */
export async function runScript(run: ScriptRun): Promise<ScriptResult> {
  const prefix = `Script at specified location: ${run.location}`;
  const stat = await fs.stat(run.scriptPath).catch(() => undefined);
  if (!stat) return { code: 'ScriptMissing', message: `Script does not exist at specified location: ${run.location}` };
  if ((stat.mode & 0o100) === 0) {
    try {
      await fs.chmod(run.scriptPath, stat.mode | 0o111);
    } catch {
      return { code: 'ScriptNotExecutable', message: `${prefix} is not executable and could not be made executable.` };
    }
  }
  if (run.signal.aborted) return { code: 'Stopped', message: `${prefix} was not run: the deployment was stopped.` };

  let child: ChildProcess;
  try {
    child = await start(run.scriptPath, run);
  } catch (error) {
    return { code: 'ScriptFailed', message: `${prefix} could not be started: ${(error as Error).message}` };
  }
  return supervise(child, run, prefix);
}

/**
 * Spawns the script detached (a new process group). A script without `#!` cannot be exec'd by
 * the kernel; Ruby's spawn falls back to /bin/sh for it (E-RUN-3), so the agent does too.
 */
async function start(scriptPath: string, run: ScriptRun): Promise<ChildProcess> {
  try {
    return await spawned(spawn(scriptPath, [], options(run)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOEXEC') throw error;
    return spawned(spawn('/bin/sh', [scriptPath], options(run)));
  }
}

function options(run: ScriptRun) {
  return { cwd: run.cwd, env: run.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
}

function spawned(child: ChildProcess): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

function supervise(child: ChildProcess, run: ScriptRun, prefix: string): Promise<ScriptResult> {
  return new Promise((resolve) => {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let openStreams = 2;
    let settled = false;
    const finish = (result: ScriptResult, kill: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
      if (kill) killGroup(child);
      resolve(result);
    };
    const onClosed = () => {
      openStreams -= 1;
      if (openStreams === 0 && exit) finish(exitResult(exit, prefix), false);
    };
    const onAbort = () => finish({ code: 'Stopped', message: `${prefix} was stopped with the deployment.` }, true);

    pipeLines(child.stdout, 'stdout', run.log, onClosed);
    pipeLines(child.stderr, 'stderr', run.log, onClosed);
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      if (openStreams === 0) finish(exitResult(exit, prefix), false);
    });
    const timer = setTimeout(() => {
      if (exit) finish({ code: 'UnknownError', message: `${prefix} failed to close STDOUT` }, true);
      else finish({ code: 'ScriptTimedOut', message: `${prefix} failed to complete in ${run.timeoutSeconds} seconds` }, true);
    }, Math.min(run.timeoutSeconds * 1000, MAX_TIMER_MS));
    run.signal.addEventListener('abort', onAbort, { once: true });
    if (run.signal.aborted) onAbort(); // stopped while the process was starting
  });
}

function exitResult(exit: { code: number | null; signal: NodeJS.Signals | null }, prefix: string): ScriptResult {
  if (exit.code === 0) return { code: 'Success', message: 'Succeeded' };
  if (exit.code !== null) return { code: 'ScriptFailed', message: `${prefix} failed with exit code ${exit.code}` };
  return { code: 'ScriptFailed', message: `${prefix} failed with signal ${exit.signal ?? 'unknown'}` };
}

/** Splits a stream into lines for the log; a last line without a newline is logged when the stream ends. */
function pipeLines(stream: Readable | null, name: 'stdout' | 'stderr', log: EventLog, onClosed: () => void): void {
  if (!stream) return onClosed();
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) log.output(name, line.replace(/\r$/, ''));
  });
  stream.once('close', () => {
    if (pending !== '') log.output(name, pending);
    pending = '';
    onClosed();
  });
}

/**
 * SIGTERM to the whole group, as the agent sends it, then SIGKILL for whatever ignores it. Our
 * ends of the pipes are destroyed so a process that survives both cannot keep us waiting.
 */
function killGroup(child: ChildProcess): void {
  const pid = child.pid;
  child.stdout?.destroy();
  child.stderr?.destroy();
  if (pid === undefined) return;
  signalGroup(pid, 'SIGTERM');
  const escalate = setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
  escalate.unref();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
