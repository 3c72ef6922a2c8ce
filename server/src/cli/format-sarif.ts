import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { CODES, codeDocumentationUrl, type DiagnosticCode } from '../appspec/codes';
import type { AppSpecDiagnostic, Severity } from '../appspec/types';
import type { LintResult } from './lint-result';

const LEVELS: Record<Severity, sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const INFORMATION_URI = 'https://github.com/codedeploy-vscode/codedeploy-vscode';

export interface SarifRunInput {
  results: readonly LintResult[];
  /** Paths that could not be checked (I/O problems), reported as tool notifications. */
  problems: readonly string[];
  version: string;
}

/**
 * A SARIF 2.1.0 log for code-scanning uploads: one run, every code as a rule (id, summary,
 * help link, default level), results with 1-based regions in UTF-16 columns (SARIF's default,
 * the same unit as LSP). Paths are relative URIs when relative to the cwd, file URIs otherwise.
 */
export function formatSarif(input: SarifRunInput): string {
  const codes = Object.keys(CODES) as DiagnosticCode[];
  const ruleIndex = new Map(codes.map((code, index) => [code as string, index]));
  const rules: sarif.ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    shortDescription: { text: CODES[code].summary },
    helpUri: codeDocumentationUrl(code),
    defaultConfiguration: { level: LEVELS[CODES[code].severity] },
  }));
  const results: sarif.Result[] = input.results.flatMap((result) => result.diagnostics.map((diagnostic) => toResult(diagnostic, artifactUri(result.file), ruleIndex.get(diagnostic.code))));
  const run: sarif.Run = {
    tool: { driver: { name: 'appspec-lint', version: input.version, informationUri: INFORMATION_URI, rules } },
    results,
    invocations: [
      {
        executionSuccessful: input.problems.length === 0,
        toolExecutionNotifications: input.problems.map((text) => ({ level: 'error', message: { text } })),
      },
    ],
  };
  const log: sarif.Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(diagnostic: AppSpecDiagnostic, uri: string, index: number | undefined): sarif.Result {
  const { start, end } = diagnostic.range;
  const result: sarif.Result = {
    ruleId: diagnostic.code,
    level: LEVELS[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
  if (index !== undefined) result.ruleIndex = index; // internal-error is not a registered code
  return result;
}

function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).map(encodeURIComponent).join('/');
}
