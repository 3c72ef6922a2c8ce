import type { LintResult } from './lint-result';

/** The contract's JSON: one array of { file, diagnostics: [{ code, severity, message, range }] } with 0-based positions. */
export function formatJson(results: readonly LintResult[]): string {
  const shaped = results.map((result) => ({
    file: result.file,
    diagnostics: result.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
  }));
  return `${JSON.stringify(shaped)}\n`;
}
