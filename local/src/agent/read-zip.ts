import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { BundleRejectedError, type SafeTreeWriter } from './safe-tree-writer';

const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;
const DIRECTORY_TYPE = 0o040000;
/** A link target longer than a path can be is not a link target. */
const MAX_LINK_TARGET_BYTES = 4096;

/** Streams a zip's entries into the writer, one at a time, keeping unix modes and symbolic links. */
export async function extractZip(bundlePath: string, writer: SafeTreeWriter): Promise<void> {
  const zip = await openZip(bundlePath);
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) return;
      await writeEntry(zip, entry, writer);
    }
  } finally {
    zip.close();
  }
}

async function writeEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, writer: SafeTreeWriter): Promise<void> {
  const unix = entry.versionMadeBy >> 8 === UNIX_HOST;
  const attributes = unix ? (entry.externalFileAttributes >>> 16) & 0xffff : 0;
  const type = attributes & FILE_TYPE_MASK;
  const mode = unix ? attributes & 0o7777 : undefined;
  if (type === SYMLINK_TYPE) {
    const target = await readAll(await openEntry(zip, entry), MAX_LINK_TARGET_BYTES);
    await writer.symlink(entry.fileName, target.toString('utf8'));
  } else if (type === DIRECTORY_TYPE || entry.fileName.endsWith('/')) {
    await writer.directory(entry.fileName, mode);
  } else {
    await writer.file(entry.fileName, await openEntry(zip, entry), mode, entry.getLastModDate());
  }
}

function openZip(bundlePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // Zips made on Windows may separate folders with backslashes; yauzl turns them into slashes.
    yauzl.open(bundlePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(asRejection(error));
      else resolve(zip);
    });
  });
}

/** The next entry, or undefined at the end of the central directory. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (error: Error) => (cleanup(), reject(asRejection(error)));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(asRejection(error));
      else resolve(stream);
    });
  });
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BundleRejectedError(`The bundle has a symbolic link entry with a target of more than ${limit} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** yauzl's own refusals (absolute or `..` names, bad sizes, not a zip) are the bundle's fault, not the agent's. */
function asRejection(error: Error | null | undefined): Error {
  if (error instanceof BundleRejectedError) return error;
  return new BundleRejectedError(`The bundle is not a zip archive the agent can read: ${error?.message ?? 'unknown error'}`);
}
