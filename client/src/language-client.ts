import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The notification the server listens to when the user trusts the workspace. */
const WORKSPACE_TRUSTED = 'codedeploy/workspaceTrusted';
const REVISION_FIX_COMMAND = 'codedeploy.applyRevisionFix';

/**
 * Creates the AppSpec language client. Every YAML and JSON document is offered to the server, which
 * decides by path (default names plus `codedeploy.appspec.filePatterns`) whether it is an AppSpec:
 * that way a change of the patterns takes effect without restarting anything, and AppSpecs keep
 * their yaml/json language (formatters and other YAML tools keep working).
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }],
    outputChannel: output,
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    middleware: {
      // Fixes that change revision files (create a script, chmod, line endings) need a trusted workspace.
      executeCommand: async (command, args, next) => {
        if (command === REVISION_FIX_COMMAND && !vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage('CodeDeploy: trust this workspace to let fixes change files in the revision.');
          return undefined;
        }
        return next(command, args);
      },
    },
  };
  const client = new LanguageClient('codedeploy.appspec', 'CodeDeploy AppSpec', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(WORKSPACE_TRUSTED);
    }),
  );
  return client;
}
