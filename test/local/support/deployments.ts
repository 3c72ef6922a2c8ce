import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  BatchGetDeploymentTargetsCommand,
  CreateApplicationCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
  type CodeDeployClient,
  type DeploymentInfo,
  type DeploymentTarget,
} from '@aws-sdk/client-codedeploy';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { tarFolder, writeTree, zipFolder, type TreeEntry } from '../agent/support/archives';
import { waitFor } from './endpoint';

export const ROLE = 'arn:aws:iam::000000000000:role/CodeDeployServiceRole';
export const BUCKET = 'local-codedeploy';
const TERMINAL = ['Succeeded', 'Failed', 'Stopped'];

/** An application and a group targeting the pre-registered `local-N` instances (Environment=local). */
export async function createAppAndGroup(client: CodeDeployClient, app: string, group: string, extra: Record<string, unknown> = {}): Promise<void> {
  await client.send(new CreateApplicationCommand({ applicationName: app }));
  await client.send(
    new CreateDeploymentGroupCommand({
      applicationName: app,
      deploymentGroupName: group,
      serviceRoleArn: ROLE,
      onPremisesInstanceTagFilters: [{ Key: 'Environment', Value: 'local', Type: 'KEY_AND_VALUE' }],
      ...extra,
    }),
  );
}

/**
 * A revision tree with an AppSpec whose hooks are the given shell bodies (one script per event).
 * Tests sharing instances give each group its own destination: the agent refuses to overwrite
 * files another group installed (DISALLOW).
 */
export function revisionTree(hooks: Record<string, string>, files: Record<string, TreeEntry> = {}, destination = '/srv/app'): Record<string, TreeEntry> {
  const tree: Record<string, TreeEntry> = { 'app/index.txt': 'hello\n', ...files };
  let appspec = `version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: ${destination}\nhooks:\n`;
  for (const [event, body] of Object.entries(hooks)) {
    tree[`scripts/${event}.sh`] = { content: `#!/bin/sh\n${body}\n`, mode: 0o755 };
    appspec += `  ${event}:\n    - location: scripts/${event}.sh\n      timeout: 60\n`;
  }
  tree['appspec.yml'] = appspec;
  return tree;
}

/** Bundles a tree (zip, tar or tgz) and uploads it to the local S3; returns the S3 revision. */
export async function uploadRevision(s3: S3Client, work: string, key: string, tree: Record<string, TreeEntry>, bundleType: 'zip' | 'tar' | 'tgz' = 'zip') {
  const source = path.join(work, `src-${key.replace(/[^a-z0-9]/gi, '_')}`);
  await fs.mkdir(source, { recursive: true });
  await writeTree(source, tree);
  const bundle = `${source}.${bundleType}`;
  if (bundleType === 'zip') await zipFolder(source, bundle);
  else await tarFolder(source, bundle, bundleType === 'tgz');
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: await fs.readFile(bundle) }));
  return { revisionType: 'S3' as const, s3Location: { bucket: BUCKET, key, bundleType } };
}

/** Waits until the deployment has ended and returns it. */
export async function waitForEnd(client: CodeDeployClient, deploymentId: string, timeoutMs = 30000): Promise<DeploymentInfo> {
  return waitFor(
    async () => {
      const { deploymentInfo } = await client.send(new GetDeploymentCommand({ deploymentId }));
      return TERMINAL.includes(deploymentInfo!.status!) ? deploymentInfo : undefined;
    },
    `deployment ${deploymentId} to end`,
    timeoutMs,
  );
}

/** Every target of a deployment through list-then-batch-get (≤ 25 ids a call), in list order. */
export async function allTargets(client: CodeDeployClient, deploymentId: string): Promise<DeploymentTarget[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListDeploymentTargetsCommand({ deploymentId, nextToken }));
    ids.push(...(page.targetIds ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const targets: DeploymentTarget[] = [];
  for (let index = 0; index < ids.length; index += 25) {
    const batch = await client.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ids.slice(index, index + 25) }));
    targets.push(...(batch.deploymentTargets ?? []));
  }
  return targets;
}

/** Waits until some target's event has the status (e.g. a gated script is running). */
export async function waitForEvent(client: CodeDeployClient, deploymentId: string, event: string, status: string): Promise<DeploymentTarget> {
  return waitFor(
    async () => {
      const { deploymentInfo } = await client.send(new GetDeploymentCommand({ deploymentId }));
      if (deploymentInfo?.status === 'Created') return undefined;
      const targets = await allTargets(client, deploymentId);
      return targets.find((target) => target.instanceTarget?.lifecycleEvents?.some((candidate) => candidate.lifecycleEventName === event && candidate.status === status));
    },
    `${event} ${status} in ${deploymentId}`,
  );
}
