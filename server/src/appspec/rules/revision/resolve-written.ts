import type { Ec2Model } from '../../model';
import { stringValue } from '../../yaml-nodes';
import type { Found, RevisionLookup } from './revision-lookup';
import { hasBackslash, parseRevisionPath, withForwardSlashes } from './revision-path';

/** Where a written `location` / `source` leads, as far as the revision's files can tell. */
export type Resolved =
  | { kind: 'drive' }
  | { kind: 'escapes' }
  | { kind: 'root' }
  | { kind: 'missing'; relative: string; segments: string[]; rooted: boolean }
  | { kind: 'outside'; found: Found }
  | { kind: 'found'; found: Found };

export interface ResolvedPath {
  resolved: Resolved;
  /** A Linux AppSpec path with backslashes that does not exist as written; `resolved` is then for the `/` form. */
  backslash: boolean;
}

/** True when the AppSpec declares `os: windows`; anything else is read as Linux. */
export function isWindowsAppSpec(model: Ec2Model): boolean {
  return stringValue(model.top.get('os')?.value) === 'windows';
}

/**
 * Resolves a written path against the revision the way the agent of that `os` would. A Linux
 * path with backslashes is first looked up as written (a file name may hold a `\`); when that
 * fails, the rest of the checks use the `/` form the author meant, so one slip gives one
 * backslash-path finding plus whatever is true of the intended file.
 */
export async function resolveWritten(written: string, windows: boolean, lookup: RevisionLookup): Promise<ResolvedPath> {
  if (!windows && hasBackslash(written)) {
    const literal = await resolve(written, false, lookup);
    if (literal.kind !== 'missing') return { resolved: literal, backslash: false };
    return { resolved: await resolve(withForwardSlashes(written), false, lookup), backslash: true };
  }
  return { resolved: await resolve(written, windows, lookup), backslash: false };
}

async function resolve(written: string, windows: boolean, lookup: RevisionLookup): Promise<Resolved> {
  const path = parseRevisionPath(written, windows);
  if (path.kind !== 'inside') return { kind: path.kind };
  if (path.relative === '.') return { kind: 'root' };
  const found = await lookup.find(path.relative);
  if (!found) return { kind: 'missing', relative: path.relative, segments: path.segments, rooted: path.rooted };
  return { kind: found.stat.outsideRoot ? 'outside' : 'found', found };
}
