import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { removeTree } from './parent-guard';
import { extractTar } from './read-tar';
import { extractZip } from './read-zip';
import { SafeTreeWriter } from './safe-tree-writer';
import type { BundleType } from './types';

/**
 * Unpacks a revision archive into `archiveDir` (replaced if present) as the agent's DownloadBundle
 * does. A hostile entry rejects the whole bundle and leaves no partial revision behind.
 */
export async function unpackBundle(bundlePath: string, bundleType: BundleType, archiveDir: string): Promise<void> {
  const staging = `${archiveDir}.unpacking`;
  await removeTree(staging);
  await removeTree(archiveDir);
  const writer = new SafeTreeWriter(staging);
  try {
    await writer.open();
    if (bundleType === 'zip') await extractZip(bundlePath, writer);
    else await extractTar(bundlePath, writer);
    await writer.close();
    await fs.rename(await revisionRoot(staging), archiveDir);
  } finally {
    await removeTree(staging);
  }
}

/**
 * E-LOC-1: when the archive's root holds exactly one folder and that folder has an entry whose
 * name contains "appspec" (any case), that folder is the revision (zips made with "compress
 * folder" keep their top folder).
 */
export async function revisionRoot(unpacked: string): Promise<string> {
  const top = await fs.readdir(unpacked, { withFileTypes: true });
  const only = top.length === 1 ? top[0] : undefined;
  if (!only?.isDirectory()) return unpacked;
  const inner = path.join(unpacked, only.name);
  const names = await fs.readdir(inner);
  return names.some((name) => /appspec/i.test(name)) ? inner : unpacked;
}
