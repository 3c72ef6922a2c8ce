import * as assert from 'node:assert/strict';
import {
  BatchGetDeploymentGroupsCommand,
  CreateApplicationCommand,
  CreateDeploymentConfigCommand,
  CreateDeploymentGroupCommand,
  DeleteDeploymentConfigCommand,
  DeleteDeploymentGroupCommand,
  DeploymentConfigInUseException,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  ListDeploymentConfigsCommand,
  ListDeploymentGroupsCommand,
  UpdateDeploymentGroupCommand,
  type CodeDeployClient,
} from '@aws-sdk/client-codedeploy';
import { ROLE } from '../support/deployments';
import { startInProcess, type Endpoint } from '../support/endpoint';

describe('local endpoint: deployment configurations and groups', function () {
  let local: Endpoint;
  let client: CodeDeployClient;

  before(async function () {
    local = await startInProcess();
    client = local.codedeploy();
    await client.send(new CreateApplicationCommand({ applicationName: 'cfg-app' }));
  });

  after(async function () {
    await local?.stop();
  });

  it('lists every predefined configuration of the three platforms, then custom ones', async function () {
    await client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'TwoHealthy', minimumHealthyHosts: { type: 'HOST_COUNT', value: 2 } }));
    const { deploymentConfigsList } = await client.send(new ListDeploymentConfigsCommand({}));
    for (const name of [
      'CodeDeployDefault.OneAtATime',
      'CodeDeployDefault.HalfAtATime',
      'CodeDeployDefault.AllAtOnce',
      'CodeDeployDefault.ECSAllAtOnce',
      'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      'CodeDeployDefault.ECSCanary10Percent15Minutes',
      'CodeDeployDefault.LambdaAllAtOnce',
      'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      'CodeDeployDefault.LambdaCanary10Percent30Minutes',
      'TwoHealthy',
    ]) {
      assert.ok(deploymentConfigsList?.includes(name), name);
    }
    assert.equal(deploymentConfigsList?.length, 18, 'the 17 predefined configurations and TwoHealthy');
    const { deploymentConfigInfo } = await client.send(new GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.OneAtATime' }));
    assert.deepEqual(deploymentConfigInfo?.minimumHealthyHosts, { type: 'MOST_CONCURRENCY', value: 1 });
    const lambda = await client.send(new GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' }));
    assert.deepEqual(lambda.deploymentConfigInfo?.trafficRoutingConfig, { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } });
    assert.equal(lambda.deploymentConfigInfo?.computePlatform, 'Lambda');
  });

  it('creates custom Lambda and ECS traffic-shifting configurations and checks them', async function () {
    await client.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: 'HalfThenRest',
        computePlatform: 'Lambda',
        trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 50, linearInterval: 2 } },
      }),
    );
    const { deploymentConfigInfo } = await client.send(new GetDeploymentConfigCommand({ deploymentConfigName: 'HalfThenRest' }));
    assert.equal(deploymentConfigInfo?.computePlatform, 'Lambda');
    assert.deepEqual(deploymentConfigInfo?.trafficRoutingConfig, { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 50, linearInterval: 2 } });
    await assert.rejects(
      client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'AllOfIt', computePlatform: 'ECS', trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 100, canaryInterval: 5 } } })),
      { name: 'InvalidTrafficRoutingConfigurationException' },
    );
    await assert.rejects(client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'HalfThenRest', computePlatform: 'Lambda' })), { name: 'DeploymentConfigAlreadyExistsException' });
  });

  it('creates, updates, renames, batch-gets and deletes groups; a config in use cannot be deleted', async function () {
    await client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'InUse', minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 25 } }));
    const { deploymentGroupId } = await client.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'cfg-app',
        deploymentGroupName: 'web',
        serviceRoleArn: ROLE,
        deploymentConfigName: 'InUse',
        onPremisesInstanceTagFilters: [{ Key: 'Role', Value: 'web', Type: 'KEY_AND_VALUE' }],
      }),
    );
    const { deploymentGroupInfo } = await client.send(new GetDeploymentGroupCommand({ applicationName: 'cfg-app', deploymentGroupName: 'web' }));
    assert.equal(deploymentGroupInfo?.deploymentGroupId, deploymentGroupId);
    assert.equal(deploymentGroupInfo?.computePlatform, 'Server');
    assert.deepEqual(deploymentGroupInfo?.deploymentStyle, { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' });
    await assert.rejects(client.send(new DeleteDeploymentConfigCommand({ deploymentConfigName: 'InUse' })), DeploymentConfigInUseException);

    await client.send(
      new UpdateDeploymentGroupCommand({
        applicationName: 'cfg-app',
        currentDeploymentGroupName: 'web',
        newDeploymentGroupName: 'frontend',
        deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
      }),
    );
    const batch = await client.send(new BatchGetDeploymentGroupsCommand({ applicationName: 'cfg-app', deploymentGroupNames: ['frontend', 'web'] }));
    assert.equal(batch.deploymentGroupsInfo?.length, 1);
    const updated = batch.deploymentGroupsInfo![0]!;
    assert.equal(updated.deploymentGroupId, deploymentGroupId);
    assert.equal(updated.deploymentConfigName, 'CodeDeployDefault.HalfAtATime');
    assert.deepEqual(updated.onPremisesInstanceTagFilters, [{ Key: 'Role', Value: 'web', Type: 'KEY_AND_VALUE' }]);
    assert.deepEqual(updated.autoRollbackConfiguration, { enabled: true, events: ['DEPLOYMENT_FAILURE'] });
    assert.match(batch.errorMessage ?? '', /web/);
    await client.send(new DeleteDeploymentConfigCommand({ deploymentConfigName: 'InUse' }));

    const listed = await client.send(new ListDeploymentGroupsCommand({ applicationName: 'cfg-app' }));
    assert.deepEqual(listed.deploymentGroups, ['frontend']);
    await client.send(new DeleteDeploymentGroupCommand({ applicationName: 'cfg-app', deploymentGroupName: 'frontend' }));
    assert.deepEqual((await client.send(new ListDeploymentGroupsCommand({ applicationName: 'cfg-app' }))).deploymentGroups, []);
  });
});
