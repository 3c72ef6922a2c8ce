import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { REVISION_FIX_COMMAND, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../appspec/features/index';

/** What the server offers; every feature also works without the client's optional capabilities. */
export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    // Space after `key:` and `- `, and `/` inside a path, open the list without Ctrl+Space.
    completionProvider: { triggerCharacters: [' ', '/'], resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    documentLinkProvider: { resolveProvider: false },
    documentSymbolProvider: { label: 'AppSpec' },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
    executeCommandProvider: { commands: [REVISION_FIX_COMMAND] },
    semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] }, full: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
