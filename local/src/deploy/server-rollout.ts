import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeploymentTarget, LifecycleEvent } from '@aws-sdk/client-codedeploy';
import type { BundleType, FileExistsBehavior, InstanceDeploymentOutcome, LifecycleEventResult } from '../agent/types';
import { hasLoadBalancer } from '../api/group-settings';
import { configByName } from './config-lookup';
import { cannotSucceed, planHealth, startableCount, succeeded, type FleetCounts } from './health';
import { selectInstances } from './instance-selection';
import { serverEvents } from './lifecycle-plan';
import type { Run, RunEnvironment } from './run';
import { finishDeployment, groupOf, pendingEvents, refreshOverview, setTargetStatus, skipTarget } from './status';
import type { TargetCore } from './target-view';

const HEALTH_MESSAGE =
  'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.';
const EXTENSIONS: Record<BundleType, string> = { zip: '.zip', tar: '.tar', tgz: '.tar.gz' };

/** Copies one event result from the agent into the target's lifecycle list. */
function applyEvent(target: TargetCore, result: LifecycleEventResult): void {
  const events = (target.lifecycleEvents ??= []);
  let entry: LifecycleEvent | undefined = events.find((event) => event.lifecycleEventName === result.lifecycleEventName);
  if (!entry) {
    entry = { lifecycleEventName: result.lifecycleEventName };
    events.push(entry);
  }
  entry.status = result.status;
  if (result.startTime) entry.startTime = result.startTime;
  if (result.endTime) entry.endTime = result.endTime;
  if (result.diagnostics) entry.diagnostics = { ...result.diagnostics };
  target.lastUpdatedAt = new Date();
}

function revisionEnvironment(run: Run): Record<string, string> {
  const s3 = run.record.info.revision?.s3Location;
  const environment: Record<string, string> = {};
  if (s3?.bucket) environment.BUNDLE_BUCKET = s3.bucket;
  if (s3?.key) environment.BUNDLE_KEY = s3.key;
  if (s3?.version) environment.BUNDLE_VERSION = s3.version;
  if (s3?.eTag) environment.BUNDLE_ETAG = s3.eTag;
  return environment;
}

/**
 * Runs an in-place EC2/On-premises deployment: picks the group's instances by tag, downloads the
 * bundle once from the local S3, then hands each instance to the agent, as many at a time as the
 * configuration's minimum healthy hosts allow, stopping as soon as success has become impossible.
 */
export async function runServerDeployment(env: RunEnvironment, run: Run): Promise<void> {
  const { store } = env;
  const { record } = run;
  const info = record.info;
  const group = groupOf(store.state, record);
  const config = configByName(store.state, info.deploymentConfigName);
  info.status = 'InProgress';
  info.startTime = new Date();
  store.changed();
  if (!group) return finishDeployment(store.state, record, 'Failed', { code: 'DEPLOYMENT_GROUP_MISSING', message: 'The deployment group was deleted.' });
  if (!config) return finishDeployment(store.state, record, 'Failed', { code: 'INTERNAL_ERROR', message: `The deployment configuration ${info.deploymentConfigName} no longer exists.` });

  const instances = selectInstances(group, Object.values(store.state.instances));
  if (instances.length === 0) {
    return finishDeployment(store.state, record, 'Failed', {
      code: 'NO_INSTANCES',
      message: 'The deployment failed because no instances were found for your deployment group. Check the deployment group\'s on-premises tag filters and the tags of your registered instances.',
    });
  }
  const withLoadBalancer = info.deploymentStyle?.deploymentOption === 'WITH_TRAFFIC_CONTROL' && hasLoadBalancer(info.loadBalancerInfo);
  const events = serverEvents(withLoadBalancer);
  record.targets = instances.map(
    (instance): DeploymentTarget => ({
      deploymentTargetType: 'InstanceTarget',
      instanceTarget: {
        deploymentId: info.deploymentId,
        targetId: instance.instanceName,
        targetArn: instance.instanceArn,
        status: 'Pending',
        lastUpdatedAt: new Date(),
        lifecycleEvents: pendingEvents(events),
        instanceLabel: 'Blue',
      },
    }),
  );
  const cores = record.targets.map((target) => target.instanceTarget!);
  refreshOverview(record);
  store.changed();

  const skipRest = () => cores.filter((core) => core.status === 'Pending').forEach((core) => skipTarget(core));
  const plan = planHealth(config, instances.length);
  if (plan.invalid) {
    skipRest();
    return finishDeployment(store.state, record, 'Failed', { code: 'HEALTH_CONSTRAINTS_INVALID', message: plan.invalid });
  }
  const agent = env.agent;
  if (!agent) {
    skipRest();
    return finishDeployment(store.state, record, 'Failed', { code: 'AGENT_ISSUE', message: 'No local agent is available to run lifecycle events on the instances.' });
  }

  const bundleType = info.revision!.s3Location!.bundleType as BundleType;
  const bundleDir = path.join(env.bundlesDir, info.deploymentId!);
  const bundlePath = path.join(bundleDir, `bundle${EXTENSIONS[bundleType]}`);
  try {
    await env.bundles.download(info.revision!.s3Location!, bundlePath);
  } catch (error) {
    skipRest();
    const name = error instanceof Error ? error.name : 'Error';
    return finishDeployment(store.state, record, 'Failed', {
      code: 'REVISION_MISSING',
      message: `The revision could not be read from s3://${info.revision!.s3Location!.bucket}/${info.revision!.s3Location!.key}: ${name}`,
    });
  }

  try {
    await roll(env, run, cores, { plan, events, bundlePath, bundleType });
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
  skipRest();
  const counts = countFleet(cores, 0);
  if (run.stopRequested) {
    finishDeployment(store.state, record, 'Stopped', { code: 'MANUAL_STOP', message: 'The deployment was stopped by a StopDeployment request.' });
  } else if (!succeeded(plan, counts)) {
    finishDeployment(store.state, record, 'Failed', { code: 'HEALTH_CONSTRAINTS', message: HEALTH_MESSAGE });
  } else {
    finishDeployment(store.state, record, 'Succeeded');
  }
  store.changed();
}

function countFleet(cores: readonly TargetCore[], inFlight: number): FleetCounts {
  const of = (status: string) => cores.filter((core) => core.status === status).length;
  return { total: cores.length, pending: of('Pending'), inFlight, succeeded: of('Succeeded'), failed: of('Failed') };
}

interface RollPlan {
  plan: ReturnType<typeof planHealth>;
  events: string[];
  bundlePath: string;
  bundleType: BundleType;
}

async function roll(env: RunEnvironment, run: Run, cores: TargetCore[], rollPlan: RollPlan): Promise<void> {
  const { store } = env;
  const { record } = run;
  const info = record.info;
  const inFlight = new Set<Promise<void>>();
  let halted = false;

  const deployOne = async (core: TargetCore): Promise<void> => {
    setTargetStatus(core, 'InProgress');
    refreshOverview(record);
    store.changed();
    let outcome: InstanceDeploymentOutcome;
    try {
      outcome = await env.agent!.deploy({
        deploymentId: info.deploymentId!,
        applicationName: info.applicationName!,
        deploymentGroupName: info.deploymentGroupName!,
        deploymentGroupId: groupOfId(env, run),
        instanceDir: path.join(env.instancesDir, core.targetId!),
        bundlePath: rollPlan.bundlePath,
        bundleType: rollPlan.bundleType,
        revisionEnvironment: revisionEnvironment(run),
        fileExistsBehavior: (info.fileExistsBehavior ?? 'DISALLOW') as FileExistsBehavior,
        ignoreApplicationStopFailures: info.ignoreApplicationStopFailures === true,
        events: rollPlan.events,
        signal: run.abort.signal,
        onEvent(result) {
          applyEvent(core, result);
          store.changed();
        },
      });
    } catch (error) {
      const running = core.lifecycleEvents?.find((event) => event.status === 'InProgress' || event.status === 'Pending');
      if (running) {
        running.status = 'Failed';
        running.endTime = new Date();
        running.diagnostics = { errorCode: 'UnknownError', scriptName: '', message: error instanceof Error ? error.message : String(error), logTail: '' };
      }
      outcome = { status: 'Failed', events: [] };
    }
    for (const result of outcome.events) applyEvent(core, result);
    skipTarget(core, outcome.status === 'Succeeded' ? 'Succeeded' : 'Failed');
    refreshOverview(record);
    store.changed();
  };

  for (;;) {
    if (!run.abort.signal.aborted && !halted) {
      const startable = startableCount(rollPlan.plan, countFleet(cores, inFlight.size));
      for (let index = 0; index < startable; index += 1) {
        const core = cores.find((candidate) => candidate.status === 'Pending')!;
        const task: Promise<void> = deployOne(core).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
    if (inFlight.size === 0) return;
    await Promise.race(inFlight);
    if (cannotSucceed(rollPlan.plan, countFleet(cores, inFlight.size))) halted = true;
  }
}

function groupOfId(env: RunEnvironment, run: Run): string {
  return groupOf(env.store.state, run.record)?.deploymentGroupId ?? '';
}
