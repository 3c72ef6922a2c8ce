import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ApiError } from './api-error';
import { NodeSha256 } from './sha256';

export interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface VerifiedRequest {
  region: string;
  service: string;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

function denied(type: string, message: string): never {
  throw new ApiError(type, message, 403);
}

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Checks a request's SigV4 Authorization header against our one key pair: the smithy signer
 * re-signs exactly the headers the client listed, with the client's date and scope, and the two
 * signatures must match. Throws a 403 ApiError otherwise; never logs the signature or the key.
 */
export async function verifySigV4(
  keys: KeyPair,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<VerifiedRequest> {
  const authorization = headerValue(headers, 'authorization');
  if (!authorization) denied('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const match = AUTHORIZATION.exec(authorization);
  if (!match) denied('IncompleteSignatureException', 'Authorization header requires a valid AWS4-HMAC-SHA256 Credential, SignedHeaders and Signature.');
  const [, accessKeyId, shortDate, region, service, signedHeaderList] = match as unknown as [string, string, string, string, string, string];
  if (accessKeyId !== keys.accessKeyId) denied('UnrecognizedClientException', 'The security token included in the request is invalid.');

  const amzDate = headerValue(headers, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (!signingDate || !amzDate!.startsWith(shortDate)) denied('IncompleteSignatureException', 'The request must carry an X-Amz-Date header matching the credential scope.');
  if (Math.abs(Date.now() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    denied('InvalidSignatureException', 'Signature expired: the request time is more than 15 minutes from the server time.');
  }

  const signedNames = signedHeaderList.split(';');
  if (!signedNames.includes('host')) denied('InvalidSignatureException', 'The Host header must be signed.');
  const signedHeaders: Record<string, string> = {};
  for (const name of signedNames) {
    const value = headerValue(headers, name);
    if (value === undefined) denied('InvalidSignatureException', `Signed header ${name} is missing from the request.`);
    signedHeaders[name] = value;
  }

  // The signer trusts a client-sent payload hash, so the hash itself must match the body we got.
  const payloadHash = headerValue(headers, 'x-amz-content-sha256');
  if (payloadHash !== undefined && payloadHash !== createHash('sha256').update(body).digest('hex')) {
    denied('InvalidSignatureException', 'The provided x-amz-content-sha256 header does not match the request body.');
  }

  const signer = new SignatureV4({ credentials: keys, region, service, sha256: NodeSha256, applyChecksum: false });
  const resigned = await signer.sign(
    { method, protocol: 'http:', hostname: signedHeaders.host ?? '', path, query: {}, headers: signedHeaders, body },
    { signingDate, signingRegion: region, signingService: service, signableHeaders: new Set(signedNames) },
  );
  const expected = Buffer.from(String(resigned.headers.authorization ?? resigned.headers.Authorization ?? ''));
  const actual = Buffer.from(authorization);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    denied(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return { region, service };
}
