import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ParentGuard } from './parent-guard';
import { isWithin } from './reroot';
import { lstatOrUndefined } from './safe-tree-writer';

/**
 * E-FI-9: removes what the previous deployment of the group installed, newest first: files and
 * links are deleted, folders only when empty. Then the list itself is removed.
 */
export async function runCleanup(cleanupFile: string, rootDir: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(cleanupFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const entries = text.split('\n').filter((line) => line !== '').reverse();
  const guard = await ParentGuard.create(rootDir);
  for (const entry of entries) {
    const target = path.join(rootDir, ...entry.split('/'));
    if (!isWithin(rootDir, target) || target === rootDir) continue; // a hand-edited list must not reach outside
    const stat = await lstatOrUndefined(target);
    if (!stat) continue;
    await guard.check(target);
    if (!stat.isDirectory()) await fs.unlink(target);
    else if ((await fs.readdir(target)).length === 0) await fs.rmdir(target);
  }
  await fs.rm(cleanupFile);
}
