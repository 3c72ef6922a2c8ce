import * as assert from 'node:assert/strict';
import {
  BatchGetApplicationsCommand,
  CreateApplicationCommand,
  DeleteApplicationCommand,
  GetApplicationCommand,
  ListApplicationsCommand,
  paginateListApplications,
  UpdateApplicationCommand,
  type CodeDeployClient,
} from '@aws-sdk/client-codedeploy';
import { startInProcess, type Endpoint } from '../support/endpoint';

describe('local endpoint: applications', function () {
  let local: Endpoint;
  let client: CodeDeployClient;

  before(async function () {
    local = await startInProcess();
    client = local.codedeploy();
  });

  after(async function () {
    await local?.stop();
  });

  it('pages through 250 applications with nextToken, 100 at a time, each name once', async function () {
    const names = Array.from({ length: 250 }, (_, index) => `page-app-${String(index).padStart(3, '0')}`);
    for (const name of names) await client.send(new CreateApplicationCommand({ applicationName: name }));
    const first = await client.send(new ListApplicationsCommand({}));
    assert.equal(first.applications?.length, 100);
    assert.ok(first.nextToken);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListApplications({ client }, {})) {
      pages += 1;
      seen.push(...(page.applications ?? []));
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...names].sort());
    await assert.rejects(client.send(new ListApplicationsCommand({ nextToken: 'not-a-token' })), { name: 'InvalidNextTokenException' });
  });

  it('creates, reads, renames and deletes an application with the service shapes', async function () {
    const { applicationId } = await client.send(new CreateApplicationCommand({ applicationName: 'shape-app', computePlatform: 'Lambda' }));
    assert.match(applicationId ?? '', /^[0-9a-f-]{36}$/);
    const { application } = await client.send(new GetApplicationCommand({ applicationName: 'shape-app' }));
    assert.equal(application?.applicationId, applicationId);
    assert.equal(application?.computePlatform, 'Lambda');
    assert.equal(application?.linkedToGitHub, false);
    assert.ok(application?.createTime instanceof Date && Math.abs(application.createTime.getTime() - Date.now()) < 60000);

    await client.send(new UpdateApplicationCommand({ applicationName: 'shape-app', newApplicationName: 'shape-app-2' }));
    const batch = await client.send(new BatchGetApplicationsCommand({ applicationNames: ['shape-app-2'] }));
    assert.equal(batch.applicationsInfo?.[0]?.applicationId, applicationId);
    await assert.rejects(client.send(new GetApplicationCommand({ applicationName: 'shape-app' })), { name: 'ApplicationDoesNotExistException' });

    await client.send(new DeleteApplicationCommand({ applicationName: 'shape-app-2' }));
    await assert.rejects(client.send(new GetApplicationCommand({ applicationName: 'shape-app-2' })), { name: 'ApplicationDoesNotExistException' });
  });
});
