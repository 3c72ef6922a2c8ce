import * as assert from 'node:assert/strict';
import {
  AddTagsToOnPremisesInstancesCommand,
  BatchGetApplicationRevisionsCommand,
  BatchGetOnPremisesInstancesCommand,
  CreateApplicationCommand,
  DeregisterOnPremisesInstanceCommand,
  GetApplicationRevisionCommand,
  GetOnPremisesInstanceCommand,
  ListApplicationRevisionsCommand,
  ListOnPremisesInstancesCommand,
  RegisterApplicationRevisionCommand,
  RegisterOnPremisesInstanceCommand,
  RemoveTagsFromOnPremisesInstancesCommand,
  RevisionDoesNotExistException,
  type CodeDeployClient,
  type RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { startInProcess, type Endpoint } from '../support/endpoint';

const s3Revision = (key: string): RevisionLocation => ({ revisionType: 'S3', s3Location: { bucket: 'local-codedeploy', key, bundleType: 'zip' } });

describe('local endpoint: revisions and on-premises instances', function () {
  let local: Endpoint;
  let client: CodeDeployClient;

  before(async function () {
    local = await startInProcess({ instances: 2 });
    client = local.codedeploy();
    await client.send(new CreateApplicationCommand({ applicationName: 'rev-app' }));
  });

  after(async function () {
    await local?.stop();
  });

  it('registers revisions and lists them with bucket, prefix and order', async function () {
    await client.send(new RegisterApplicationRevisionCommand({ applicationName: 'rev-app', revision: s3Revision('builds/a.zip'), description: 'first' }));
    await client.send(new RegisterApplicationRevisionCommand({ applicationName: 'rev-app', revision: s3Revision('builds/b.zip') }));
    await client.send(new RegisterApplicationRevisionCommand({ applicationName: 'rev-app', revision: s3Revision('other/c.zip') }));
    const got = await client.send(new GetApplicationRevisionCommand({ applicationName: 'rev-app', revision: s3Revision('builds/a.zip') }));
    assert.equal(got.revisionInfo?.description, 'first');
    assert.ok(got.revisionInfo?.registerTime instanceof Date);
    await assert.rejects(client.send(new GetApplicationRevisionCommand({ applicationName: 'rev-app', revision: s3Revision('nope.zip') })), RevisionDoesNotExistException);
    const prefixed = await client.send(new ListApplicationRevisionsCommand({ applicationName: 'rev-app', s3Bucket: 'local-codedeploy', s3KeyPrefix: 'builds/', sortBy: 'registerTime', sortOrder: 'descending' }));
    assert.deepEqual(prefixed.revisions?.map((revision) => revision.s3Location?.key), ['builds/b.zip', 'builds/a.zip']);
    const batch = await client.send(new BatchGetApplicationRevisionsCommand({ applicationName: 'rev-app', revisions: [s3Revision('other/c.zip')] }));
    assert.equal(batch.revisions?.[0]?.revisionLocation?.s3Location?.key, 'other/c.zip');
  });

  it('registers, tags, filters and deregisters on-premises instances', async function () {
    const preRegistered = await client.send(new ListOnPremisesInstancesCommand({}));
    assert.deepEqual(preRegistered.instanceNames, ['local-1', 'local-2']);
    await client.send(new RegisterOnPremisesInstanceCommand({ instanceName: 'rack-7', iamUserArn: 'arn:aws:iam::000000000000:user/rack' }));
    await client.send(new AddTagsToOnPremisesInstancesCommand({ instanceNames: ['rack-7', 'local-1'], tags: [{ Key: 'Role', Value: 'db' }] }));
    const dbs = await client.send(new ListOnPremisesInstancesCommand({ tagFilters: [{ Key: 'Role', Value: 'db', Type: 'KEY_AND_VALUE' }] }));
    assert.deepEqual(dbs.instanceNames, ['local-1', 'rack-7']);
    const { instanceInfo } = await client.send(new GetOnPremisesInstanceCommand({ instanceName: 'rack-7' }));
    assert.equal(instanceInfo?.instanceArn, 'arn:aws:codedeploy:us-east-1:000000000000:instance/rack-7');
    assert.deepEqual(instanceInfo?.tags, [{ Key: 'Role', Value: 'db' }]);

    await client.send(new RemoveTagsFromOnPremisesInstancesCommand({ instanceNames: ['local-1'], tags: [{ Key: 'Role', Value: 'db' }] }));
    await client.send(new DeregisterOnPremisesInstanceCommand({ instanceName: 'rack-7' }));
    const registered = await client.send(new ListOnPremisesInstancesCommand({ registrationStatus: 'Registered', tagFilters: [{ Key: 'Role', Type: 'KEY_ONLY' }] }));
    assert.deepEqual(registered.instanceNames, []);
    const deregistered = await client.send(new ListOnPremisesInstancesCommand({ registrationStatus: 'Deregistered' }));
    assert.deepEqual(deregistered.instanceNames, ['rack-7']);
    const batch = await client.send(new BatchGetOnPremisesInstancesCommand({ instanceNames: ['rack-7', 'local-2'] }));
    assert.ok(batch.instanceInfos?.find((info) => info.instanceName === 'rack-7')?.deregisterTime instanceof Date);
  });
});
