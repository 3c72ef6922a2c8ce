import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE_NAME } from './source-name';
import { addOs, addVersion, fixVersion, makeLocationRelative, moveUnderHooks, quoteMode, replaceWithSuggestion, unquoteVersion } from './edit-fixes';
import type { QuickFixContext, QuickFixProvider } from './quick-fix';
import { addShebang, convertCrlf, createScript, makeExecutable } from './revision-fixes';

export { REVISION_FIX_COMMAND, type QuickFixContext, type RevisionFixArguments, type RevisionFixKind } from './quick-fix';

/**
 * Quick fixes keyed by diagnostic code: adding a fix never touches a rule. Codes not listed here
 * still get the "did you mean" replacement when the rule put one in the diagnostic's data.
 */
export const QUICK_FIXES: Readonly<Record<string, QuickFixProvider>> = {
  'missing-version': addVersion,
  'quoted-version': unquoteVersion,
  'invalid-version': fixVersion,
  'missing-os': addOs,
  'absolute-location': makeLocationRelative,
  'octal-mode': quoteMode,
  'hook-outside-hooks': moveUnderHooks,
  'script-not-found': createScript,
  'script-not-executable': makeExecutable,
  'script-crlf': convertCrlf,
  'script-no-shebang': addShebang,
};

/** Fixes for the given diagnostics (ours only: other tools' diagnostics in the same file are left alone). */
export function codeActions(diagnostics: readonly Diagnostic[], context: QuickFixContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE_NAME) continue;
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : '';
    const provider = QUICK_FIXES[code] ?? replaceWithSuggestion;
    try {
      actions.push(...provider(diagnostic, context));
    } catch {
      // A fix that cannot be computed for an odd document is simply not offered.
    }
  }
  return actions;
}
