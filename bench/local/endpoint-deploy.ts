import { createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
  type DeploymentInfo,
} from '@aws-sdk/client-codedeploy';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as yazl from 'yazl';
import { createInstanceAgent } from '../../local/src/agent';
import { startLocalCodeDeploy } from '../../local/src/index';

/** One measured figure. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const FILES = 1000;
const INSTANCES = 3;

/** A revision of FILES small files in 20 folders plus an AppSpec with two trivial hooks, zipped. */
async function buildBundle(work: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (let index = 0; index < FILES; index += 1) {
    zip.addBuffer(Buffer.from(`file ${index}\n${'x'.repeat(index % 2048)}\n`), `site/dir-${index % 20}/file-${index}.txt`, { mode: 0o100644 });
  }
  zip.addBuffer(Buffer.from('#!/bin/sh\nexit 0\n'), 'scripts/check.sh', { mode: 0o100755 });
  const appspec = 'version: 0.0\nos: linux\nfiles:\n  - source: site\n    destination: /srv/site\nhooks:\n  AfterInstall:\n    - location: scripts/check.sh\n  ValidateService:\n    - location: scripts/check.sh\n';
  zip.addBuffer(Buffer.from(appspec), 'appspec.yml', { mode: 0o100644 });
  zip.end();
  const file = path.join(work, 'bundle.zip');
  await pipeline(zip.outputStream, createWriteStream(file));
  return fs.readFile(file);
}

async function waitForEnd(client: CodeDeployClient, deploymentId: string): Promise<DeploymentInfo> {
  for (;;) {
    const { deploymentInfo } = await client.send(new GetDeploymentCommand({ deploymentId }));
    if (['Succeeded', 'Failed', 'Stopped'].includes(deploymentInfo!.status!)) return deploymentInfo!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A 1,000-file revision deployed through the real SDKs to three local instances: wall time from
 * CreateDeployment to Succeeded, first deployment (fresh instances) and a redeploy of the same
 * revision, with OneAtATime (sequential) and AllAtOnce (parallel).
 */
export async function endpointDeploy(): Promise<BenchRow[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-endpoint-bench-'));
  const local = await startLocalCodeDeploy({ dataDir: path.join(work, 'data'), instances: INSTANCES, agent: createInstanceAgent() });
  const credentials = local.credentials;
  const codedeploy = new CodeDeployClient({ endpoint: local.endpoint, region: 'us-east-1', credentials });
  const s3 = new S3Client({ endpoint: local.s3Endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const rows: BenchRow[] = [];
  try {
    const body = await buildBundle(work);
    await s3.send(new PutObjectCommand({ Bucket: local.bucket, Key: 'bench/site.zip', Body: body }));
    rows.push({ name: 'bundle size (1,000 files, zip)', value: Math.round(body.length / 1024), unit: 'KiB' });
    for (const config of ['CodeDeployDefault.AllAtOnce', 'CodeDeployDefault.OneAtATime']) {
      const app = `bench-${config.split('.')[1]}`;
      await codedeploy.send(new CreateApplicationCommand({ applicationName: app }));
      await codedeploy.send(
        new CreateDeploymentGroupCommand({
          applicationName: app,
          deploymentGroupName: 'fleet',
          serviceRoleArn: 'arn:aws:iam::000000000000:role/bench',
          deploymentConfigName: config,
          onPremisesInstanceTagFilters: [{ Key: 'Environment', Value: 'local', Type: 'KEY_AND_VALUE' }],
        }),
      );
      for (const round of ['first deployment', 'redeploy']) {
        const started = performance.now();
        const { deploymentId } = await codedeploy.send(
          new CreateDeploymentCommand({
            applicationName: app,
            deploymentGroupName: 'fleet',
            fileExistsBehavior: 'OVERWRITE',
            revision: { revisionType: 'S3', s3Location: { bucket: local.bucket, key: 'bench/site.zip', bundleType: 'zip' } },
          }),
        );
        const info = await waitForEnd(codedeploy, deploymentId!);
        const elapsed = performance.now() - started;
        if (info.status !== 'Succeeded') throw new Error(`bench deployment ${deploymentId} ended ${info.status}: ${info.errorInformation?.message}`);
        rows.push({ name: `1,000-file revision to ${INSTANCES} instances, ${config.split('.')[1]}, ${round}`, value: Math.round(elapsed), unit: 'ms', note: 'CreateDeployment → Succeeded' });
      }
    }
  } finally {
    codedeploy.destroy();
    s3.destroy();
    await local.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
  return rows;
}
