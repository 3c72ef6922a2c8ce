import type { EventLog } from './script-log';
import type { InstanceLayout } from './state';
import type { InstanceDeploymentRequest, LifecycleEventDiagnostics } from './types';

/** What one event ended as, before timestamps are added. */
export interface EventEnd {
  status: 'Succeeded' | 'Failed' | 'Stopped';
  diagnostics: LifecycleEventDiagnostics;
}

/** Everything an event needs to run. */
export interface EventContext {
  request: InstanceDeploymentRequest;
  layout: InstanceLayout;
  log: EventLog;
  /** The `os` value this instance's agent accepts. */
  os: string;
}

/** A finished event, as BatchGetDeploymentTargets reports a successful one. */
export function succeeded(log: EventLog): EventEnd {
  return { status: 'Succeeded', diagnostics: { errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: log.tail() } };
}

/** Agent-side failures (bundle, AppSpec, install, file system) all report UnknownError, as on an instance. */
export function failed(log: EventLog, error: unknown): EventEnd {
  const message = error instanceof Error ? error.message : String(error);
  log.note(message);
  return { status: 'Failed', diagnostics: { errorCode: 'UnknownError', scriptName: '', message, logTail: log.tail() } };
}
