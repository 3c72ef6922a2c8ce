import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_APPSPEC_GLOB, isAppSpecDocument, workspaceHasAppSpec } from './appspec-files';
import { createLanguageClient } from './language-client';
import { NEW_APPSPEC_COMMAND, newAppSpec } from './new-appspec-command';

let client: LanguageClient | undefined;

/**
 * The extension comes to life only for AppSpecs. VS Code has no activation event for a file name,
 * so opening any YAML or JSON document activates it (the only way to catch an AppSpec opened
 * outside a workspace or matched by the user's extra patterns); until an AppSpec is open or exists
 * in the workspace, activation registers the New AppSpec command and a file watcher, and nothing
 * a user can see: the output channel and the language server come with the first AppSpec.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_APPSPEC_COMMAND, newAppSpec));

  const start = async () => {
    if (client) return;
    const output = vscode.window.createOutputChannel('CodeDeploy AppSpec', { log: true });
    context.subscriptions.push(output);
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
