import * as vscode from 'vscode';
import { FIXTURE_APPSPEC, type ExpectedDiagnostic } from '../expected';

/** Opens the fixture AppSpec of the first workspace folder in an editor, as a user double-clicking it would. */
export async function openFixtureAppSpec(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the runner must open the fixture workspace)');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, FIXTURE_APPSPEC));
  return vscode.window.showTextDocument(document);
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, ExpectedDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** A diagnostic as the Problems panel shows it: code, 1-based line, severity. */
export function asShown(diagnostic: vscode.Diagnostic): Pick<ExpectedDiagnostic, 'code' | 'line' | 'severity'> {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return { code: String(code ?? ''), line: diagnostic.range.start.line + 1, severity: SEVERITIES[diagnostic.severity] };
}

/**
 * Resolves with the document's diagnostics once `done` holds for them, re-checking on every
 * onDidChangeDiagnostics event; rejects after `timeoutMs` with what was there last.
 */
export function waitForDiagnostics(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!done(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const last = vscode.languages.getDiagnostics(uri).map(asShown);
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for diagnostics; last seen: ${JSON.stringify(last)}`));
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Reverts the active editor's unsaved changes and resolves once its document is clean again. */
export async function revertActiveEditor(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document?.isDirty) return;
  let resolveClean: () => void = () => undefined;
  const clean = new Promise<void>((resolve) => (resolveClean = resolve));
  const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === document && !document.isDirty) resolveClean();
  });
  try {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (document.isDirty) await clean;
  } finally {
    subscription.dispose();
  }
}
