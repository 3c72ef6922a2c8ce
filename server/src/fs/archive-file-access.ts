import type { FileAccess, FileStat } from '../appspec/types';

/** One entry of a bundle (zip or tar) as its reader lists it. */
export interface ArchiveEntry {
  /** Path inside the archive, `/`-separated; a leading `./` or `/` and a trailing `/` are ignored. */
  path: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
  /** Unix mode bits as stored; 0 when the archive stores none (zips made on Windows). */
  mode: number;
  size?: number;
  /** The first bytes of a file, for the content checks (#! line, CRLF); absent when not extracted. */
  firstBytes?: Uint8Array;
  /** A symlink's target as stored in the archive. */
  target?: string;
}

export interface ArchiveFileAccessOptions {
  /** The revision root inside the archive (the folder holding the AppSpec), `/`-separated; default the archive root. */
  root?: string;
}

/** Links are followed at most this many times, like the kernel's ELOOP limit, so a loop ends. */
const MAX_LINK_HOPS = 16;

type Resolution = { entry: Node; path: string[] } | { outside: true } | undefined;

interface Node {
  kind: ArchiveEntry['kind'];
  mode: number;
  size: number;
  firstBytes?: Uint8Array;
  target?: string;
  children: Map<string, Node>;
}

/**
 * FileAccess over a bundle's entry list, for the bundle preflight and the local agent: the same
 * revision checks as on disk, without extracting anything. Folders that the archive implies but
 * does not list (most zips) exist; entries that climb out with `..` are left out (zip slip); links
 * are followed inside the archive and reported as outside the root when they leave it.
 */
export function archiveFileAccess(entries: readonly ArchiveEntry[], options: ArchiveFileAccessOptions = {}): FileAccess {
  const top = folder();
  for (const entry of entries) {
    const segments = normalise(entry.path);
    if (!segments || segments.length === 0) continue;
    let parent = top;
    for (const name of segments.slice(0, -1)) parent = child(parent, name);
    const last = segments[segments.length - 1];
    const node = parent.children.get(last) ?? folder();
    node.kind = entry.kind;
    node.mode = entry.mode;
    node.size = entry.size ?? entry.firstBytes?.length ?? 0;
    node.firstBytes = entry.firstBytes;
    node.target = entry.target;
    parent.children.set(last, node);
  }
  const rootSegments = normalise(options.root ?? '') ?? [];

  function resolve(relative: string): Resolution {
    const segments = normalise(relative, rootSegments);
    if (!segments) return { outside: true };
    return walk(top, segments, rootSegments);
  }

  return {
    async stat(relative: string): Promise<FileStat | undefined> {
      const found = resolve(relative);
      if (!found) return undefined;
      if ('outside' in found) return { kind: 'other', executable: false, size: 0, outsideRoot: true };
      const { entry } = found;
      const kind = entry.kind === 'symlink' ? 'other' : entry.kind;
      return { kind, executable: entry.mode === 0 || (entry.mode & 0o100) !== 0, size: entry.size, outsideRoot: false };
    },
    async readText(relative: string, maxBytes: number): Promise<string | undefined> {
      const found = resolve(relative);
      if (!found || 'outside' in found || found.entry.kind !== 'file' || !found.entry.firstBytes) return undefined;
      return new TextDecoder('utf-8').decode(found.entry.firstBytes.subarray(0, maxBytes));
    },
    async list(relative: string) {
      const found = resolve(relative);
      if (!found || 'outside' in found || found.entry.kind !== 'directory') return undefined;
      return [...found.entry.children].map(([name, node]) => ({ name, kind: node.kind === 'symlink' ? ('other' as const) : node.kind }));
    },
  };
}

function folder(): Node {
  return { kind: 'directory', mode: 0o755, size: 0, children: new Map() };
}

function child(parent: Node, name: string): Node {
  let node = parent.children.get(name);
  if (!node) {
    node = folder();
    parent.children.set(name, node);
  }
  return node;
}

/** Segments of a path below `base`, or undefined when `..` climbs above the archive root. */
function normalise(path: string, base: readonly string[] = []): string[] | undefined {
  const segments = [...base];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments;
}

/**
 * Walks absolute archive segments from the top, following links. A link's target is read
 * relative to the link's folder (or the archive root when it starts with `/`, which on the
 * instance means the machine's root: outside). Leaving the revision root means outside.
 */
function walk(top: Node, segments: string[], rootSegments: readonly string[]): Resolution {
  let pending = [...segments];
  let hops = 0;
  for (;;) {
    if (!isBelow(pending, rootSegments)) return { outside: true };
    let node = top;
    let redirected = false;
    for (let index = 0; index < pending.length; index++) {
      const next = node.children.get(pending[index]);
      if (!next || node.kind !== 'directory') return undefined;
      if (next.kind === 'symlink') {
        if (++hops > MAX_LINK_HOPS || next.target === undefined || next.target.startsWith('/')) return { outside: true };
        const target = normalise(next.target, pending.slice(0, index));
        if (!target) return { outside: true };
        pending = [...target, ...pending.slice(index + 1)];
        redirected = true;
        break;
      }
      node = next;
    }
    if (!redirected) return { entry: node, path: pending };
  }
}

function isBelow(segments: readonly string[], root: readonly string[]): boolean {
  return root.length <= segments.length && root.every((name, index) => segments[index] === name);
}
