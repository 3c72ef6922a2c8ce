import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LifecycleErrorCode } from '../agent/types';

export interface HookVerdict {
  status: 'Succeeded' | 'Failed';
  errorCode: LifecycleErrorCode;
  message: string;
  logTail: string;
}

export interface HookCall {
  functionsDir: string;
  functionName: string;
  deploymentId: string;
  executionId: string;
  eventName: string;
  timeoutMs: number;
  environment: Record<string, string>;
  signal: AbortSignal;
  /** Resolves when PutLifecycleEventHookExecutionStatus reports this execution first. */
  reported: Promise<'Succeeded' | 'Failed'>;
}

const TAIL_BYTES = 4096;
const FOREIGN_CREDENTIALS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

/** Our environment minus AWS keys of the endpoint's user, which would win over the local profile in an SDK's credential chain. */
function inheritedEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of FOREIGN_CREDENTIALS) delete environment[name];
  return environment;
}

/**
 * Runs the local executable standing in for an ECS/Lambda hook function (`<data>/functions/<name>`).
 * It gets the Lambda event as JSON on stdin and in env vars; its verdict is what it reports through
 * PutLifecycleEventHookExecutionStatus, or else its exit code (0 = Succeeded).
 */
export async function runHookFunction(call: HookCall): Promise<HookVerdict> {
  const file = path.join(call.functionsDir, call.functionName);
  const plainName = /^[A-Za-z0-9_.:-]+$/.test(call.functionName) && !/^\.+$/.test(call.functionName);
  if (!plainName || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    return { status: 'Failed', errorCode: 'ScriptMissing', message: `No local executable for hook function ${call.functionName}: create ${path.join('functions', call.functionName)} in the data folder.`, logTail: '' };
  }
  let output = '';
  const child = spawn(file, [], {
    detached: process.platform !== 'win32',
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...inheritedEnvironment(),
      ...call.environment,
      DEPLOYMENT_ID: call.deploymentId,
      LIFECYCLE_EVENT_HOOK_EXECUTION_ID: call.executionId,
      LIFECYCLE_EVENT: call.eventName,
    },
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-TAIL_BYTES);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.stdin.on('error', () => undefined);
  child.stdin.end(JSON.stringify({ DeploymentId: call.deploymentId, LifecycleEventHookExecutionId: call.executionId }));
  const kill = () => {
    try {
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // already gone
    }
  };
  const exited = new Promise<HookVerdict>((resolve) => {
    child.on('error', (error) => resolve({ status: 'Failed', errorCode: 'ScriptNotExecutable', message: `The hook function could not start: ${error.message}`, logTail: output }));
    child.on('close', (code, signal) =>
      resolve(
        code === 0
          ? { status: 'Succeeded', errorCode: 'Success', message: 'Succeeded', logTail: output }
          : { status: 'Failed', errorCode: 'ScriptFailed', message: `Hook function ${call.functionName} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`, logTail: output },
      ),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<HookVerdict>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'Failed', errorCode: 'ScriptTimedOut', message: `Hook function ${call.functionName} did not report within the lifecycle event limit.`, logTail: output }), call.timeoutMs);
  });
  const aborted = new Promise<HookVerdict>((resolve) => {
    const done = () => resolve({ status: 'Failed', errorCode: 'UnknownError', message: 'The deployment was stopped while the hook ran.', logTail: output });
    if (call.signal.aborted) done();
    else call.signal.addEventListener('abort', done, { once: true });
  });
  const reported = call.reported.then((status): HookVerdict => ({ status, errorCode: status === 'Succeeded' ? 'Success' : 'ScriptFailed', message: `Reported ${status} by ${call.functionName}`, logTail: output }));
  const verdict = await Promise.race([exited, timedOut, aborted, reported]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) kill();
  return { ...verdict, logTail: output };
}
