import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** A bundle the agent refuses to unpack: an entry would land (or point) outside the revision folder. */
export class BundleRejectedError extends Error {
  override readonly name = 'BundleRejectedError';
}

const DEFAULT_FILE_MODE = 0o644;
const DEFAULT_DIRECTORY_MODE = 0o755;

/**
 * Checks an archive entry name and returns its segments below the root. Names are refused, not
 * repaired: `../x`, `/etc/x`, `C:\x` and `a/../../x` mean a hostile or broken bundle, and
 * silently dropping the `..` would install files the author never placed there.
 */
export function entrySegments(name: string): string[] {
  const unified = name.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) throw new BundleRejectedError(`The bundle has an entry with an absolute path: ${name}`);
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw new BundleRejectedError(`The bundle has an entry that leaves the revision folder: ${name}`);
  return segments;
}

/**
 * Writes archive entries under one root folder and nowhere else. Every write goes through
 * folders this writer checked are real directories (never a link), existing links are replaced
 * rather than followed, and link targets must resolve inside the root.
 */
export class SafeTreeWriter {
  /** Directory modes are applied last, deepest first: a read-only folder must not block its own children. */
  private readonly directoryModes = new Map<string, number>();
  /** Folders already checked to be real directories; a folder is never replaced, so they stay so. */
  private readonly knownDirectories = new Set<string>();

  constructor(private readonly root: string) {}

  /** Creates the root; call once before any entry. */
  async open(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
  }

  async directory(name: string, mode: number | undefined): Promise<void> {
    const segments = entrySegments(name);
    if (segments.length === 0) return;
    const target = await this.prepareParent(segments);
    const existing = await lstatOrUndefined(target);
    if (existing && !existing.isDirectory()) throw new BundleRejectedError(`The bundle has a folder entry over a file or link: ${name}`);
    if (!existing) await fs.mkdir(target);
    this.directoryModes.set(target, normaliseMode(mode, DEFAULT_DIRECTORY_MODE));
  }

  async file(name: string, content: AsyncIterable<Buffer>, mode: number | undefined, modified: Date | undefined): Promise<void> {
    const segments = entrySegments(name);
    if (segments.length === 0) throw new BundleRejectedError(`The bundle has a file entry without a name: ${name}`);
    const target = await this.prepareParent(segments);
    await this.clearForFile(target, name);
    await pipeline(content, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    await fs.chmod(target, normaliseMode(mode, DEFAULT_FILE_MODE));
    if (modified && !Number.isNaN(modified.getTime())) await fs.utimes(target, modified, modified);
  }

  async symlink(name: string, linkTarget: string): Promise<void> {
    const segments = entrySegments(name);
    if (segments.length === 0) throw new BundleRejectedError(`The bundle has a link entry without a name: ${name}`);
    if (linkTarget === '' || path.posix.isAbsolute(linkTarget) || /^[a-zA-Z]:/.test(linkTarget)) {
      throw new BundleRejectedError(`The bundle has a symbolic link to an absolute path: ${name} -> ${linkTarget}`);
    }
    const resolved = path.posix.normalize(path.posix.join(...segments.slice(0, -1), linkTarget));
    if (resolved === '..' || resolved.startsWith('../')) throw new BundleRejectedError(`The bundle has a symbolic link that points outside the revision: ${name} -> ${linkTarget}`);
    const target = await this.prepareParent(segments);
    await this.clearForFile(target, name);
    await fs.symlink(linkTarget, target);
  }

  /** A tar hard link: a copy of an entry already written (links inside one archive only). */
  async hardlink(name: string, existingName: string): Promise<void> {
    const source = path.join(this.root, ...entrySegments(existingName));
    const stat = await lstatOrUndefined(source);
    if (!stat?.isFile()) throw new BundleRejectedError(`The bundle has a hard link to something that is not a file in it: ${name} -> ${existingName}`);
    const segments = entrySegments(name);
    const target = await this.prepareParent(segments);
    await this.clearForFile(target, name);
    await fs.copyFile(source, target);
    await fs.chmod(target, stat.mode & 0o777);
  }

  /** Applies the recorded folder modes. */
  async close(): Promise<void> {
    const deepestFirst = [...this.directoryModes.entries()].sort((a, b) => b[0].length - a[0].length);
    for (const [directory, mode] of deepestFirst) await fs.chmod(directory, mode);
  }

  /** Creates the entry's parent folders one by one, refusing any that is a link or a file. */
  private async prepareParent(segments: string[]): Promise<string> {
    let current = this.root;
    for (const segment of segments.slice(0, -1)) {
      current = path.join(current, segment);
      if (this.knownDirectories.has(current)) continue;
      const stat = await lstatOrUndefined(current);
      if (!stat) await fs.mkdir(current);
      else if (!stat.isDirectory()) throw new BundleRejectedError(`The bundle has an entry below a file or symbolic link: ${segments.join('/')}`);
      this.knownDirectories.add(current);
    }
    return path.join(current, segments[segments.length - 1] ?? '');
  }

  /** A later entry of the same name replaces an earlier file or link; a folder cannot be replaced. */
  private async clearForFile(target: string, name: string): Promise<void> {
    const existing = await lstatOrUndefined(target);
    if (!existing) return;
    if (existing.isDirectory()) throw new BundleRejectedError(`The bundle has a file entry over a folder: ${name}`);
    await fs.unlink(target);
  }
}

/** Unix permission bits of an entry; archives made on Windows carry none, and set-id bits are not kept. */
function normaliseMode(mode: number | undefined, fallback: number): number {
  const bits = (mode ?? 0) & 0o777;
  return bits === 0 ? fallback : bits;
}

/** lstat, or undefined when nothing is there. */
export async function lstatOrUndefined(target: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
