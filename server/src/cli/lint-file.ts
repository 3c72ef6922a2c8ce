import { promises as fs } from 'node:fs';
import { formatFromPath, validateAppSpec } from '../appspec';
import type { AppSpecDiagnostic, Platform } from '../appspec/types';
import { nodeFileAccess } from '../fs/node-file-access';
import { decodeAppSpec, MAX_APPSPEC_BYTES, tooLarge } from './decode-appspec';
import type { AppSpecTarget } from './find-appspec';
import { TargetError } from './find-appspec';

export interface LintSettings {
  revisionChecks: boolean;
  platform?: Platform;
}

/** Reads one AppSpec as bytes and validates it, with the revision checks rooted at its folder. */
export async function lintFile(target: AppSpecTarget, shownAs: string, settings: LintSettings): Promise<AppSpecDiagnostic[]> {
  const read = await readBytes(target.file, shownAs);
  if ('tooLarge' in read) return [tooLarge(read.tooLarge)];
  const decoded = decodeAppSpec(read.bytes);
  if ('diagnostic' in decoded) return [decoded.diagnostic];
  const analysis = await validateAppSpec(decoded.text, {
    format: formatFromPath(target.file),
    platform: settings.platform,
    files: settings.revisionChecks ? nodeFileAccess(target.root) : undefined,
  });
  return [...analysis.diagnostics].sort(byPosition);
}

/** The file's bytes, never more than the engine could check: a 10 GB file is not read. */
async function readBytes(file: string, shownAs: string): Promise<{ bytes: Uint8Array } | { tooLarge: number }> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw new TargetError(`${shownAs}: not a regular file`);
    if (stat.size > MAX_APPSPEC_BYTES) return { tooLarge: stat.size };
    return { bytes: await handle.readFile() };
  } catch (error) {
    if (error instanceof TargetError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new TargetError(`${shownAs}: cannot be read (${reason})`);
  } finally {
    await handle?.close();
  }
}

function byPosition(a: AppSpecDiagnostic, b: AppSpecDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
