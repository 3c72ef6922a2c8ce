import * as posix from 'node:path/posix';
import type { AppSpecAnalysis } from '../analyze';
import type { Position, Range } from '../types';
import { scalarSource, stringValue } from '../yaml-nodes';

/** A `location:` or `source:` value pointing into the revision. */
export interface RevisionReference {
  range: Range;
  /** Revision-relative POSIX path ('.' for the root). */
  path: string;
  kind: 'script' | 'source';
  /** For scripts: the lifecycle event that runs it. */
  event?: string;
}

/** Turns an AppSpec path (`/scripts/a.sh`, `./a.sh`, `scripts\\a.bat` on Windows) into a revision-relative POSIX path. */
export function revisionPath(written: string, windows: boolean): string {
  let value = written.trim();
  if (windows) value = value.replace(/\\/g, '/');
  return posix.normalize(value.replace(/^\/+/, '') || '.');
}

/** Every script location and files source of an EC2 AppSpec, with its range. */
export function revisionReferences(analysis: AppSpecAnalysis): RevisionReference[] {
  const model = analysis.model;
  if (!model || model.platform !== 'ec2') return [];
  const windows = stringValue(model.top.get('os')?.value) === 'windows';
  const { positions } = analysis.parsed;
  const references: RevisionReference[] = [];
  const add = (node: RevisionReferenceNode, kind: RevisionReference['kind'], event?: string) => {
    const written = scalarSource(node) ?? stringValue(node);
    const span = node?.range;
    if (!written || written.trim() === '' || !span) return;
    const path = revisionPath(written, windows);
    if (path.startsWith('..')) return;
    references.push({ range: positions.trimmedRange(span[0], span[1]), path, kind, event });
  };
  for (const hook of model.hooks) for (const script of hook.scripts) add(script.location?.value, 'script', hook.name);
  for (const mapping of model.files) add(mapping.source?.value, 'source');
  return references;
}

type RevisionReferenceNode = Parameters<typeof scalarSource>[0];

/** The reference under the cursor, for go-to-definition. */
export function referenceAt(analysis: AppSpecAnalysis, position: Position): RevisionReference | undefined {
  return revisionReferences(analysis).find(({ range }) => contains(range, position));
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
