import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  ContinueDeploymentCommand,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
  ListDeploymentInstancesCommand,
  StopDeploymentCommand,
  type CodeDeployClient,
} from '@aws-sdk/client-codedeploy';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { removeDir, startInProcess, tempDir, waitFor, type Endpoint } from '../support/endpoint';
import { allTargets, ROLE, waitForEnd } from '../support/deployments';

const LAMBDA_APPSPEC = `version: 0.0
Resources:
  - myFunction:
      Type: AWS::Lambda::Function
      Properties:
        Name: my-function
        Alias: live
        CurrentVersion: "1"
        TargetVersion: "2"
Hooks:
  - BeforeAllowTraffic: preTraffic
  - AfterAllowTraffic: postTraffic
`;

const ECS_APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 80
Hooks:
  - AfterAllowTestTraffic: checkTestTraffic
`;

describe('local endpoint: ECS and Lambda deployments (simulated, time-scaled)', function () {
  let local: Endpoint;
  let client: CodeDeployClient;
  let work: string;
  let trace: string;

  async function hookFunction(name: string, body: string): Promise<void> {
    const file = path.join(local.dataDir, 'functions', name);
    await fs.writeFile(file, `#!/bin/sh\necho "$LIFECYCLE_EVENT $DEPLOYMENT_ID" >> ${trace}\n${body}\n`, { mode: 0o755 });
  }

  before(async function () {
    work = await tempDir('local-cd-work-');
    trace = path.join(work, 'trace.log');
    // 5 minutes of canary become 1.5 s.
    local = await startInProcess({ timeScale: 0.005 });
    client = local.codedeploy();
    await client.send(new CreateApplicationCommand({ applicationName: 'fn-app', computePlatform: 'Lambda' }));
    await client.send(new CreateDeploymentGroupCommand({ applicationName: 'fn-app', deploymentGroupName: 'fn-group', serviceRoleArn: ROLE, deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' }));
  });

  after(async function () {
    await local?.stop();
    await removeDir(work);
  });

  it('Lambda canary: hooks run as local executables around a 10 % then 100 % shift', async function () {
    await hookFunction('preTraffic', 'exit 0');
    await hookFunction('postTraffic', 'exit 0');
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({ applicationName: 'fn-app', deploymentGroupName: 'fn-group', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: LAMBDA_APPSPEC } } }),
    );
    const canary = await waitFor(async () => {
      const [target] = await allTargets(client, deploymentId!).catch(() => []);
      return target?.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight === 0.1 ? target : undefined;
    }, 'the 10 % canary step');
    assert.equal(canary.deploymentTargetType, 'LambdaTarget');
    assert.equal(canary.lambdaTarget?.targetId, 'my-function:live');

    const info = await waitForEnd(client, deploymentId!);
    assert.equal(info.status, 'Succeeded');
    assert.equal(info.computePlatform, 'Lambda');
    const [target] = await allTargets(client, deploymentId!);
    const lambda = target!.lambdaTarget!;
    assert.equal(lambda.status, 'Succeeded');
    assert.deepEqual(lambda.lambdaFunctionInfo, { functionName: 'my-function', functionAlias: 'live', currentVersion: '1', targetVersion: '2', targetVersionWeight: 1 });
    assert.deepEqual(lambda.lifecycleEvents?.map((event) => [event.lifecycleEventName, event.status]), [
      ['BeforeAllowTraffic', 'Succeeded'],
      ['AllowTraffic', 'Succeeded'],
      ['AfterAllowTraffic', 'Succeeded'],
    ]);
    const allow = lambda.lifecycleEvents![1]!;
    assert.ok(allow.endTime!.getTime() - allow.startTime!.getTime() >= 1400, 'the canary interval was waited (scaled)');
    const lines = (await fs.readFile(trace, 'utf8')).trim().split('\n');
    assert.deepEqual(lines.filter((line) => line.endsWith(deploymentId!)), [`BeforeAllowTraffic ${deploymentId}`, `AfterAllowTraffic ${deploymentId}`]);
    await assert.rejects(client.send(new ListDeploymentInstancesCommand({ deploymentId })), { name: 'InvalidComputePlatformException' });
  });

  it('Lambda: a failing hook function fails the deployment and traffic returns to the original version', async function () {
    await hookFunction('preTraffic', 'exit 0');
    await hookFunction('postTraffic', 'echo "smoke test failed"; exit 1');
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'fn-app',
        deploymentGroupName: 'fn-group',
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: LAMBDA_APPSPEC } },
      }),
    );
    const info = await waitForEnd(client, deploymentId!);
    assert.equal(info.status, 'Failed');
    assert.equal(info.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    const [target] = await allTargets(client, deploymentId!);
    assert.equal(target!.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight, 0);
    const after = target!.lambdaTarget!.lifecycleEvents!.find((event) => event.lifecycleEventName === 'AfterAllowTraffic')!;
    assert.equal(after.status, 'Failed');
    assert.match(after.diagnostics?.logTail ?? '', /smoke test failed/);
  });

  it('Lambda: a hook function that reports Failed through PutLifecycleEventHookExecutionStatus fails the deployment even though it exits 0', async function () {
    const sdk = JSON.stringify(require.resolve('@aws-sdk/client-codedeploy'));
    const reporter = [
      `#!${process.execPath}`,
      `const { CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } = require(${sdk});`,
      // The endpoint, credentials file and region come from the environment the endpoint sets.
      'const client = new CodeDeployClient({});',
      "client.send(new PutLifecycleEventHookExecutionStatusCommand({ deploymentId: process.env.DEPLOYMENT_ID, lifecycleEventHookExecutionId: process.env.LIFECYCLE_EVENT_HOOK_EXECUTION_ID, status: 'Failed' }))",
      '  .then(() => new Promise(() => undefined), (error) => { console.error(error.name); process.exit(2); });',
    ].join('\n');
    await fs.writeFile(path.join(local.dataDir, 'functions', 'preTraffic'), reporter, { mode: 0o755 });
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'fn-app',
        deploymentGroupName: 'fn-group',
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: LAMBDA_APPSPEC } },
      }),
    );
    const info = await waitForEnd(client, deploymentId!);
    assert.equal(info.status, 'Failed');
    const [target] = await allTargets(client, deploymentId!);
    const before = target!.lambdaTarget!.lifecycleEvents![0]!;
    assert.equal(before.lifecycleEventName, 'BeforeAllowTraffic');
    assert.equal(before.status, 'Failed');
    assert.match(before.diagnostics?.message ?? '', /Reported Failed by preTraffic/);
    assert.equal(target!.lambdaTarget!.lifecycleEvents![1]!.status, 'Skipped');
  });

  it('Lambda: reads the AppSpec from S3 (bundleType YAML); StopDeployment mid-shift returns traffic to the original version', async function () {
    await hookFunction('preTraffic', 'exit 0');
    await hookFunction('postTraffic', 'exit 0');
    const s3 = local.s3();
    await s3.send(new PutObjectCommand({ Bucket: 'local-codedeploy', Key: 'fn/appspec.yaml', Body: LAMBDA_APPSPEC }));
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'fn-app',
        deploymentGroupName: 'fn-group',
        deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes',
        revision: { revisionType: 'S3', s3Location: { bucket: 'local-codedeploy', key: 'fn/appspec.yaml', bundleType: 'YAML' } },
      }),
    );
    await waitFor(async () => {
      const [target] = await allTargets(client, deploymentId!).catch(() => []);
      return (target?.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight ?? 0) > 0 ? target : undefined;
    }, 'the first linear step');
    const stop = await client.send(new StopDeploymentCommand({ deploymentId }));
    assert.equal(stop.status, 'Pending');
    const info = await waitForEnd(client, deploymentId!);
    assert.equal(info.status, 'Stopped');
    const [target] = await allTargets(client, deploymentId!);
    assert.equal(target!.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight, 0);
    assert.deepEqual(target!.lambdaTarget?.lifecycleEvents?.map((event) => event.status), ['Succeeded', 'Failed', 'Skipped']);
  });

  it('ECS blue/green: test-traffic hook, Ready wait released by ContinueDeployment, then the shift', async function () {
    await client.send(new CreateApplicationCommand({ applicationName: 'ecs-app', computePlatform: 'ECS' }));
    await client.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'ecs-app',
        deploymentGroupName: 'ecs-group',
        serviceRoleArn: ROLE,
        deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
        ecsServices: [{ clusterName: 'main', serviceName: 'web' }],
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            { targetGroups: [{ name: 'blue' }, { name: 'green' }], prodTrafficRoute: { listenerArns: ['arn:prod'] }, testTrafficRoute: { listenerArns: ['arn:test'] } },
          ],
        },
        blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 } },
      }),
    );
    await hookFunction('checkTestTraffic', 'exit 0');
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({ applicationName: 'ecs-app', deploymentGroupName: 'ecs-group', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: ECS_APPSPEC } } }),
    );
    await waitFor(async () => {
      const { deploymentInfo } = await client.send(new GetDeploymentCommand({ deploymentId }));
      return deploymentInfo?.status === 'Ready' ? deploymentInfo : undefined;
    }, 'the Ready state');
    await client.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' }));
    const info = await waitForEnd(client, deploymentId!);
    assert.equal(info.status, 'Succeeded');
    const [target] = await allTargets(client, deploymentId!);
    const ecs = target!.ecsTarget!;
    assert.equal(target!.deploymentTargetType, 'ECSTarget');
    assert.equal(ecs.targetId, 'main:web');
    assert.deepEqual(ecs.lifecycleEvents?.map((event) => event.lifecycleEventName), [
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'AllowTestTraffic',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ]);
    assert.ok(ecs.lifecycleEvents!.every((event) => event.status === 'Succeeded'));
    const green = ecs.taskSetsInfo!.find((set) => set.taskSetLabel === 'Green')!;
    assert.equal(green.trafficWeight, 100);
    assert.equal(green.status, 'PRIMARY');
  });
});
