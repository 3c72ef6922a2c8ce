import type { AppSpecDiagnostic, Severity } from '../appspec/types';

/** One checked AppSpec: the path as shown to the user and its diagnostics in position order. */
export interface LintResult {
  file: string;
  diagnostics: AppSpecDiagnostic[];
}

export type SeverityCounts = Record<Severity, number>;

/** How many diagnostics of each severity the results hold. */
export function countSeverities(results: readonly LintResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const diagnostic of result.diagnostics) counts[diagnostic.severity]++;
  return counts;
}
