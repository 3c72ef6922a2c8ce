import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findEvent } from '../../../server/src/appspec';
import { runCleanup } from './cleanup';
import { runHookEvent } from './hook-event';
import { executeInstall } from './install';
import { planInstall } from './install-plan';
import { readRevisionAppSpec } from './revision-appspec';
import { failed, succeeded, type EventContext, type EventEnd } from './event-result';
import { ScriptLog } from './script-log';
import { instanceLayout, lastSuccessfulArchive, markLastSuccessful, markMostRecent, pruneOldArchives } from './state';
import type { InstanceAgent, InstanceDeploymentOutcome, InstanceDeploymentRequest, LifecycleEventResult } from './types';
import { unpackBundle } from './unpack';

export interface InstanceAgentOptions {
  /** The `os` the instance's agent accepts; default from process.platform (windows or linux). */
  os?: string;
}

const RESERVED_BY_SERVICE = new Set(['BlockTraffic', 'AllowTraffic']);

/** The local CodeDeploy agent: runs one deployment's lifecycle on one instance folder. */
export function createInstanceAgent(options: InstanceAgentOptions = {}): InstanceAgent {
  const os = options.os ?? (process.platform === 'win32' ? 'windows' : 'linux');
  return { deploy: (request) => deploy(request, os) };
}

async function deploy(request: InstanceDeploymentRequest, os: string): Promise<InstanceDeploymentOutcome> {
  const layout = instanceLayout(request.instanceDir, request.deploymentGroupId, request.deploymentId);
  await fs.mkdir(layout.deploymentDir, { recursive: true });
  await fs.mkdir(layout.rootDir, { recursive: true });
  const scriptLog = new ScriptLog(layout.scriptsLog);
  const events: LifecycleEventResult[] = [];
  let outcome: InstanceDeploymentOutcome['status'] = 'Succeeded';

  for (const name of request.events) {
    if (outcome === 'Succeeded' && request.signal.aborted) outcome = 'Stopped';
    if (outcome !== 'Succeeded') {
      const skipped: LifecycleEventResult = { lifecycleEventName: name, status: 'Skipped' };
      events.push(skipped);
      request.onEvent({ ...skipped });
      continue;
    }
    const result: LifecycleEventResult = { lifecycleEventName: name, status: 'InProgress', startTime: new Date() };
    events.push(result);
    request.onEvent({ ...result });
    const end = await runEvent(name, { request, layout, log: scriptLog.event(name), os });
    result.status = end.status === 'Succeeded' ? 'Succeeded' : 'Failed';
    result.endTime = new Date();
    result.diagnostics = end.diagnostics;
    request.onEvent({ ...result, diagnostics: { ...end.diagnostics } });
    if (end.status !== 'Succeeded') outcome = end.status === 'Stopped' ? 'Stopped' : 'Failed';
  }
  return { status: outcome, events };
}

/** Runs one event; every error becomes the event's failure, as the agent rescues everything. */
async function runEvent(name: string, context: EventContext): Promise<EventEnd> {
  try {
    if (name === 'DownloadBundle') return await downloadBundle(context);
    if (name === 'Install') return await install(context);
    if (RESERVED_BY_SERVICE.has(name)) {
      context.log.note(`${name} is done by CodeDeploy with the load balancer; local instances have none, so there is nothing to do.`);
      return succeeded(context.log);
    }
    const revision = findEvent('ec2', name)?.revision ?? 'new';
    return await runHookEvent(name, revision === 'last-successful' ? await lastSuccessfulArchive(context.layout) : await newRevision(context), context);
  } catch (error) {
    return failed(context.log, error);
  }
}

async function downloadBundle({ request, layout, log }: EventContext): Promise<EventEnd> {
  await pruneOldArchives(layout);
  await unpackBundle(request.bundlePath, request.bundleType, layout.archiveDir);
  await markMostRecent(layout);
  return succeeded(log);
}

/** E-FI-9 then E-FI-1..8: the previous install is removed, the new one planned against what is left. */
async function install(context: EventContext): Promise<EventEnd> {
  const { request, layout, log } = context;
  const revisionDir = await newRevision(context);
  const spec = await readRevisionAppSpec(revisionDir, context.os, true);
  await runCleanup(layout.cleanupFile, layout.rootDir);
  const plan = await planInstall(spec, { revisionDir, rootDir: layout.rootDir, fileExistsBehavior: request.fileExistsBehavior });
  for (const note of plan.notes) log.note(note);
  await executeInstall(plan, layout.rootDir, layout.cleanupFile);
  await markLastSuccessful(layout);
  return succeeded(log);
}

async function newRevision({ layout }: EventContext): Promise<string> {
  const stat = await fs.stat(layout.archiveDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`The revision has not been downloaded to this instance (DownloadBundle must run before this event): ${path.basename(layout.deploymentDir)}`);
  return layout.archiveDir;
}
