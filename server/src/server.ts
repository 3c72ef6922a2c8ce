import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/language-server';

// The transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) comes from the command line.
startLanguageServer(createConnection(ProposedFeatures.all));
