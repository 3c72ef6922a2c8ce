import { rubyScalarText } from '../../agent-values';
import { isTemplated } from '../../placeholders';
import { isScalar, type AnyNode } from '../../yaml-nodes';

/**
 * How a path written in the AppSpec (`location`, `source`) maps onto the revision. The agent
 * trims the value and joins it to the revision root whatever it starts with (E-HS-1, E-FI-1), so
 * `/scripts/a.sh` means `scripts/a.sh` inside the bundle. Windows agents also accept `\` and
 * `.\`; on Linux a backslash is an ordinary file-name character.
 */
export type RevisionPath =
  /** Stays inside the root. `relative` is POSIX and normalised, `.` for the root itself. */
  | { kind: 'inside'; relative: string; segments: string[]; rooted: boolean }
  /** `..` climbs above the root. */
  | { kind: 'escapes'; written: string }
  /** A Windows drive or UNC path (`C:\app\start.ps1`, `\\server\share`): never inside a revision. */
  | { kind: 'drive'; written: string };

/** Reads a written path the way the agent of `os` joins it to the revision root. */
export function parseRevisionPath(written: string, windows: boolean): RevisionPath {
  const value = written.trim();
  if (windows && (/^[A-Za-z]:/.test(value) || value.startsWith('\\\\'))) return { kind: 'drive', written: value };
  const slashed = windows ? value.replace(/\\/g, '/') : value;
  const rooted = slashed.startsWith('/');
  const segments: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'escapes', written: value };
      segments.pop();
    } else segments.push(segment);
  }
  return { kind: 'inside', relative: segments.length ? segments.join('/') : '.', segments, rooted };
}

/** True when a Linux AppSpec path holds a backslash, which Linux keeps as part of the file name. */
export function hasBackslash(written: string): boolean {
  return written.includes('\\');
}

/** The path the author most likely meant when they wrote Windows separators in a Linux AppSpec. */
export function withForwardSlashes(written: string): string {
  return written.trim().replace(/\\/g, '/');
}

/**
 * The written value of a `location` / `source` scalar as the agent reads it (Ruby's to_s), or
 * undefined when it is blank, not a scalar, or a template placeholder a pipeline fills in later.
 */
export function writtenPath(node: AnyNode | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value.trim() === '' || isTemplated(value) ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return rubyScalarText(node);
  return undefined;
}
