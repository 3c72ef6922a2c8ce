import { randomUUID } from 'node:crypto';
import type { DeploymentInfo, LifecycleEvent } from '@aws-sdk/client-codedeploy';
import { analyzeAppSpec } from '../../../server/src/appspec/analyze';
import type { ServiceModel } from '../../../server/src/appspec/model';
import { ECS_EVENTS, LAMBDA_EVENTS } from '../../../server/src/appspec/lifecycle';
import { configByName } from './config-lookup';
import { runHookFunction, type HookVerdict } from './hook-function';
import { sleep, type Run, type RunEnvironment } from './run';
import { buildServiceTarget, setTrafficShare } from './service-target';
import { finishDeployment, groupOf, refreshOverview, setTargetStatus, skipTarget } from './status';
import type { TargetCore } from './target-view';
import { shiftSchedule } from './traffic-shift';

const EVENT_LIMIT_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;

async function readAppSpec(env: RunEnvironment, info: DeploymentInfo): Promise<string> {
  const revision = info.revision!;
  if (revision.appSpecContent?.content) return revision.appSpecContent.content;
  if (revision.string?.content) return revision.string.content;
  if (revision.s3Location) return env.bundles.readText(revision.s3Location);
  throw new Error('The revision has no AppSpec content.');
}

/** The events an ECS or Lambda deployment runs (appspec-rules.md §10.3–10.4); test traffic only with a test listener. */
function serviceEvents(platform: 'ecs' | 'lambda', hasTestListener: boolean): string[] {
  const all = platform === 'ecs' ? ECS_EVENTS : LAMBDA_EVENTS;
  return all.filter((event) => hasTestListener || (event.name !== 'AllowTestTraffic' && event.name !== 'AfterAllowTestTraffic')).map((event) => event.name);
}

/**
 * Simulates an ECS or Lambda deployment: each lifecycle event in order, hook "functions" run as
 * local executables, production traffic shifted per the configuration's canary/linear/all-at-once
 * schedule (waits scaled by timeScale), an optional Ready wait for ContinueDeployment (ECS), and on
 * failure or stop the traffic goes back to the original version.
 */
export async function runServiceDeployment(env: RunEnvironment, run: Run): Promise<void> {
  const { store } = env;
  const { record } = run;
  const info = record.info;
  info.status = 'InProgress';
  info.startTime = new Date();
  store.changed();
  const group = groupOf(store.state, record);
  const config = configByName(store.state, info.deploymentConfigName);
  if (!group || !config) return finishDeployment(store.state, record, 'Failed', { code: 'DEPLOYMENT_GROUP_MISSING', message: 'The deployment group or its configuration no longer exists.' });

  let text: string;
  try {
    text = await readAppSpec(env, info);
  } catch (error) {
    return finishDeployment(store.state, record, 'Failed', { code: 'REVISION_MISSING', message: `The AppSpec could not be read: ${error instanceof Error ? error.name : 'Error'}` });
  }
  const platform = info.computePlatform === 'ECS' ? 'ecs' : 'lambda';
  const format = info.revision?.s3Location?.bundleType === 'JSON' || /^\s*\{/.test(text) ? 'json' : 'yaml';
  const analysis = analyzeAppSpec(text, { platform, format });
  const firstError = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!analysis.model || analysis.model.platform === 'ec2' || firstError) {
    return finishDeployment(store.state, record, 'Failed', { code: 'INVALID_REVISION', message: `The AppSpec is invalid: ${firstError?.message ?? 'no resources'}` });
  }
  const model = analysis.model as ServiceModel;
  const pair = group.loadBalancerInfo?.targetGroupPairInfoList?.[0];
  const events = serviceEvents(platform, (pair?.testTrafficRoute?.listenerArns?.length ?? 0) > 0);
  const service = group.ecsServices?.[0];
  const region = /^arn:aws:[^:]*:([^:]*):/.exec(group.serviceRoleArn ?? '')?.[1] || 'us-east-1';
  const target = buildServiceTarget(info, model, events, region, service?.clusterName, service?.serviceName);
  record.targets = [target];
  const core = (target.lambdaTarget ?? target.ecsTarget) as TargetCore;
  refreshOverview(record);
  store.changed();

  const hooks = new Map(model.hooks.filter((hook) => hook.functionName).map((hook) => [hook.name, hook.functionName!]));
  const readyOption = info.blueGreenDeploymentConfiguration?.deploymentReadyOption;
  const waitForReady = platform === 'ecs' && readyOption?.actionOnTimeout === 'STOP_DEPLOYMENT';
  let failure: HookVerdict | undefined;
  setTargetStatus(core, 'InProgress');
  for (const name of events) {
    if (run.abort.signal.aborted) break;
    if (name === 'BeforeAllowTraffic' && waitForReady) {
      const released = await waitReady(env, run, core, (readyOption?.waitTimeInMinutes ?? 0) * MINUTE_MS * env.timeScale);
      if (!released) {
        run.stopRequested ??= { autoRollback: false };
        break;
      }
    }
    const event = core.lifecycleEvents!.find((candidate) => candidate.lifecycleEventName === name)!;
    begin(event, core);
    store.changed();
    let verdict: HookVerdict | undefined;
    if (name === 'AllowTraffic') await shiftTraffic(env, run, config.trafficRoutingConfig, target);
    else if (hooks.has(name)) verdict = await runHook(env, run, hooks.get(name)!, name);
    if (run.abort.signal.aborted && !verdict) verdict = { status: 'Failed', errorCode: 'UnknownError', message: 'The deployment was stopped during this event.', logTail: '' };
    end(event, core, verdict);
    store.changed();
    if (verdict?.status === 'Failed') {
      failure = verdict;
      break;
    }
  }

  if (failure || run.stopRequested) setTrafficShare(target, 0);
  if (run.stopRequested) {
    skipTarget(core, 'Failed');
    finishDeployment(store.state, record, 'Stopped', { code: 'MANUAL_STOP', message: 'The deployment was stopped; production traffic stays on the original version.' });
  } else if (failure) {
    skipTarget(core, 'Failed');
    finishDeployment(store.state, record, 'Failed', { code: 'HOOK_EXECUTION_FAILURE', message: `A lifecycle hook function failed: ${failure.message}` });
  } else {
    skipTarget(core, 'Succeeded');
    finishDeployment(store.state, record, 'Succeeded');
  }
  store.changed();
}

function begin(event: LifecycleEvent, core: TargetCore): void {
  event.status = 'InProgress';
  event.startTime = new Date();
  core.lastUpdatedAt = event.startTime;
}

function end(event: LifecycleEvent, core: TargetCore, verdict: HookVerdict | undefined): void {
  event.status = verdict?.status ?? 'Succeeded';
  event.endTime = new Date();
  if (verdict) event.diagnostics = { errorCode: verdict.errorCode, scriptName: '', message: verdict.message, logTail: verdict.logTail };
  core.lastUpdatedAt = event.endTime;
}

async function runHook(env: RunEnvironment, run: Run, functionName: string, eventName: string): Promise<HookVerdict> {
  const executionId = randomUUID();
  const reported = new Promise<'Succeeded' | 'Failed'>((resolve) => run.hooks.set(executionId, resolve));
  try {
    return await runHookFunction({
      functionsDir: env.functionsDir,
      functionName,
      deploymentId: run.record.info.deploymentId!,
      executionId,
      eventName,
      timeoutMs: EVENT_LIMIT_MS,
      environment: env.hookEnvironment,
      signal: run.abort.signal,
      reported,
    });
  } finally {
    run.hooks.delete(executionId);
  }
}

async function shiftTraffic(env: RunEnvironment, run: Run, config: Parameters<typeof shiftSchedule>[0], target: ReturnType<typeof buildServiceTarget>): Promise<void> {
  for (const step of shiftSchedule(config)) {
    if (step.waitMinutes > 0) await sleep(step.waitMinutes * MINUTE_MS * env.timeScale, run.abort.signal);
    if (run.abort.signal.aborted) return;
    setTrafficShare(target, step.percent);
    env.store.changed();
  }
}

/** Ready: replacement in place, waiting for ContinueDeployment. False when the wait ran out or the deployment stopped. */
async function waitReady(env: RunEnvironment, run: Run, core: TargetCore, timeoutMs: number): Promise<boolean> {
  const info = run.record.info;
  info.status = 'Ready';
  setTargetStatus(core, 'Ready');
  refreshOverview(run.record);
  env.store.changed();
  let released = false;
  const timeout = new AbortController();
  const stop = () => timeout.abort();
  run.abort.signal.addEventListener('abort', stop, { once: true });
  run.release = () => {
    released = !run.abort.signal.aborted;
    timeout.abort();
  };
  await sleep(timeoutMs, timeout.signal);
  run.release = undefined;
  run.abort.signal.removeEventListener('abort', stop);
  info.status = 'InProgress';
  setTargetStatus(core, 'InProgress');
  refreshOverview(run.record);
  env.store.changed();
  return released;
}
