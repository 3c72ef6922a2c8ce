import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import type { FileAccess, FileStat } from '../appspec/types';

/** Turns an AppSpec path (`scripts/a.sh`, `/scripts/a.sh`, `\\scripts\\a.bat`, `./a.sh`) into a root-relative POSIX path. */
export function normaliseRevisionPath(written: string, windows: boolean): string {
  let value = written.trim();
  if (windows) value = value.replace(/\\/g, '/');
  return path.posix.normalize(value.replace(/^\/+/, '') || '.');
}

/**
 * FileAccess over the real file system, rooted at the revision folder. Paths that resolve outside
 * the root (through `..` or links) are reported as such, never read.
 */
export function nodeFileAccess(root: string): FileAccess {
  const absoluteRoot = path.resolve(root);
  let realRoot: Promise<string> | undefined;
  const rootReal = () => (realRoot ??= fs.realpath(absoluteRoot).catch(() => absoluteRoot));

  // Callers pass root-relative paths; a leading slash must never turn one into a path of this machine.
  function resolve(relative: string): string {
    return path.resolve(absoluteRoot, relative.replace(/^\/+/, '').split('/').join(path.sep));
  }

  async function isInside(target: string): Promise<boolean> {
    const base = await rootReal();
    const relative = path.relative(base, target);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  }

  return {
    async stat(relative: string): Promise<FileStat | undefined> {
      const target = resolve(relative);
      try {
        const stats = await fs.stat(target);
        const real = await fs.realpath(target);
        let executable = true;
        if (process.platform !== 'win32') {
          executable = await fs.access(target, constants.X_OK).then(() => true, () => false);
          executable = executable && (stats.mode & 0o100) !== 0;
        }
        return {
          kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other',
          executable,
          size: stats.size,
          outsideRoot: !(await isInside(real)),
        };
      } catch {
        return undefined;
      }
    },
    async readText(relative: string, maxBytes: number): Promise<string | undefined> {
      const target = resolve(relative);
      try {
        if (!(await isInside(await fs.realpath(target)))) return undefined;
        // Only regular files: opening a FIFO or a device would block or never end.
        if (!(await fs.stat(target)).isFile()) return undefined;
        const handle = await fs.open(target, 'r');
        try {
          const buffer = Buffer.alloc(maxBytes);
          const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
          return buffer.subarray(0, bytesRead).toString('utf8');
        } finally {
          await handle.close();
        }
      } catch {
        return undefined;
      }
    },
    async list(relative: string) {
      try {
        const target = resolve(relative);
        if (!(await isInside(await fs.realpath(target)))) return undefined;
        const entries = await fs.readdir(target, { withFileTypes: true });
        return entries.map((entry) => ({
          name: entry.name,
          kind: entry.isFile() ? ('file' as const) : entry.isDirectory() ? ('directory' as const) : ('other' as const),
        }));
      } catch {
        return undefined;
      }
    },
  };
}
