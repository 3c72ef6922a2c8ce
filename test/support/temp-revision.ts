import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One entry of a test revision: file text, a file with a mode, a folder, or a symbolic link. */
export type RevisionEntry = string | Buffer | { content: string | Buffer; mode: number } | { folder: true } | { link: string };

/** A real folder on disk that holds a test revision; `dispose` removes it. */
export interface TempRevision {
  root: string;
  /** Absolute path of an entry, for links and checks. */
  at(relative: string): string;
  dispose(): void;
}

/**
 * Writes a revision into a fresh temp folder. Files are written with mode 755 unless given
 * (most tests want runnable scripts); `{ link }` targets are written as given, so a test can
 * point a link outside the tree with an absolute or `..` target.
 */
export function tempRevision(entries: Record<string, RevisionEntry>, prefix = 'appspec-revision-'): TempRevision {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const at = (relative: string) => path.join(root, ...relative.split('/'));
  for (const [relative, entry] of Object.entries(entries)) {
    const target = at(relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) write(target, entry, 0o755);
    else if ('folder' in entry) fs.mkdirSync(target, { recursive: true });
    else if ('link' in entry) fs.symlinkSync(entry.link, target);
    else write(target, entry.content, entry.mode);
  }
  return { root, at, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

function write(target: string, content: string | Buffer, mode: number): void {
  fs.writeFileSync(target, content);
  fs.chmodSync(target, mode); // the umask must not decide what a test checks
}

/** Collects temp revisions made during one test and removes them afterwards (call in afterEach). */
export class TempRevisions {
  private readonly made: TempRevision[] = [];

  make(entries: Record<string, RevisionEntry>, prefix?: string): TempRevision {
    const revision = tempRevision(entries, prefix);
    this.made.push(revision);
    return revision;
  }

  disposeAll(): void {
    for (const revision of this.made.splice(0)) revision.dispose();
  }
}
