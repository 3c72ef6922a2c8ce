import * as assert from 'node:assert/strict';
import {
  ApplicationAlreadyExistsException,
  ApplicationDoesNotExistException,
  BatchGetApplicationsCommand,
  BatchGetDeploymentTargetsCommand,
  BatchLimitExceededException,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  CreateDeploymentGroupCommand,
  DeploymentConfigDoesNotExistException,
  DeploymentDoesNotExistException,
  DeploymentGroupAlreadyExistsException,
  DeploymentGroupDoesNotExistException,
  DeleteDeploymentConfigCommand,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  InvalidDeploymentConfigNameException,
  InvalidDeploymentIdException,
  InvalidMinimumHealthyHostValueException,
  InvalidRevisionException,
  ApplicationNameRequiredException,
  RevisionRequiredException,
  InvalidApplicationNameException,
  InvalidOperationException,
  RegisterOnPremisesInstanceCommand,
  IamArnRequiredException,
  MultipleIamArnsProvidedException,
  InstanceNameAlreadyRegisteredException,
  AddTagsToOnPremisesInstancesCommand,
  InstanceNotRegisteredException,
  RoleRequiredException,
  InvalidInstanceNameException,
  type CodeDeployClient,
} from '@aws-sdk/client-codedeploy';
import { startInProcess, type Endpoint } from '../support/endpoint';
import { ROLE } from '../support/deployments';

describe('local endpoint: typed errors as the SDK raises them against AWS', function () {
  let local: Endpoint;
  let client: CodeDeployClient;

  before(async function () {
    local = await startInProcess();
    client = local.codedeploy({ maxAttempts: 1 });
    await client.send(new CreateApplicationCommand({ applicationName: 'errors-app' }));
    await client.send(new CreateDeploymentGroupCommand({ applicationName: 'errors-app', deploymentGroupName: 'g', serviceRoleArn: ROLE }));
  });

  after(async function () {
    await local?.stop();
  });

  it('application errors', async function () {
    await assert.rejects(client.send(new GetApplicationCommand({ applicationName: 'missing' })), ApplicationDoesNotExistException);
    await assert.rejects(client.send(new CreateApplicationCommand({ applicationName: 'errors-app' })), ApplicationAlreadyExistsException);
    await assert.rejects(client.send(new CreateApplicationCommand({ applicationName: '' })), ApplicationNameRequiredException);
    await assert.rejects(client.send(new CreateApplicationCommand({ applicationName: 'x'.repeat(101) })), InvalidApplicationNameException);
    const tooMany = Array.from({ length: 101 }, (_, index) => `a${index}`);
    await assert.rejects(client.send(new BatchGetApplicationsCommand({ applicationNames: tooMany })), BatchLimitExceededException);
  });

  it('deployment group errors', async function () {
    await assert.rejects(
      client.send(new CreateDeploymentGroupCommand({ applicationName: 'errors-app', deploymentGroupName: 'g', serviceRoleArn: ROLE })),
      DeploymentGroupAlreadyExistsException,
    );
    await assert.rejects(client.send(new GetDeploymentGroupCommand({ applicationName: 'errors-app', deploymentGroupName: 'nope' })), DeploymentGroupDoesNotExistException);
    await assert.rejects(client.send(new CreateDeploymentGroupCommand({ applicationName: 'errors-app', deploymentGroupName: 'no-role', serviceRoleArn: undefined })), RoleRequiredException);
    await assert.rejects(
      client.send(new CreateDeploymentGroupCommand({ applicationName: 'missing', deploymentGroupName: 'g', serviceRoleArn: ROLE })),
      ApplicationDoesNotExistException,
    );
  });

  it('deployment configuration errors', async function () {
    await assert.rejects(client.send(new GetDeploymentConfigCommand({ deploymentConfigName: 'Nope' })), DeploymentConfigDoesNotExistException);
    await assert.rejects(
      client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.Mine', minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 } })),
      InvalidDeploymentConfigNameException,
    );
    await assert.rejects(
      client.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'bad-percent', minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 100 } })),
      InvalidMinimumHealthyHostValueException,
    );
    await assert.rejects(client.send(new DeleteDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.AllAtOnce' })), InvalidOperationException);
    await assert.rejects(
      client.send(new CreateDeploymentGroupCommand({ applicationName: 'errors-app', deploymentGroupName: 'lambda-config', serviceRoleArn: ROLE, deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' })),
      InvalidDeploymentConfigNameException,
    );
  });

  it('deployment errors', async function () {
    await assert.rejects(client.send(new GetDeploymentCommand({ deploymentId: 'd-AAAAAAAAA' })), DeploymentDoesNotExistException);
    await assert.rejects(client.send(new GetDeploymentCommand({ deploymentId: 'deployment-1' })), InvalidDeploymentIdException);
    await assert.rejects(client.send(new CreateDeploymentCommand({ applicationName: 'errors-app', deploymentGroupName: 'g' })), RevisionRequiredException);
    await assert.rejects(
      client.send(new CreateDeploymentCommand({ applicationName: 'errors-app', deploymentGroupName: 'g', revision: { revisionType: 'S3', s3Location: { bucket: 'b' } } })),
      InvalidRevisionException,
    );
    await assert.rejects(
      client.send(
        new CreateDeploymentCommand({
          applicationName: 'errors-app',
          deploymentGroupName: 'g',
          deploymentConfigName: 'NoSuchConfig',
          revision: { revisionType: 'S3', s3Location: { bucket: 'b', key: 'k.zip', bundleType: 'zip' } },
        }),
      ),
      DeploymentConfigDoesNotExistException,
    );
    await assert.rejects(client.send(new BatchGetDeploymentTargetsCommand({ deploymentId: 'd-AAAAAAAAA', targetIds: ['x'] })), DeploymentDoesNotExistException);
  });

  it('on-premises instance errors', async function () {
    await assert.rejects(client.send(new RegisterOnPremisesInstanceCommand({ instanceName: 'box' })), IamArnRequiredException);
    await assert.rejects(
      client.send(new RegisterOnPremisesInstanceCommand({ instanceName: 'box', iamUserArn: 'arn:aws:iam::000000000000:user/a', iamSessionArn: 'arn:aws:sts::000000000000:assumed-role/r/s' })),
      MultipleIamArnsProvidedException,
    );
    await client.send(new RegisterOnPremisesInstanceCommand({ instanceName: 'box', iamUserArn: 'arn:aws:iam::000000000000:user/a' }));
    await assert.rejects(client.send(new RegisterOnPremisesInstanceCommand({ instanceName: 'box', iamUserArn: 'arn:aws:iam::000000000000:user/b' })), InstanceNameAlreadyRegisteredException);
    // An instance name is also a folder name: `..` must never reach the file system.
    await assert.rejects(client.send(new RegisterOnPremisesInstanceCommand({ instanceName: '..', iamUserArn: 'arn:aws:iam::000000000000:user/a' })), InvalidInstanceNameException);
    await assert.rejects(client.send(new AddTagsToOnPremisesInstancesCommand({ instanceNames: ['ghost'], tags: [{ Key: 'a', Value: 'b' }] })), InstanceNotRegisteredException);
  });

  it('ValidationException for members of the wrong JSON type, with the service wording', async function () {
    const wrongType = { applicationName: 42 } as unknown as { applicationName: string };
    await assert.rejects(client.send(new CreateApplicationCommand(wrongType)), (error: Error & { $metadata: { httpStatusCode?: number } }) => {
      assert.equal(error.name, 'ValidationException');
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.match(error.message, /1 validation error detected: Value at 'applicationName'/);
      return true;
    });
  });
});
