import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CreateDeploymentCommand, GetApplicationCommand, GetDeploymentCommand, GetDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { removeDir, startProcess, tempDir, waitFor, type EndpointProcess } from '../support/endpoint';
import { allTargets, createAppAndGroup, revisionTree, uploadRevision, waitForEvent } from '../support/deployments';

describe('local endpoint: state across a restart', function () {
  let dataDir: string;
  let work: string;
  let gate: string;
  const running: EndpointProcess[] = [];

  before(async function () {
    dataDir = await tempDir();
    work = await tempDir('local-cd-work-');
    gate = path.join(work, 'gate');
  });

  after(async function () {
    await fs.writeFile(gate, ''); // lets the orphaned script of the killed process end
    for (const process of running) await process.stop();
    await removeDir(dataDir);
    await removeDir(work);
  });

  it('keeps its state, and a deployment cut short by a crash ends Failed with a clear error', async function () {
    const first = await startProcess(['--data', dataDir, '--instances', '2']);
    running.push(first);
    const client = first.codedeploy();
    await createAppAndGroup(client, 'restart-app', 'restart-group');
    const revision = await uploadRevision(first.s3(), work, 'restart/v1.zip', revisionTree({ AfterInstall: `while [ ! -f ${gate} ]; do sleep 0.05; done` }));
    const { deploymentId } = await client.send(new CreateDeploymentCommand({ applicationName: 'restart-app', deploymentGroupName: 'restart-group', revision }));
    await waitForEvent(client, deploymentId!, 'AfterInstall', 'InProgress');
    await first.kill('SIGKILL');

    const second = await startProcess(['--data', dataDir, '--instances', '2']);
    running.push(second);
    const again = second.codedeploy();
    const { application } = await again.send(new GetApplicationCommand({ applicationName: 'restart-app' }));
    assert.equal(application?.applicationName, 'restart-app');
    const { deploymentInfo } = await again.send(new GetDeploymentCommand({ deploymentId }));
    assert.equal(deploymentInfo?.status, 'Failed');
    assert.equal(deploymentInfo?.errorInformation?.code, 'AGENT_ISSUE');
    assert.match(deploymentInfo?.errorInformation?.message ?? '', /stopped while this deployment was in progress/);
    assert.ok(deploymentInfo?.completeTime);
    const targets = await allTargets(again, deploymentId!);
    const cut = targets.find((target) => target.instanceTarget?.status === 'Failed')!.instanceTarget!;
    const afterInstall = cut.lifecycleEvents!.find((event) => event.lifecycleEventName === 'AfterInstall')!;
    assert.equal(afterInstall.status, 'Failed');
    assert.match(afterInstall.diagnostics?.message ?? '', /Failed after restart/);
    assert.ok(cut.lifecycleEvents!.filter((event) => ['ApplicationStart', 'ValidateService'].includes(event.lifecycleEventName!)).every((event) => event.status === 'Skipped'));
    const { deploymentGroupInfo } = await again.send(new GetDeploymentGroupCommand({ applicationName: 'restart-app', deploymentGroupName: 'restart-group' }));
    assert.equal(deploymentGroupInfo?.lastAttemptedDeployment?.status, 'Failed');
    // The group is free again: a new deployment is accepted.
    const next = await again.send(new CreateDeploymentCommand({ applicationName: 'restart-app', deploymentGroupName: 'restart-group', revision }));
    assert.match(next.deploymentId ?? '', /^d-[A-Z0-9]{9}$/);
    await fs.writeFile(gate, '');
    await second.stop();
  });
  it('on SIGTERM ends the running hook script and exits; the next start reports the deployment Failed', async function () {
    const pidFile = path.join(work, 'hook.pid');
    const first = await startProcess(['--data', dataDir, '--instances', '2']);
    running.push(first);
    const client = first.codedeploy();
    await createAppAndGroup(client, 'term-app', 'term-group', { deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
    const revision = await uploadRevision(
      first.s3(),
      work,
      'term/v1.zip',
      revisionTree({ ApplicationStart: `echo $$ > ${pidFile}; while [ ! -f ${gate}-never ]; do sleep 0.05; done` }, {}, '/srv/term'),
    );
    const { deploymentId } = await client.send(new CreateDeploymentCommand({ applicationName: 'term-app', deploymentGroupName: 'term-group', revision }));
    await waitForEvent(client, deploymentId!, 'ApplicationStart', 'InProgress');
    await first.kill('SIGTERM');
    assert.equal(first.child.exitCode, 0);
    const pid = Number((await fs.readFile(pidFile, 'utf8')).trim());
    // The script's shell handles SIGTERM once its current `sleep` returns, so give it that moment.
    await waitFor(async () => {
      try {
        process.kill(pid, 0);
        return undefined;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ESRCH' ? true : undefined;
      }
    }, 'the hook script to end with the endpoint', 5000);

    const second = await startProcess(['--data', dataDir, '--instances', '2']);
    running.push(second);
    const { deploymentInfo } = await second.codedeploy().send(new GetDeploymentCommand({ deploymentId }));
    assert.equal(deploymentInfo?.status, 'Failed');
    assert.equal(deploymentInfo?.errorInformation?.code, 'AGENT_ISSUE');
  });
});
