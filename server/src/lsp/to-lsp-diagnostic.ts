import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { codeDocumentationUrl } from '../appspec/codes';
import type { AppSpecDiagnostic, Severity } from '../appspec/types';
import { DIAGNOSTIC_SOURCE_NAME } from '../appspec/features/code-actions/source-name';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The name diagnostics carry in the Problems panel. */
export const DIAGNOSTIC_SOURCE = DIAGNOSTIC_SOURCE_NAME;

/** An engine diagnostic as LSP sends it, with a link to the code's documentation and the fix data kept. */
export function toLspDiagnostic(diagnostic: AppSpecDiagnostic): Diagnostic {
  const result: Diagnostic = {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: codeDocumentationUrl(diagnostic.code) },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.data) result.data = diagnostic.data;
  return result;
}
