import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  BatchGetDeploymentInstancesCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  ListDeploymentInstancesCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
  type CodeDeployClient,
  type LifecycleEvent,
} from '@aws-sdk/client-codedeploy';
import type { S3Client } from '@aws-sdk/client-s3';
import { removeDir, startInProcess, tempDir, type Endpoint } from '../support/endpoint';
import { waitFor } from '../support/endpoint';
import { allTargets, createAppAndGroup, revisionTree, uploadRevision, waitForEnd, waitForEvent } from '../support/deployments';

const IN_PLACE = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
const WITH_LB = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', ...IN_PLACE, 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];

function names(events: LifecycleEvent[] | undefined): string[] {
  return (events ?? []).map((event) => event.lifecycleEventName!);
}

describe('local endpoint: EC2/On-premises deployments with the real agent', function () {
  let local: Endpoint;
  let client: CodeDeployClient;
  let s3: S3Client;
  let work: string;
  const gates: string[] = [];

  before(async function () {
    work = await tempDir('local-cd-work-');
    local = await startInProcess({ instances: 3 });
    client = local.codedeploy();
    s3 = local.s3();
  });

  after(async function () {
    // Open every gate so no gated script outlives the suite.
    for (const gate of gates) await fs.writeFile(gate, '');
    await local?.stop();
    await removeDir(work);
  });

  function gate(name: string): string {
    const file = path.join(work, `gate-${name}`);
    gates.push(file);
    return file;
  }

  async function deploy(app: string, group: string, revision: Awaited<ReturnType<typeof uploadRevision>>, extra: Record<string, unknown> = {}) {
    const { deploymentId } = await client.send(new CreateDeploymentCommand({ applicationName: app, deploymentGroupName: group, revision, ...extra }));
    return deploymentId!;
  }

  it('deploys to three instances with every lifecycle event in order', async function () {
    const trace = path.join(work, 'trace.log');
    const hooks = Object.fromEntries(['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'].map((event) => [event, `echo "$LIFECYCLE_EVENT $DEPLOYMENT_ID" >> ${trace}`]));
    await createAppAndGroup(client, 'ok-app', 'ok-group', { deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
    const revision = await uploadRevision(s3, work, 'ok/v1.zip', revisionTree(hooks, {}, '/srv/ok'));
    const id = await deploy('ok-app', 'ok-group', revision);
    const info = await waitForEnd(client, id);
    assert.equal(info.status, 'Succeeded');
    assert.deepEqual(info.deploymentOverview, { Pending: 0, InProgress: 0, Succeeded: 3, Failed: 0, Skipped: 0, Ready: 0 });
    assert.ok(info.startTime && info.completeTime && info.completeTime >= info.startTime);

    const targets = await allTargets(client, id);
    assert.deepEqual(targets.map((target) => target.instanceTarget?.targetId).sort(), ['local-1', 'local-2', 'local-3']);
    for (const target of targets) {
      assert.equal(target.deploymentTargetType, 'InstanceTarget');
      const instance = target.instanceTarget!;
      assert.equal(instance.status, 'Succeeded');
      assert.deepEqual(names(instance.lifecycleEvents), IN_PLACE);
      let previousEnd = 0;
      for (const event of instance.lifecycleEvents!) {
        assert.equal(event.status, 'Succeeded', `${instance.targetId} ${event.lifecycleEventName}`);
        assert.ok(event.startTime!.getTime() >= previousEnd, `${event.lifecycleEventName} started after the previous event ended`);
        previousEnd = event.endTime!.getTime();
      }
      const installed = await fs.readFile(path.join(local.dataDir, 'instances', instance.targetId!, 'root/srv/ok/index.txt'), 'utf8');
      assert.equal(installed, 'hello\n');
    }
    const lines = (await fs.readFile(trace, 'utf8')).trim().split('\n');
    for (const event of ['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService']) {
      assert.equal(lines.filter((line) => line === `${event} ${id}`).length, 3, event);
    }

    const listed = await client.send(new ListDeploymentInstancesCommand({ deploymentId: id }));
    assert.equal(listed.instancesList?.length, 3);
    const summaries = await client.send(new BatchGetDeploymentInstancesCommand({ deploymentId: id, instanceIds: listed.instancesList }));
    assert.ok(summaries.instancesSummary?.every((summary) => summary.status === 'Succeeded' && summary.instanceType === 'Blue'));
    const succeeded = await client.send(new ListDeploymentsCommand({ applicationName: 'ok-app', deploymentGroupName: 'ok-group', includeOnlyStatuses: ['Succeeded'] }));
    assert.deepEqual(succeeded.deployments, [id]);
  });

  it('deploys tar and tgz bundles too', async function () {
    await createAppAndGroup(client, 'tar-app', 'tar-group', { deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
    for (const bundleType of ['tar', 'tgz'] as const) {
      const revision = await uploadRevision(s3, work, `tar/v1.${bundleType}`, revisionTree({ AfterInstall: 'true' }, { 'app/index.txt': `from ${bundleType}\n` }, '/srv/tar'), bundleType);
      const info = await waitForEnd(client, await deploy('tar-app', 'tar-group', revision));
      assert.equal(info.status, 'Succeeded', bundleType);
      assert.equal(await fs.readFile(path.join(local.dataDir, 'instances/local-2/root/srv/tar/index.txt'), 'utf8'), `from ${bundleType}\n`);
    }
  });

  it('runs the six traffic events when the group has a load balancer', async function () {
    await createAppAndGroup(client, 'lb-app', 'lb-group', {
      deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: { targetGroupInfoList: [{ name: 'web' }] },
    });
    const revision = await uploadRevision(s3, work, 'lb/v1.zip', revisionTree({ BeforeAllowTraffic: 'true' }, {}, '/srv/lb'));
    const id = await deploy('lb-app', 'lb-group', revision);
    assert.equal((await waitForEnd(client, id)).status, 'Succeeded');
    for (const target of await allTargets(client, id)) assert.deepEqual(names(target.instanceTarget?.lifecycleEvents), WITH_LB);
  });

  it('OneAtATime stops after the first failed instance and skips the rest', async function () {
    await createAppAndGroup(client, 'one-app', 'one-group');
    const revision = await uploadRevision(s3, work, 'one/v1.zip', revisionTree({ ValidateService: 'echo "service is down" >&2; exit 3' }, {}, '/srv/one'));
    const id = await deploy('one-app', 'one-group', revision);
    const info = await waitForEnd(client, id);
    assert.equal(info.deploymentConfigName, 'CodeDeployDefault.OneAtATime');
    assert.equal(info.status, 'Failed');
    assert.equal(info.errorInformation?.code, 'HEALTH_CONSTRAINTS');
    assert.deepEqual(info.deploymentOverview, { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 1, Skipped: 2, Ready: 0 });
    const targets = await allTargets(client, id);
    const failed = targets.find((target) => target.instanceTarget?.status === 'Failed')!.instanceTarget!;
    const validate = failed.lifecycleEvents!.find((event) => event.lifecycleEventName === 'ValidateService')!;
    assert.equal(validate.status, 'Failed');
    assert.equal(validate.diagnostics?.errorCode, 'ScriptFailed');
    assert.match(validate.diagnostics?.logTail ?? '', /service is down/);
    for (const skipped of targets.filter((target) => target.instanceTarget?.status === 'Skipped')) {
      assert.ok(skipped.instanceTarget!.lifecycleEvents!.every((event) => event.status === 'Skipped'));
    }
  });

  it('StopDeployment stops mid-way: the running script is ended and the rest skipped', async function () {
    const hold = gate('stop');
    await createAppAndGroup(client, 'stop-app', 'stop-group');
    const revision = await uploadRevision(s3, work, 'stop/v1.zip', revisionTree({ ApplicationStart: `while [ ! -f ${hold} ]; do sleep 0.05; done` }, {}, '/srv/stop'));
    const id = await deploy('stop-app', 'stop-group', revision);
    await waitForEvent(client, id, 'ApplicationStart', 'InProgress');

    await assert.rejects(deploy('stop-app', 'stop-group', revision), { name: 'DeploymentLimitExceededException' });
    const stop = await client.send(new StopDeploymentCommand({ deploymentId: id }));
    assert.equal(stop.status, 'Pending');
    const info = await waitForEnd(client, id);
    assert.equal(info.status, 'Stopped');
    assert.equal(info.errorInformation?.code, 'MANUAL_STOP');
    assert.equal(info.deploymentOverview?.Succeeded, 0);
    assert.equal(info.deploymentOverview?.Skipped, 2);
    await assert.rejects(client.send(new StopDeploymentCommand({ deploymentId: id })), { name: 'DeploymentAlreadyCompletedException' });
  });

  it('rolls back automatically to the last successful revision, linked through rollbackInfo', async function () {
    await createAppAndGroup(client, 'rb-app', 'rb-group', {
      deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
    });
    const good = await uploadRevision(s3, work, 'rb/v1.zip', revisionTree({ AfterInstall: 'true' }, { 'app/index.txt': 'v1\n' }, '/srv/rb'));
    const first = await deploy('rb-app', 'rb-group', good);
    assert.equal((await waitForEnd(client, first)).status, 'Succeeded');

    const bad = await uploadRevision(s3, work, 'rb/v2.zip', revisionTree({ AfterInstall: 'exit 1' }, { 'app/index.txt': 'v2\n' }, '/srv/rb'));
    const second = await deploy('rb-app', 'rb-group', bad);
    const failed = await waitForEnd(client, second);
    assert.equal(failed.status, 'Failed');
    const rollbackId = failed.rollbackInfo?.rollbackDeploymentId;
    assert.ok(rollbackId, 'the failed deployment names its rollback');

    const rollback = await waitForEnd(client, rollbackId);
    assert.equal(rollback.status, 'Succeeded');
    assert.equal(rollback.creator, 'codeDeployRollback');
    assert.equal(rollback.rollbackInfo?.rollbackTriggeringDeploymentId, second);
    assert.deepEqual(rollback.revision?.s3Location, good.s3Location);
    for (const instance of ['local-1', 'local-2', 'local-3']) {
      assert.equal(await fs.readFile(path.join(local.dataDir, 'instances', instance, 'root/srv/rb/index.txt'), 'utf8'), 'v1\n');
    }
  });

  it('ignoreApplicationStopFailures lets a deployment past a failing ApplicationStop of the previous revision', async function () {
    await createAppAndGroup(client, 'stopfail-app', 'stopfail-group', { deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
    const first = await uploadRevision(s3, work, 'stopfail/v1.zip', revisionTree({ ApplicationStop: 'exit 1' }, {}, '/srv/stopfail'));
    assert.equal((await waitForEnd(client, await deploy('stopfail-app', 'stopfail-group', first))).status, 'Succeeded');
    const second = await uploadRevision(s3, work, 'stopfail/v2.zip', revisionTree({ AfterInstall: 'true' }, {}, '/srv/stopfail'));
    const blocked = await waitForEnd(client, await deploy('stopfail-app', 'stopfail-group', second));
    assert.equal(blocked.status, 'Failed');
    const passed = await waitForEnd(client, await deploy('stopfail-app', 'stopfail-group', second, { ignoreApplicationStopFailures: true }));
    assert.equal(passed.status, 'Succeeded');
    assert.equal(passed.ignoreApplicationStopFailures, true);
  });

  it('a custom HOST_COUNT configuration runs as many instances at once as it can spare', async function () {
    const hold = gate('spare');
    await client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'KeepOne', minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 } }));
    await createAppAndGroup(client, 'spare-app', 'spare-group', { deploymentConfigName: 'KeepOne' });
    const revision = await uploadRevision(s3, work, 'spare/v1.zip', revisionTree({ ApplicationStart: `while [ ! -f ${hold} ]; do sleep 0.05; done` }, {}, '/srv/spare'));
    const id = await deploy('spare-app', 'spare-group', revision);
    const statuses = await waitFor(async () => {
      const targets = await allTargets(client, id).catch(() => []);
      const running = targets.filter((target) => target.instanceTarget?.lifecycleEvents?.some((event) => event.lifecycleEventName === 'ApplicationStart' && event.status === 'InProgress'));
      return running.length === 2 ? targets.map((target) => target.instanceTarget!.status).sort() : undefined;
    }, 'two instances in ApplicationStart');
    assert.deepEqual(statuses, ['InProgress', 'InProgress', 'Pending']);
    await fs.writeFile(hold, '');
    const info = await waitForEnd(client, id);
    assert.equal(info.status, 'Succeeded');
    assert.equal(info.deploymentOverview?.Succeeded, 3);
  });

  it('StopDeployment with autoRollbackEnabled redeploys the last successful revision', async function () {
    const hold = gate('stop-rollback');
    await createAppAndGroup(client, 'srb-app', 'srb-group', { deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
    const good = await uploadRevision(s3, work, 'srb/v1.zip', revisionTree({ AfterInstall: 'true' }, { 'app/index.txt': 'v1\n' }, '/srv/srb'));
    assert.equal((await waitForEnd(client, await deploy('srb-app', 'srb-group', good))).status, 'Succeeded');
    const slow = await uploadRevision(s3, work, 'srb/v2.zip', revisionTree({ ApplicationStart: `while [ ! -f ${hold} ]; do sleep 0.05; done` }, { 'app/index.txt': 'v2\n' }, '/srv/srb'));
    const id = await deploy('srb-app', 'srb-group', slow);
    await waitForEvent(client, id, 'ApplicationStart', 'InProgress');
    await client.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: true }));
    const stopped = await waitForEnd(client, id);
    assert.equal(stopped.status, 'Stopped');
    const rollbackId = stopped.rollbackInfo?.rollbackDeploymentId;
    assert.ok(rollbackId);
    const rollback = await waitForEnd(client, rollbackId);
    assert.equal(rollback.status, 'Succeeded');
    assert.equal(rollback.rollbackInfo?.rollbackTriggeringDeploymentId, id);
    assert.equal(await fs.readFile(path.join(local.dataDir, 'instances/local-3/root/srv/srb/index.txt'), 'utf8'), 'v1\n');
  });

  it('fails with NO_INSTANCES when no registered instance matches the tag filters', async function () {
    await createAppAndGroup(client, 'none-app', 'none-group', { onPremisesInstanceTagFilters: [{ Key: 'Environment', Value: 'prod', Type: 'KEY_AND_VALUE' }] });
    const revision = await uploadRevision(s3, work, 'none/v1.zip', revisionTree({}, {}, '/srv/none'));
    const info = await waitForEnd(client, await deploy('none-app', 'none-group', revision));
    assert.equal(info.status, 'Failed');
    assert.equal(info.errorInformation?.code, 'NO_INSTANCES');
  });

  it('fails with REVISION_MISSING when the bundle is not in S3', async function () {
    await createAppAndGroup(client, 'missing-app', 'missing-group');
    const info = await waitForEnd(client, await deploy('missing-app', 'missing-group', { revisionType: 'S3', s3Location: { bucket: 'local-codedeploy', key: 'nope.zip', bundleType: 'zip' } }));
    assert.equal(info.status, 'Failed');
    assert.equal(info.errorInformation?.code, 'REVISION_MISSING');
    assert.match(info.errorInformation?.message ?? '', /nope\.zip/);
  });
});
