import type { Severity } from '../types';

export interface CodeInfo {
  /** Severity when the user has not overridden it. */
  severity: Severity;
  /** One line: what the problem is. docs/rules.md carries the example and the fix. */
  summary: string;
}

/** Keeps the literal keys of a code table while checking each entry's shape. */
export function defineCodes<T extends Record<string, CodeInfo>>(codes: T): T {
  return codes;
}
