import { defineCodes } from './code-info';

/** Shape problems found by the JSON Schema layer, on every platform. */
export const structureCodes = defineCodes({
  'invalid-type': { severity: 'error', summary: 'A value has the wrong shape (list, mapping, string, number) for its key.' },
  'missing-key': { severity: 'error', summary: 'A required key is missing.' },
  'unknown-key': { severity: 'warning', summary: 'A key CodeDeploy does not read; its content is silently ignored.' },
  'hook-outside-hooks': { severity: 'warning', summary: 'A lifecycle event written at the top level instead of under hooks; its scripts or function never run.' },
  'invalid-value': { severity: 'error', summary: 'A value outside the allowed set or range.' },
});
