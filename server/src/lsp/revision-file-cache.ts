import * as path from 'node:path';
import type { FileAccess } from '../appspec/types';
import { nodeFileAccess } from '../fs/node-file-access';

/** Longest a cached answer is trusted, in case the client's watcher misses an event (some file systems do). */
const MAX_AGE_MS = 10_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

/**
 * What the revision checks learn about files (stat, head of a script, folder listing), kept
 * between validations and dropped for a revision folder as soon as the client reports a change
 * under it. A 5,000-line AppSpec names thousands of paths; asking the disk again on every
 * keystroke would cost more than the whole rest of the validation. Used only when the client
 * watches files for us; otherwise every validation asks the disk.
 */
export class RevisionFileCache {
  private readonly roots = new Map<string, Map<string, Entry>>();

  /** A FileAccess for `root` that answers from the cache while it is fresh. */
  access(root: string): FileAccess {
    const files = nodeFileAccess(root);
    const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      let entries = this.roots.get(root);
      if (!entries) this.roots.set(root, (entries = new Map()));
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { at: Date.now(), value });
      return value;
    };
    return {
      stat: (relative) => cached(`s:${relative}`, () => files.stat(relative)),
      readText: (relative, maxBytes) => cached(`r:${maxBytes}:${relative}`, () => files.readText(relative, maxBytes)),
      list: (relative) => cached(`l:${relative}`, () => files.list(relative)),
    };
  }

  /** Forgets everything known about the revision folders that hold `file` (it was created, changed or deleted). */
  invalidate(file: string): void {
    for (const root of this.roots.keys()) {
      const relative = path.relative(root, file);
      if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) this.roots.delete(root);
    }
  }

  /** Forgets a folder's answers, e.g. after a fix changed one of its files. */
  invalidateRoot(root: string): void {
    this.roots.delete(root);
  }
}
