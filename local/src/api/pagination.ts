import { fail } from '../server/api-error';

export const PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of an already ordered list. The token records the operation and the offset so a token
 * from one list cannot be replayed on another; anything else is InvalidNextTokenException.
 */
export function paginate<T>(items: readonly T[], nextToken: string | undefined, scope: string, pageSize = PAGE_SIZE): Page<T> {
  let offset = 0;
  if (nextToken !== undefined) {
    const decoded = Buffer.from(nextToken, 'base64url').toString('utf8');
    const match = /^(.*):(\d+)$/.exec(decoded);
    if (!match || match[1] !== scope) fail('InvalidNextTokenException', 'The next token was specified in an invalid format.');
    offset = Number(match[2]);
  }
  const end = offset + pageSize;
  const page: Page<T> = { items: items.slice(offset, end) };
  if (end < items.length) page.nextToken = Buffer.from(`${scope}:${end}`, 'utf8').toString('base64url');
  return page;
}
