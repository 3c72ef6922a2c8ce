import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppSpecSelector } from './appspec-selector';
import { filePathOf } from './revision-files';

/** Folders that never hold a revision's AppSpec and can be huge. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.venv', 'venv', '__pycache__', '.terraform', 'cdk.out', '.aws-sam']);
const MAX_ENTRIES = 50_000;
const MAX_DEPTH = 12;

/**
 * Finds AppSpec files under the workspace folders (file: URIs only), breadth-first with limits on
 * depth and entries so a huge monorepo costs a bounded scan, never a stalled server.
 */
export async function findAppSpecs(folderUris: readonly string[], selector: AppSpecSelector): Promise<string[]> {
  const found: string[] = [];
  let budget = MAX_ENTRIES;
  const queue: Array<{ dir: string; depth: number }> = [];
  for (const uri of folderUris) {
    const dir = filePathOf(uri);
    if (dir) queue.push({ dir, depth: 0 });
  }
  while (queue.length > 0 && budget > 0) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (--budget <= 0) break;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED.has(entry.name)) queue.push({ dir: full, depth: depth + 1 });
      } else if (entry.isFile()) {
        const uri = pathToFileURL(full).href;
        if (selector.matches(uri)) found.push(uri);
      }
    }
  }
  return found;
}
