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
import type { BenchModule, BenchRow } from '../bench-row';
import { median } from '../timing';

const FILES = 1000;
const INSTANCES = 3;
const ROUNDS = 3;
const EVENTS = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'];

/** A revision of FILES small files in 20 folders plus an AppSpec with two trivial hooks, zipped. */
async function buildBundle(file: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (let index = 0; index < FILES; index += 1) {
    zip.addBuffer(Buffer.from(`file ${index}\n${'x'.repeat(index % 2048)}\n`), `site/dir-${index % 20}/file-${index}.txt`, { mode: 0o100644 });
  }
  zip.addBuffer(Buffer.from('#!/bin/sh\nexit 0\n'), 'scripts/check.sh', { mode: 0o100755 });
  const appspec = 'version: 0.0\nos: linux\nfiles:\n  - source: site\n    destination: /srv/site\nhooks:\n  AfterInstall:\n    - location: scripts/check.sh\n  ValidateService:\n    - location: scripts/check.sh\n';
  zip.addBuffer(Buffer.from(appspec), 'appspec.yml', { mode: 0o100644 });
  zip.end();
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
 * A 1,000-file revision deployed through the real SDKs to three local instances (CreateDeployment →
 * Succeeded, AllAtOnce, median of redeploys), next to its reference measured in the same process:
 * the same bundle handed straight to the agent for three instance folders at once. Their ratio is
 * the endpoint's own cost (API, S3 download, orchestration, state writes); OneAtATime is one figure.
 */
async function run(): Promise<BenchRow[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-endpoint-bench-'));
  const agent = createInstanceAgent();
  const local = await startLocalCodeDeploy({ dataDir: path.join(work, 'data'), instances: INSTANCES, agent });
  const credentials = local.credentials;
  const codedeploy = new CodeDeployClient({ endpoint: local.endpoint, region: 'us-east-1', credentials });
  const s3 = new S3Client({ endpoint: local.s3Endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  try {
    const bundlePath = path.join(work, 'bundle.zip');
    const body = await buildBundle(bundlePath);
    await s3.send(new PutObjectCommand({ Bucket: local.bucket, Key: 'bench/site.zip', Body: body }));
    const deploy = async (app: string): Promise<number> => {
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
      if (info.status !== 'Succeeded') throw new Error(`bench deployment ${deploymentId} ended ${info.status}: ${info.errorInformation?.message}`);
      return performance.now() - started;
    };
    let directRound = 0;
    const direct = async (): Promise<number> => {
      directRound += 1;
      const started = performance.now();
      const outcomes = await Promise.all(
        Array.from({ length: INSTANCES }, (_, index) =>
          agent.deploy({
            deploymentId: `d-BENCH${String(directRound).padStart(4, '0')}`,
            applicationName: 'direct',
            deploymentGroupName: 'fleet',
            deploymentGroupId: 'direct-fleet',
            instanceDir: path.join(work, 'direct', `instance-${index}`),
            bundlePath,
            bundleType: 'zip',
            revisionEnvironment: {},
            fileExistsBehavior: 'OVERWRITE',
            ignoreApplicationStopFailures: false,
            events: EVENTS,
            signal: new AbortController().signal,
            onEvent: () => undefined,
          }),
        ),
      );
      if (outcomes.some((outcome) => outcome.status !== 'Succeeded')) throw new Error('direct agent deployment failed');
      return performance.now() - started;
    };

    for (const config of ['AllAtOnce', 'OneAtATime']) {
      await codedeploy.send(new CreateApplicationCommand({ applicationName: config }));
      await codedeploy.send(
        new CreateDeploymentGroupCommand({
          applicationName: config,
          deploymentGroupName: 'fleet',
          serviceRoleArn: 'arn:aws:iam::000000000000:role/bench',
          deploymentConfigName: `CodeDeployDefault.${config}`,
          onPremisesInstanceTagFilters: [{ Key: 'Environment', Value: 'local', Type: 'KEY_AND_VALUE' }],
        }),
      );
    }
    const firstDeployment = await deploy('AllAtOnce');
    await direct();
    const endpointTimes: number[] = [];
    const directTimes: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const viaEndpoint = await deploy('AllAtOnce');
      const viaAgent = await direct();
      endpointTimes.push(viaEndpoint);
      directTimes.push(viaAgent);
      ratios.push(viaEndpoint / viaAgent);
    }
    const oneAtATime = await deploy('OneAtATime');
    const ratio = median(ratios);
    return [
      { name: `1,000-file revision → ${INSTANCES} instances, AllAtOnce, first deployment`, value: firstDeployment, unit: 'ms' },
      { name: `1,000-file revision → ${INSTANCES} instances, AllAtOnce, redeploy (median)`, value: median(endpointTimes), unit: 'ms' },
      { name: `same bundle straight to the agent, ${INSTANCES} folders at once (median)`, value: median(directTimes), unit: 'ms' },
      { name: 'endpoint / direct agent (median of per-round ratios)', value: ratio, unit: '×', target: '≤ 1.5×', ok: ratio <= 1.5 },
      { name: `1,000-file revision → ${INSTANCES} instances, OneAtATime, first deployment`, value: oneAtATime, unit: 'ms' },
    ];
  } finally {
    codedeploy.destroy();
    s3.destroy();
    await local.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** The local endpoint's deployment benchmark, for bench/run.ts. */
export const localEndpointDeploy: BenchModule = { name: 'local-endpoint', run };
