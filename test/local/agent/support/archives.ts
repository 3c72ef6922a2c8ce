import { createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import * as yazl from 'yazl';
import { removeTree } from '../../../../local/src/agent/parent-guard';

/** One entry of a test revision: text (mode 644), or text with a mode, a link, or an empty folder. */
export type TreeEntry = string | { content: string; mode: number } | { symlink: string } | { directory: true; mode?: number };

/** Writes a folder tree; names are POSIX paths relative to `root`. */
export async function writeTree(root: string, tree: Record<string, TreeEntry>): Promise<void> {
  for (const [name, entry] of Object.entries(tree)) {
    const target = path.join(root, ...name.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    if (typeof entry === 'string') await fs.writeFile(target, entry, { mode: 0o644 });
    else if ('content' in entry) {
      await fs.writeFile(target, entry.content);
      await fs.chmod(target, entry.mode);
    } else if ('symlink' in entry) await fs.symlink(entry.symlink, target);
    else {
      await fs.mkdir(target, { recursive: true });
      if (entry.mode !== undefined) await fs.chmod(target, entry.mode);
    }
  }
}

/** Every path below `root` (folders end in `/`), sorted, for comparing trees. */
export async function listTree(root: string): Promise<string[]> {
  const result: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        result.push(`${name}/`);
        await walk(name);
      } else result.push(name);
    }
  }
  await walk('');
  return result.sort();
}

/** Zips a folder as a unix zip tool does: modes kept, links stored as links, empty folders kept. */
export async function zipFolder(folder: string, zipPath: string, prefix = ''): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const name of await listTree(folder)) {
    const full = path.join(folder, ...name.split('/'));
    const stat = await fs.lstat(full);
    const metadataPath = `${prefix}${name}`;
    if (stat.isSymbolicLink()) zip.addBuffer(Buffer.from(await fs.readlink(full)), metadataPath, { mode: 0o120777 });
    else if (stat.isDirectory()) zip.addEmptyDirectory(metadataPath, { mode: stat.mode });
    else zip.addFile(full, metadataPath, { mode: stat.mode });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

/** Tars (optionally gzips) a folder's contents, as `tar -czf x.tgz -C folder .` does. */
export async function tarFolder(folder: string, tarPath: string, gzip: boolean): Promise<void> {
  const names = await fs.readdir(folder);
  await tar.c({ file: tarPath, cwd: folder, gzip, portable: true }, names.sort());
}

export interface RawEntry {
  name: string;
  /** File content; absent for links and folders. */
  content?: string;
  type?: 'File' | 'SymbolicLink' | 'Link' | 'Directory';
  linkpath?: string;
}

/**
 * A tar with entries exactly as given (hostile names included), built from tar's own header
 * encoder; tar.c would sanitise the very names these tests need.
 */
export async function rawTar(tarPath: string, entries: RawEntry[], gzip = false): Promise<void> {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.content ?? '');
    const type = entry.type ?? 'File';
    const header = new tar.Header({ path: entry.name, mode: type === 'Directory' ? 0o755 : 0o644, size: type === 'File' ? body.length : 0, type, linkpath: entry.linkpath, mtime: new Date(), uid: 0, gid: 0 });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block);
    if (type === 'File' && body.length > 0) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const archive = Buffer.concat(blocks);
  await fs.writeFile(tarPath, gzip ? gzipSync(archive) : archive);
}

/**
 * A zip with entries exactly as given. yazl refuses `..` and absolute names, so entries are
 * added under same-length stand-in names that are then replaced in the finished archive (names
 * are not covered by the CRC).
 */
export async function rawZip(zipPath: string, entries: Array<{ name: string; content?: string; symlink?: string }>): Promise<void> {
  const zip = new yazl.ZipFile();
  const standIns = entries.map((entry, index) => {
    const standIn = `${String.fromCharCode(65 + index)}`.repeat(entry.name.length);
    if (entry.symlink !== undefined) zip.addBuffer(Buffer.from(entry.symlink), standIn, { mode: 0o120777, compress: false });
    else zip.addBuffer(Buffer.from(entry.content ?? ''), standIn, { mode: 0o100644, compress: false });
    return standIn;
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let archive: Buffer = Buffer.concat(chunks);
  entries.forEach((entry, index) => {
    archive = replaceAll(archive, Buffer.from(standIns[index] ?? ''), Buffer.from(entry.name));
  });
  await fs.writeFile(zipPath, archive);
}

function replaceAll(buffer: Buffer, search: Buffer, replacement: Buffer): Buffer {
  let at = buffer.indexOf(search);
  while (at >= 0) {
    replacement.copy(buffer, at);
    at = buffer.indexOf(search, at + search.length);
  }
  return buffer;
}

/** A temp folder per test, removed by the returned cleanup (folders made read-only by a test included). */
export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'cd-agent-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await removeTree(dir);
}
