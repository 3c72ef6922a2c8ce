import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { AppSpecAnalysis } from '../../analyze';
import type { FixData, Range } from '../../types';

/** The command the language server runs for fixes that change revision files rather than the AppSpec. */
export const REVISION_FIX_COMMAND = 'codedeploy.applyRevisionFix';

export type RevisionFixKind = 'create-script' | 'make-executable' | 'convert-crlf' | 'add-shebang';

/** Arguments of REVISION_FIX_COMMAND. */
export interface RevisionFixArguments {
  uri: string;
  kind: RevisionFixKind;
  /** Revision-relative POSIX path of the file. */
  path: string;
  /** For create-script: the event that runs it (used in the template's comment). */
  event?: string;
}

export interface QuickFixContext {
  uri: string;
  analysis: AppSpecAnalysis;
  /** False in untrusted workspaces: no fix may touch files besides the AppSpec. */
  fileFixes: boolean;
}

/** A provider turns one diagnostic of its code into zero or more fixes. */
export type QuickFixProvider = (diagnostic: Diagnostic, context: QuickFixContext) => CodeAction[];

/** The document text a range covers. */
export function textAt(context: QuickFixContext, range: Range): string {
  const { positions, text } = context.analysis.parsed;
  return text.slice(positions.offset(range.start), positions.offset(range.end));
}

export function fixData(diagnostic: Diagnostic): FixData {
  const data = diagnostic.data as unknown;
  return typeof data === 'object' && data !== null ? (data as FixData) : {};
}

/** A fix that edits the AppSpec. */
export function editFix(title: string, diagnostic: Diagnostic, context: QuickFixContext, edits: TextEdit[], preferred = true): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [context.uri]: edits } } };
}

/** A fix that changes a revision file through the server (trusted workspaces only). */
export function revisionFix(title: string, diagnostic: Diagnostic, args: RevisionFixArguments): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, command: { title, command: REVISION_FIX_COMMAND, arguments: [args] } };
}
