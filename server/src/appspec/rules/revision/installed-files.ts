import type { Ec2Model, FileMapping } from '../../model';
import { stringValue } from '../../yaml-nodes';
import type { RevisionLookup } from './revision-lookup';
import { parseRevisionPath, writtenPath } from './revision-path';

/** A `files` mapping as the Install carries it out: what it copies (a file, or a folder's contents) and where. */
export interface Copy {
  mapping: FileMapping;
  /** Revision-relative POSIX path of the source, `.` for the whole revision. */
  source: string;
  kind: 'file' | 'directory';
  /** The instance folder it copies into, normalised (`/` or `/a/b`). */
  destination: string;
}

/** What the Install puts at one instance path, and which mapping puts it there. */
export interface Installed {
  copy: Copy;
  kind: 'file' | 'directory';
  /** The revision entry copied there (for a folder the Install creates as a destination: the copy's source). */
  source: string;
}

/**
 * What a deployment's `files` section installs, worked out from the revision (E-FI-2/3: a file
 * goes into the destination folder, a folder's contents below it). Paths are asked about one at a
 * time through their ancestor folders, never enumerated: in the editor the AppSpec's folder is often
 * a whole repository, and a long AppSpec has thousands of mappings.
 */
export class InstalledFiles {
  private constructor(
    /** Mappings whose source is in the revision, in AppSpec order. */
    readonly copies: readonly Copy[],
    private readonly byDestination: ReadonlyMap<string, Copy[]>,
    private readonly lookup: RevisionLookup,
  ) {}

  private static readonly perValidation = new WeakMap<RevisionLookup, Promise<InstalledFiles>>();

  /** Worked out once per validation (its lookup) for every rule that asks. */
  static of(model: Ec2Model, lookup: RevisionLookup): Promise<InstalledFiles> {
    let installed = InstalledFiles.perValidation.get(lookup);
    if (!installed) InstalledFiles.perValidation.set(lookup, (installed = InstalledFiles.workOut(model, lookup)));
    return installed;
  }

  /** Missing or escaping sources are other rules' findings and install nothing here. */
  private static async workOut(model: Ec2Model, lookup: RevisionLookup): Promise<InstalledFiles> {
    const resolved = await Promise.all(model.files.map((mapping) => copyOf(mapping, lookup)));
    const copies = resolved.filter((copy): copy is Copy => copy !== undefined);
    const byDestination = new Map<string, Copy[]>();
    for (const copy of copies) {
      const list = byDestination.get(copy.destination);
      if (list) list.push(copy);
      else byDestination.set(copy.destination, [copy]);
    }
    return new InstalledFiles(copies, byDestination, lookup);
  }

  /** Where a file copy puts its file. */
  static targetOf(copy: Copy): string {
    const name = copy.source.split('/').pop() ?? copy.source;
    return copy.destination === '/' ? `/${name}` : `${copy.destination}/${name}`;
  }

  /** Everything the mappings (other than `skip`) install at `path`, in AppSpec order. */
  async at(path: string, skip?: Copy): Promise<Installed[]> {
    const found: Installed[] = [];
    for (const copy of this.byDestination.get(path) ?? []) {
      if (copy !== skip) found.push({ copy, kind: 'directory', source: copy.source });
    }
    for (let folder = parentOf(path); folder !== undefined; folder = parentOf(folder)) {
      const below = path.slice(folder === '/' ? 1 : folder.length + 1);
      for (const copy of this.byDestination.get(folder) ?? []) {
        if (copy === skip) continue;
        if (copy.kind === 'file') {
          if (below === copy.source.split('/').pop()) found.push({ copy, kind: 'file', source: copy.source });
          continue;
        }
        const entry = await this.lookup.find(copy.source === '.' ? below : `${copy.source}/${below}`);
        if (entry && !entry.stat.outsideRoot && entry.stat.kind !== 'other') found.push({ copy, kind: entry.stat.kind, source: entry.path });
      }
    }
    return found.length < 2 ? found : found.sort((a, b) => this.copies.indexOf(a.copy) - this.copies.indexOf(b.copy));
  }
}

async function copyOf(mapping: FileMapping, lookup: RevisionLookup): Promise<Copy | undefined> {
  const written = writtenPath(mapping.source?.value);
  const destination = instancePath(stringValue(mapping.destination?.value));
  if (written === undefined || destination === undefined) return undefined;
  const path = parseRevisionPath(written, false);
  if (path.kind !== 'inside') return undefined;
  if (path.relative === '.') return { mapping, source: '.', kind: 'directory', destination };
  const found = await lookup.find(path.relative);
  return found && !found.stat.outsideRoot && found.stat.kind !== 'other' ? { mapping, source: found.path, kind: found.stat.kind, destination } : undefined;
}

/** An absolute instance path with repeated and trailing slashes removed; undefined for anything else. */
export function instancePath(written: string | undefined): string | undefined {
  const value = written?.trim();
  if (!value?.startsWith('/')) return undefined;
  const collapsed = value.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** `/a/b` → `/a` → `/` → undefined. */
function parentOf(path: string): string | undefined {
  if (path === '/') return undefined;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}
