import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector } from '../faults';
import { ApiError } from './api-error';
import { isLoopbackHost } from './host-check';
import { dispatch, encodeBody, JSON_CONTENT_TYPE, type Operations } from './json-protocol';
import { verifySigV4, type KeyPair } from './sigv4-verify';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const ACCOUNT_ID = '000000000000';

export interface ListenerOptions {
  port: number;
  keys: KeyPair;
  operations: Operations;
  faults: FaultInjector;
  log(line: string): void;
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError('ValidationException', 'The request body is too large.', 413));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, body: string, errorType?: string): void {
  const headers: http.OutgoingHttpHeaders = { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(body) };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers);
  response.end(body);
}

/** Answers one request: loopback Host, then signature, then injected faults, then the operation. */
async function handle(options: ListenerOptions, port: number, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const target = request.headers['x-amz-target'];
  const operationName = typeof target === 'string' ? target.split('.').pop() : undefined;
  try {
    if (!isLoopbackHost(request.headers.host, port)) throw new ApiError('AccessDeniedException', 'Requests must be addressed to the loopback endpoint.', 403);
    if (request.method !== 'POST') throw new ApiError('UnknownOperationException', 'CodeDeploy operations are POST requests.', 405);
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const verified = await verifySigV4(options.keys, request.method, decodeURIComponent(url.pathname), request.headers, body);
    await options.faults.apply();
    const output = await dispatch(options.operations, typeof target === 'string' ? target : undefined, body, { region: verified.region, accountId: ACCOUNT_ID });
    send(response, 200, encodeBody(output));
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError('InternalFailure', 'The local endpoint failed to process the request.', 500);
    if (!(error instanceof ApiError)) options.log(`internal error in ${operationName ?? 'request'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    send(response, apiError.statusCode, JSON.stringify({ __type: apiError.type, message: apiError.message }), apiError.type);
  }
}

/** Starts the CodeDeploy JSON listener on 127.0.0.1 only. */
export async function startListener(options: ListenerOptions): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer();
  let port = options.port;
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    void handle(options, port, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return { server, port };
}
