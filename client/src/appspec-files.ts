import * as vscode from 'vscode';

/** Names every AppSpec has; `codedeploy.appspec.filePatterns` adds more. */
export const DEFAULT_APPSPEC_GLOB = '**/appspec.{yml,yaml,json}';

/** The user's extra AppSpec patterns. */
export function extraPatterns(): string[] {
  const patterns = vscode.workspace.getConfiguration('codedeploy').get<unknown>('appspec.filePatterns');
  return Array.isArray(patterns) ? patterns.filter((pattern): pattern is string => typeof pattern === 'string' && pattern.trim() !== '') : [];
}

/** Whether a document is an AppSpec by its path (any URI scheme), the way the server decides. */
export function isAppSpecDocument(document: vscode.TextDocument): boolean {
  const selectors = [DEFAULT_APPSPEC_GLOB, ...extraPatterns()].map((pattern) => ({ pattern }));
  return vscode.languages.match(selectors, document) > 0;
}

/** True when the workspace holds at least one AppSpec (default names or the user's patterns). */
export async function workspaceHasAppSpec(): Promise<boolean> {
  for (const pattern of [DEFAULT_APPSPEC_GLOB, ...extraPatterns()]) {
    const found = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 1);
    if (found.length > 0) return true;
  }
  return false;
}
