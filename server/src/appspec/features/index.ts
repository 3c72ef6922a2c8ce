/** Editor features over the engine's analysis: pure functions returning LSP-shaped plain data. */
export { complete, type CompletionOptions } from './complete';
export { hover } from './hover';
export { referenceAt, revisionPath, revisionReferences, type RevisionReference } from './links';
export { documentSymbols } from './symbols';
export { codeActions, QUICK_FIXES, REVISION_FIX_COMMAND, type QuickFixContext, type RevisionFixArguments, type RevisionFixKind } from './code-actions/index';
export { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens } from './semantic-tokens';
export { appSpecSnippet, appSpecTemplate, scriptTemplate } from './templates';
