import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileAccess } from '../appspec/types';
import { nodeFileAccess } from '../fs/node-file-access';
import type { RevisionFileCache } from './revision-file-cache';

/** The AppSpec's file-system path for `file:` URIs; other schemes (untitled:, git:, vscode-vfs:) have none. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The revision root (the folder holding the AppSpec) of a `file:` document. */
export function revisionRootOf(uri: string): string | undefined {
  const file = filePathOf(uri);
  return file ? path.dirname(file) : undefined;
}

/** Thrown into a running validation when a newer edit made its result useless. */
export class ValidationCancelled extends Error {
  constructor() {
    super('validation cancelled by a newer edit');
  }
}

/**
 * FileAccess for the revision of a `file:` AppSpec, or undefined for any other scheme (the engine
 * then skips revision checks). `isStale` makes each file call stop early once the edit is outdated.
 */
export function revisionFilesFor(uri: string, isStale: () => boolean = () => false, cache?: RevisionFileCache): FileAccess | undefined {
  const root = revisionRootOf(uri);
  if (!root) return undefined;
  const files = cache ? cache.access(root) : nodeFileAccess(root);
  const guard = <T>(call: () => Promise<T>): Promise<T> => {
    if (isStale()) return Promise.reject(new ValidationCancelled());
    return call();
  };
  return {
    stat: (relative) => guard(() => files.stat(relative)),
    readText: (relative, maxBytes) => guard(() => files.readText(relative, maxBytes)),
    list: (relative) => guard(() => files.list(relative)),
  };
}
