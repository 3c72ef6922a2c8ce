import * as vscode from 'vscode';
import { appSpecTemplate } from '../../server/src/appspec/features/templates';
import type { Platform } from '../../server/src/appspec/types';

export const NEW_APPSPEC_COMMAND = 'codedeploy.newAppSpec';

const CHOICES: ReadonlyArray<vscode.QuickPickItem & { platform: Platform }> = [
  { label: 'EC2/On-Premises', description: 'files, permissions and hook scripts run by the CodeDeploy agent', platform: 'ec2' },
  { label: 'Amazon ECS', description: 'blue/green: task definition, container and Lambda hooks', platform: 'ecs' },
  { label: 'AWS Lambda', description: 'alias traffic shift between two versions', platform: 'lambda' },
];

/** Where the new AppSpec goes: the folder clicked in the explorer, the only workspace folder, or one the user picks. */
async function targetFolder(clicked: unknown): Promise<vscode.Uri | undefined> {
  if (clicked instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(clicked).then((s) => s, () => undefined);
    return stat?.type === vscode.FileType.Directory ? clicked : vscode.Uri.joinPath(clicked, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder of the revision (the AppSpec goes at its root)' }))?.uri;
  return undefined;
}

/** "CodeDeploy: New AppSpec File": a template per platform, written to the revision folder (or an untitled editor). */
export async function newAppSpec(clicked?: unknown): Promise<void> {
  const choice = await vscode.window.showQuickPick(CHOICES, { placeHolder: 'Compute platform of the deployment' });
  if (!choice) return;
  const text = appSpecTemplate(choice.platform);
  const folder = await targetFolder(clicked);
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(document);
    return;
  }
  const target = vscode.Uri.joinPath(folder, 'appspec.yml');
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists) {
    await vscode.window.showTextDocument(target);
    void vscode.window.showInformationMessage(`CodeDeploy: this folder already has an AppSpec: ${vscode.workspace.asRelativePath(target)}`);
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
}
