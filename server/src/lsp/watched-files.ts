import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { AppSpecSources } from './appspec-sources';
import type { RevisionFileCache } from './revision-file-cache';
import { filePathOf, revisionRootOf } from './revision-files';
import type { ValidationService } from './validation-service';

/**
 * Keeps diagnostics true to the disk: an AppSpec created or deleted outside the editor appears in
 * or leaves the Problems panel, and a script created, deleted, renamed or chmod'ed re-runs the
 * revision checks of every AppSpec whose revision folder holds it.
 */
export function handleWatchedFiles(changes: readonly FileEvent[], sources: AppSpecSources, validation: ValidationService, fileCache?: RevisionFileCache): void {
  const affected = new Set<string>();
  const changedPaths: string[] = [];
  for (const change of changes) {
    const file = filePathOf(change.uri);
    if (file) {
      changedPaths.push(file);
      fileCache?.invalidate(file);
    }
    if (!sources.isAppSpec(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) {
      sources.removeOnDisk(change.uri);
      if (!sources.openDocument(change.uri)) validation.clear(change.uri);
    } else {
      sources.addOnDisk(change.uri);
      if (!sources.openDocument(change.uri)) affected.add(change.uri);
    }
  }
  for (const uri of sources.all()) {
    const root = revisionRootOf(uri);
    if (!root) continue;
    const own = filePathOf(uri);
    if (changedPaths.some((changed) => changed !== own && isInside(root, changed))) affected.add(uri);
  }
  for (const uri of affected) validation.schedule(uri);
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
