import { createReadStream } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';
import { BundleRejectedError, type SafeTreeWriter } from './safe-tree-writer';

/**
 * Streams a tar or gzipped tar into the writer. The parser detects gzip itself, as the agent's
 * tar reader does; entries are written strictly in archive order, each consumed before the next.
 */
export async function extractTar(bundlePath: string, writer: SafeTreeWriter): Promise<void> {
  let failure: unknown;
  let queue: Promise<void> = Promise.resolve();
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      queue = queue.then(async () => {
        if (failure !== undefined) return void entry.resume();
        try {
          await writeEntry(entry, writer);
        } catch (error) {
          failure = error;
          entry.resume();
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(bundlePath);
    input.on('error', reject);
    parser.on('error', (error: Error) => reject(new BundleRejectedError(`The bundle is not a tar archive the agent can read: ${error.message}`)));
    parser.on('end', () => resolve());
    input.pipe(parser);
  });
  await queue;
  if (failure !== undefined) throw failure;
}

async function writeEntry(entry: ReadEntry, writer: SafeTreeWriter): Promise<void> {
  const mode = entry.mode;
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return writer.file(entry.path, entry, mode, entry.mtime);
    case 'Directory':
    case 'GNUDumpDir':
      entry.resume();
      return writer.directory(entry.path, mode);
    case 'SymbolicLink':
      entry.resume();
      return writer.symlink(entry.path, entry.linkpath ?? '');
    case 'Link':
      entry.resume();
      return writer.hardlink(entry.path, entry.linkpath ?? '');
    default:
      // Devices, FIFOs and metadata records have no place in a revision; the agent would not install them either.
      entry.resume();
  }
}
