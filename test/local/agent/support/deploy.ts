import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInstanceAgent } from '../../../../local/src/agent';
import type { BundleType, InstanceDeploymentOutcome, InstanceDeploymentRequest, LifecycleEventResult } from '../../../../local/src/agent';
import { tarFolder, writeTree, zipFolder, type TreeEntry } from './archives';

/** An in-place deployment without a load balancer, as the endpoint passes it (§10.2). */
export const IN_PLACE_EVENTS = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'];

/** The same with a load balancer: the six traffic events around it. */
export const IN_PLACE_LB_EVENTS = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', ...IN_PLACE_EVENTS, 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];

export interface DeployRun {
  outcome: InstanceDeploymentOutcome;
  /** Every onEvent call, in order. */
  seen: LifecycleEventResult[];
  deploymentId: string;
}

export type DeployOptions = Partial<Omit<InstanceDeploymentRequest, 'onEvent' | 'bundlePath'>> & {
  bundleType?: BundleType;
  onEvent?: (result: LifecycleEventResult) => void;
};

let counter = 0;

/** Builds a bundle of `tree` in `work` and deploys it to `<work>/instance`. */
export async function deployTree(work: string, tree: Record<string, TreeEntry>, options: DeployOptions = {}): Promise<DeployRun> {
  counter += 1;
  const deploymentId = options.deploymentId ?? `d-TEST${String(counter).padStart(5, '0')}`;
  const source = path.join(work, `revision-${deploymentId}`);
  await fs.mkdir(source, { recursive: true });
  await writeTree(source, tree);
  const bundleType = options.bundleType ?? 'zip';
  const bundlePath = path.join(work, `${deploymentId}.${bundleType}`);
  if (bundleType === 'zip') await zipFolder(source, bundlePath);
  else await tarFolder(source, bundlePath, bundleType === 'tgz');
  return deployBundle(work, bundlePath, { ...options, deploymentId, bundleType });
}

/** Deploys an existing bundle file to `<work>/instance`. */
export async function deployBundle(work: string, bundlePath: string, options: DeployOptions = {}): Promise<DeployRun> {
  const seen: LifecycleEventResult[] = [];
  const deploymentId = options.deploymentId ?? `d-BUNDLE${++counter}`;
  const request: InstanceDeploymentRequest = {
    deploymentId,
    applicationName: 'LocalApp',
    deploymentGroupName: 'LocalGroup',
    deploymentGroupId: 'dg-local-1',
    instanceDir: path.join(work, 'instance'),
    bundlePath,
    bundleType: 'zip',
    revisionEnvironment: {},
    fileExistsBehavior: 'DISALLOW',
    ignoreApplicationStopFailures: false,
    events: IN_PLACE_EVENTS,
    signal: new AbortController().signal,
    ...options,
    onEvent: (result) => {
      seen.push(result);
      options.onEvent?.(result);
    },
  };
  const outcome = await createInstanceAgent().deploy(request);
  return { outcome, seen, deploymentId };
}

/** The final status of each event, `Name:Status`, for one-line assertions. */
export function statuses(outcome: InstanceDeploymentOutcome): string[] {
  return outcome.events.map((event) => `${event.lifecycleEventName}:${event.status}`);
}

/** The event's result by name. */
export function eventNamed(outcome: InstanceDeploymentOutcome, name: string): LifecycleEventResult {
  const found = outcome.events.find((event) => event.lifecycleEventName === name);
  if (!found) throw new Error(`no event ${name} in ${statuses(outcome).join(', ')}`);
  return found;
}

/** A minimal Linux AppSpec with the given hooks/files text appended. */
export function appspec(body = ''): string {
  return `version: 0.0\nos: linux\n${body}`;
}

/** A shell script file entry (executable). */
export function script(body: string): TreeEntry {
  return { content: `#!/bin/sh\n${body}\n`, mode: 0o755 };
}
