import { suggest } from '../../suggest';
import type { FileAccess, FileStat } from '../../types';

/** A path found in the revision, spelled as it is on disk (case may differ from the AppSpec on Windows). */
export interface Found {
  path: string;
  stat: FileStat;
}

/** " Did you mean X?" for a near path, saying so when only the letter case differs (Linux only: Windows matches any case). */
export function didYouMeanPath(near: string | undefined, written: string): string {
  if (!near) return '';
  if (near.toLowerCase() === written.toLowerCase()) return ` File names are case-sensitive on Linux: did you mean ${near}?`;
  return ` Did you mean ${near}?`;
}

/** How many bytes of a script the content checks read: enough for the #! line and a few hundred lines. */
export const SCRIPT_HEAD_BYTES = 4096;

/**
 * Looks paths up in the revision once per validation, however often the AppSpec names them.
 * Windows file systems match names without regard to case, so for a Windows AppSpec a path
 * that is not found as written is looked up again one folder at a time, ignoring case. For a
 * Linux AppSpec the opposite holds: a developer's macOS or Windows disk finds `Start.sh` for
 * `start.sh`, the instance will not, so every name found must match its folder listing exactly.
 */
export class RevisionLookup {
  private readonly found = new Map<string, Promise<Found | undefined>>();
  private readonly heads = new Map<string, Promise<string | undefined>>();
  private readonly listings = new Map<string, Promise<Set<string> | undefined>>();

  constructor(
    private readonly files: FileAccess,
    private readonly ignoreCase: boolean,
  ) {}

  /** The revision entry at `relative` (POSIX, root-relative), or undefined when there is none. */
  find(relative: string): Promise<Found | undefined> {
    let result = this.found.get(relative);
    if (!result) {
      result = this.lookUp(relative);
      this.found.set(relative, result);
    }
    return result;
  }

  /** The first bytes of a file, decoded; never the whole of a large file. */
  head(relative: string): Promise<string | undefined> {
    let result = this.heads.get(relative);
    if (!result) {
      result = this.files.readText(relative, SCRIPT_HEAD_BYTES).catch(() => undefined);
      this.heads.set(relative, result);
    }
    return result;
  }

  /** A file in the same folder whose name is close to the missing one (a typo, a case slip). */
  async nearName(relative: string): Promise<string | undefined> {
    const slash = relative.lastIndexOf('/');
    const folder = slash < 0 ? '.' : relative.slice(0, slash);
    const name = relative.slice(slash + 1);
    const parent = await this.find(folder);
    if (parent?.stat.kind !== 'directory') return undefined;
    const entries = (await this.files.list(parent.path).catch(() => undefined)) ?? [];
    const match = suggest(name, entries.map((entry) => entry.name));
    return match === undefined ? undefined : folder === '.' ? match : `${parent.path}/${match}`;
  }

  /** The same file name one folder down from the root (`start.sh` written, `scripts/start.sh` there). */
  async oneFolderDown(name: string): Promise<string | undefined> {
    const entries = (await this.files.list('.').catch(() => undefined)) ?? [];
    for (const entry of entries) {
      if (entry.kind !== 'directory') continue;
      const candidate = await this.find(`${entry.name}/${name}`);
      if (candidate?.stat.kind === 'file') return candidate.path;
    }
    return undefined;
  }

  private async lookUp(relative: string): Promise<Found | undefined> {
    const stat = await this.files.stat(relative).catch(() => undefined);
    if (stat && !this.ignoreCase) return (await this.spelledExactly(relative)) ? { path: relative, stat } : undefined;
    if (stat) return { path: relative, stat };
    if (!this.ignoreCase || relative === '.') return undefined;
    const slash = relative.lastIndexOf('/');
    const parent = await this.find(slash < 0 ? '.' : relative.slice(0, slash));
    if (parent?.stat.kind !== 'directory') return undefined;
    const name = relative.slice(slash + 1).toLowerCase();
    const entries = (await this.files.list(parent.path).catch(() => undefined)) ?? [];
    const entry = entries.find((candidate) => candidate.name.toLowerCase() === name);
    if (!entry) return undefined;
    const actual = parent.path === '.' ? entry.name : `${parent.path}/${entry.name}`;
    const actualStat = await this.files.stat(actual).catch(() => undefined);
    return actualStat ? { path: actual, stat: actualStat } : undefined;
  }

  /** True when every name of the path appears with exactly this spelling in its folder's listing. */
  private async spelledExactly(relative: string): Promise<boolean> {
    if (relative === '.') return true;
    const segments = relative.split('/');
    for (let index = 0; index < segments.length; index++) {
      const folder = index === 0 ? '.' : segments.slice(0, index).join('/');
      const names = await this.names(folder);
      // A folder that cannot be listed (a link leaving the root) has nothing to compare against.
      if (names && !names.has(segments[index])) return false;
    }
    return true;
  }

  private names(folder: string): Promise<Set<string> | undefined> {
    let result = this.listings.get(folder);
    if (!result) {
      result = this.files.list(folder).then((entries) => (entries ? new Set(entries.map((entry) => entry.name)) : undefined), () => undefined);
      this.listings.set(folder, result);
    }
    return result;
  }
}
