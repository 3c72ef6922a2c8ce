import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import Account from 's3rver/lib/models/account';
import { isLoopbackHost } from '../server/host-check';
import type { KeyPair } from '../server/sigv4-verify';

/** The bucket created at start so a deploy works without a CreateBucket call. */
export const DEFAULT_BUCKET = 'local-codedeploy';

export interface LocalS3 {
  port: number;
  stop(): Promise<void>;
}

function refuse(response: http.ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  response.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Runs s3rver (a real S3-protocol server) on 127.0.0.1 with our generated key pair registered in
 * its account registry and its default S3RVER key revoked, so only signed requests made with our
 * keys get through (s3rver checks the signature). s3rver itself lets anonymous requests pass and
 * ignores Host, so a thin front refuses those first.
 */
export async function startLocalS3(directory: string, port: number, keys: KeyPair): Promise<LocalS3> {
  Account.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
  Account.DUMMY_ACCOUNT.createKeyPair(keys.accessKeyId, keys.secretAccessKey);
  const s3rver = new S3rver({ directory, silent: true, vhostBuckets: false, configureBuckets: [{ name: DEFAULT_BUCKET }] });
  await s3rver.configureBuckets();
  const handler = s3rver.callback();
  let boundPort = port;
  const server = http.createServer((request, response) => {
    if (!isLoopbackHost(request.headers.host, boundPort)) return refuse(response, 403, 'AccessDenied', 'Requests must be addressed to the loopback endpoint.');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!request.headers.authorization && !url.searchParams.has('X-Amz-Algorithm')) {
      return refuse(response, 403, 'AccessDenied', 'Anonymous requests are not accepted; sign requests with the generated credentials.');
    }
    handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    port: boundPort,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      Account.DUMMY_ACCOUNT.revokeAccessKey(keys.accessKeyId);
      s3rver.logger.exceptions.unhandle();
      s3rver.logger.close();
    },
  };
}
