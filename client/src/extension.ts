import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_APPSPEC_GLOB, isAppSpecDocument, workspaceHasAppSpec } from './appspec-files';
import { createLanguageClient } from './language-client';
import { NEW_APPSPEC_COMMAND, newAppSpec } from './new-appspec-command';

let client: LanguageClient | undefined;

/**
 * Activation is cheap: the language server starts only once an AppSpec is open or exists in the
 * workspace (activation on YAML/JSON documents is needed for AppSpecs outside any workspace and
 * for the user's extra patterns, which `workspaceContains` cannot express).
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CodeDeploy AppSpec', { log: true });
  context.subscriptions.push(output, vscode.commands.registerCommand(NEW_APPSPEC_COMMAND, newAppSpec));

  const start = async () => {
    if (client) return;
    client = createLanguageClient(context, output);
    await client.start();
  };
  const startFor = (document: vscode.TextDocument) => {
    if (!client && isAppSpecDocument(document)) void start();
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  vscode.workspace.textDocuments.forEach(startFor);
  // An AppSpec created outside the editor (git checkout, terminal) also starts the server.
  const watcher = vscode.workspace.createFileSystemWatcher(DEFAULT_APPSPEC_GLOB, false, true, true);
  context.subscriptions.push(watcher, watcher.onDidCreate(() => void start()));
  if (!client && (await workspaceHasAppSpec())) await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
