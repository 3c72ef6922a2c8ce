import { defineCodes } from './code-info';

/** Shape problems found by the JSON Schema layer, on every platform. */
export const structureCodes = defineCodes({
  'invalid-type': { severity: 'error', summary: 'A value has the wrong shape (list, mapping, string, number) for its key.' },
  'missing-key': { severity: 'error', summary: 'A required key is missing.' },
  'unknown-key': { severity: 'warning', summary: 'A key CodeDeploy does not read; its content is silently ignored.' },
  'invalid-value': { severity: 'error', summary: 'A value outside the allowed set or range.' },
});
