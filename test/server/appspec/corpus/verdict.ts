import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeAppSpec } from '../../../../server/src/appspec/analyze';
import { formatFromPath } from '../../../../server/src/appspec/parse';
import type { AppSpecDiagnostic } from '../../../../server/src/appspec/types';
import { REPO_ROOT } from '../../../support/repo-root';

/**
 * What the engine says about one corpus file, in the terms the verdict table records. Shared by
 * the corpus test and scripts/corpus-verdicts.mjs (which loads the compiled copy), so the table's
 * generator and its checker can never disagree on what a verdict is.
 */

/** The platform column: the engine's detected platform, or `-` when it builds no model (parse failure, not an AppSpec). */
export type PlatformCell = 'ec2' | 'ecs' | 'lambda' | '-';

export interface Verdict {
  platform: PlatformCell;
  /** Codes reported at severity error, sorted and unique. */
  errors: string[];
  /** Every diagnostic, for diff messages. */
  diagnostics: AppSpecDiagnostic[];
}

/** The corpus folder: `APPSPEC_CORPUS_DIR`, else `../shared/corpus/real` beside the repository. */
export function corpusDir(): string {
  return process.env.APPSPEC_CORPUS_DIR ? path.resolve(process.env.APPSPEC_CORPUS_DIR) : path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');
}

/** The corpus files (everything but the manifest), sorted. */
export function corpusFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'MANIFEST.tsv')
    .map((entry) => entry.name)
    .sort();
}

/** The verdict with revision checks off (the corpus files' scripts are not beside them); the format comes from the name. */
export function verdictOf(fileName: string, text: string): Verdict {
  const analysis = analyzeAppSpec(text, { format: formatFromPath(fileName) });
  const errors = [...new Set(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
  return { platform: analysis.platform ?? '-', errors, diagnostics: analysis.diagnostics };
}
