import * as path from 'node:path';
import type { ScriptSpec } from './agent-appspec';
import { failed, succeeded, type EventContext, type EventEnd } from './event-result';
import { runScript } from './hook-runner';
import { readRevisionAppSpec } from './revision-appspec';

/** Events whose failures `ignoreApplicationStopFailures` forgives (E-LOC-3). */
const FORGIVABLE = new Set(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);

/** Variables the agent sets per script; stale copies in our own environment must not leak through. */
const AGENT_VARIABLES = /^(LIFECYCLE_EVENT|DEPLOYMENT_ID|APPLICATION_NAME|DEPLOYMENT_GROUP_NAME|DEPLOYMENT_GROUP_ID|BUNDLE_[A-Z]+)$/;

/**
 * Runs an event's scripts from `revisionDir` in order (E-RUN-1); the first failure ends the event.
 * Without a revision (ApplicationStop on a first deployment, E-HK-6) the event does nothing.
 */
export async function runHookEvent(name: string, revisionDir: string | undefined, context: EventContext): Promise<EventEnd> {
  const end = await runScripts(name, revisionDir, context);
  if (end.status !== 'Failed' || !context.request.ignoreApplicationStopFailures || !FORGIVABLE.has(name)) return end;
  context.log.note(`${name} failed and the failure is ignored (ignoreApplicationStopFailures): ${end.diagnostics.message}`);
  return { status: 'Succeeded', diagnostics: { ...end.diagnostics, errorCode: 'Success', logTail: context.log.tail() } };
}

async function runScripts(name: string, revisionDir: string | undefined, context: EventContext): Promise<EventEnd> {
  const { log, request } = context;
  if (!revisionDir) {
    log.note(`${name} has no previous successful revision of this deployment group on this instance; nothing to run.`);
    return succeeded(log);
  }
  let scripts: ScriptSpec[];
  try {
    scripts = (await readRevisionAppSpec(revisionDir, context.os, false)).hooks.get(name) ?? [];
  } catch (error) {
    return failed(log, error);
  }
  const env = scriptEnvironment(name, request);
  for (const script of scripts) {
    log.script(script.location);
    if (script.runas !== undefined || script.sudo) log.note(`runas/sudo ignored: local scripts run as the current user.`);
    const result = await runScript({
      scriptPath: path.join(revisionDir, ...script.location.split('/').filter((segment) => segment !== '')),
      location: script.location,
      timeoutSeconds: script.timeoutSeconds,
      env,
      cwd: context.layout.rootDir,
      log,
      signal: request.signal,
    });
    if (result.code === 'Success') continue;
    const diagnostics = { errorCode: result.code === 'Stopped' ? 'UnknownError' as const : result.code, scriptName: script.location, message: result.message, logTail: log.tail() };
    return { status: result.code === 'Stopped' ? 'Stopped' : 'Failed', diagnostics };
  }
  return succeeded(log);
}

/** The five lifecycle variables plus the revision's BUNDLE_* ones (§9.1), over our own environment. */
function scriptEnvironment(name: string, request: EventContext['request']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!AGENT_VARIABLES.test(key)) env[key] = value;
  for (const [key, value] of Object.entries(request.revisionEnvironment)) if (/^BUNDLE_[A-Z]+$/.test(key)) env[key] = value;
  return {
    ...env,
    LIFECYCLE_EVENT: name,
    DEPLOYMENT_ID: request.deploymentId.replace(/^arn:.*[/:]/, ''),
    APPLICATION_NAME: request.applicationName,
    DEPLOYMENT_GROUP_NAME: request.deploymentGroupName,
    DEPLOYMENT_GROUP_ID: request.deploymentGroupId,
  };
}
