import { ApiError } from './api-error';
import type { Input } from './input';

/** Where a call comes from: the region of its signature and our fixed account. */
export interface RequestContext {
  region: string;
  accountId: string;
}

export type Operation = (input: Input, context: RequestContext) => Promise<object> | object;
export type Operations = Readonly<Record<string, Operation>>;

const TARGET_PREFIX = 'CodeDeploy_20141006.';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Timestamps travel as epoch seconds in awsJson1_1. */
function encodeValue(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}

/** Serialises an operation's output the way the service does. */
export function encodeBody(output: object): string {
  return JSON.stringify(output, encodeValue);
}

/** Runs the operation named by X-Amz-Target on the JSON body. */
export async function dispatch(operations: Operations, target: string | undefined, body: Buffer, context: RequestContext): Promise<object> {
  if (!target?.startsWith(TARGET_PREFIX)) throw new ApiError('UnknownOperationException', 'The X-Amz-Target header must name a CodeDeploy_20141006 operation.');
  const name = target.slice(TARGET_PREFIX.length);
  const operation = Object.prototype.hasOwnProperty.call(operations, name) ? operations[name] : undefined;
  if (!operation) throw new ApiError('UnknownOperationException', `Operation not supported by the local endpoint: ${name}`);
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ApiError('SerializationException', 'The request body must be a JSON object.');
  return operation(input as Input, context);
}
