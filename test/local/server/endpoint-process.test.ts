import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import { CodeDeployClient, CreateApplicationCommand, ListApplicationsCommand } from '@aws-sdk/client-codedeploy';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../../local/src/server/sha256';
import { removeDir, startProcess, tempDir, type EndpointProcess } from '../support/endpoint';

interface RawResponse {
  status: number;
  body: string;
}

function rawRequest(url: string, headers: Record<string, string>, body: string, method = 'POST'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, setHost: !('host' in headers) }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function readKeys(file: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const text = await fs.readFile(file, 'utf8');
  return {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  };
}

/** Signs a CodeDeploy call with the given keys and Host, as the SDK would. */
async function signedCall(endpoint: string, keys: { accessKeyId: string; secretAccessKey: string }, host: string, target: string, body: string) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials: keys, region: 'us-east-1', service: 'codedeploy', sha256: NodeSha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `CodeDeploy_20141006.${target}` },
    body,
  });
  return signed.headers as Record<string, string>;
}

describe('local endpoint process: banner, credentials, signing and Host', function () {
  let dataDir: string;
  let local: EndpointProcess & { banner: string };

  before(async function () {
    dataDir = await tempDir();
    local = await startProcess(['--data', dataDir, '--port', '0']);
  });

  after(async function () {
    await local?.stop();
    await removeDir(dataDir);
  });

  it('prints the one-line contract banner and writes a credentials file the SDK can use', async function () {
    assert.match(local.banner, /^codedeploy endpoint http:\/\/127\.0\.0\.1:\d+ s3 http:\/\/127\.0\.0\.1:\d+ credentials \S+$/);
    assert.equal(local.credentialsFile, `${dataDir}/credentials`);
    const mode = (await fs.stat(local.credentialsFile)).mode & 0o777;
    assert.equal(mode, 0o600);
    const client = local.codedeploy();
    await client.send(new CreateApplicationCommand({ applicationName: 'signed-ok' }));
    const listed = await client.send(new ListApplicationsCommand({}));
    assert.deepEqual(listed.applications, ['signed-ok']);
  });

  it('refuses to share its data folder with a second endpoint', async function () {
    await assert.rejects(startProcess(['--data', dataDir]), /exited with 2 before its banner: .*in use by another local CodeDeploy/);
  });

  it('answers an operation it does not know with UnknownOperationException', async function () {
    const keys = await readKeys(local.credentialsFile);
    const headers = await signedCall(local.endpoint, keys, new URL(local.endpoint).host, 'DeleteResourcesByExternalId', '{}');
    const response = await rawRequest(local.endpoint, headers, '{}');
    assert.equal(response.status, 400);
    assert.equal(JSON.parse(response.body).__type, 'UnknownOperationException');
  });

  it('refuses an unsigned request with 403', async function () {
    const response = await rawRequest(local.endpoint, { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CodeDeploy_20141006.ListApplications' }, '{}');
    assert.equal(response.status, 403);
    assert.equal(JSON.parse(response.body).__type, 'MissingAuthenticationTokenException');
  });

  it('refuses a request signed with the wrong secret or an unknown key (403, typed)', async function () {
    const keys = await readKeys(local.credentialsFile);
    const wrongSecret = new CodeDeployClient({ endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: `${keys.secretAccessKey}x` }, maxAttempts: 1 });
    const unknownKey = new CodeDeployClient({ endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: keys.secretAccessKey }, maxAttempts: 1 });
    try {
      await assert.rejects(wrongSecret.send(new ListApplicationsCommand({})), (error: Error & { $metadata: { httpStatusCode?: number } }) => {
        assert.equal(error.name, 'InvalidSignatureException');
        assert.equal(error.$metadata.httpStatusCode, 403);
        return true;
      });
      await assert.rejects(unknownKey.send(new ListApplicationsCommand({})), { name: 'UnrecognizedClientException' });
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
    }
  });

  it('refuses a correctly signed request whose body was changed afterwards', async function () {
    const keys = await readKeys(local.credentialsFile);
    const host = new URL(local.endpoint).host;
    const headers = await signedCall(local.endpoint, keys, host, 'CreateApplication', '{"applicationName":"a"}');
    const response = await rawRequest(local.endpoint, headers, '{"applicationName":"b"}');
    assert.equal(response.status, 403);
    assert.equal(JSON.parse(response.body).__type, 'InvalidSignatureException');
    const accepted = await rawRequest(local.endpoint, headers, '{"applicationName":"a"}');
    assert.equal(accepted.status, 200);
  });

  it('refuses a validly signed request carrying a foreign Host header (DNS rebinding)', async function () {
    const keys = await readKeys(local.credentialsFile);
    const port = new URL(local.endpoint).port;
    const headers = await signedCall(local.endpoint, keys, `attacker.example:${port}`, 'ListApplications', '{}');
    const response = await rawRequest(local.endpoint, headers, '{}');
    assert.equal(response.status, 403);
    assert.equal(JSON.parse(response.body).__type, 'AccessDeniedException');
  });

  it('serves S3 only to requests signed with the generated keys', async function () {
    const s3 = local.s3();
    await s3.send(new PutObjectCommand({ Bucket: 'local-codedeploy', Key: 'hello.txt', Body: 'hi' }));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'local-codedeploy', Key: 'hello.txt' }));
    assert.equal(await object.Body!.transformToString(), 'hi');

    const anonymous = await rawRequest(`${local.s3Endpoint}/local-codedeploy/hello.txt`, {}, '', 'GET');
    assert.equal(anonymous.status, 403);
    const foreign = await rawRequest(`${local.s3Endpoint}/local-codedeploy/hello.txt`, { host: 'attacker.example' }, '', 'GET');
    assert.equal(foreign.status, 403);
    const defaultKeys = new S3Client({ endpoint: local.s3Endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, maxAttempts: 1 });
    try {
      await assert.rejects(defaultKeys.send(new GetObjectCommand({ Bucket: 'local-codedeploy', Key: 'hello.txt' })), (error: Error & { $metadata: { httpStatusCode?: number } }) => {
        assert.equal(error.$metadata.httpStatusCode, 403);
        return true;
      });
    } finally {
      defaultKeys.destroy();
    }
  });
});
