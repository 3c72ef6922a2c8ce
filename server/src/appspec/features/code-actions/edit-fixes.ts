import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { editFix, fixData, textAt, type QuickFixContext } from './quick-fix';

/** "Did you mean": replaces the diagnostic's range with the engine's suggestion (hooks, keys, enum values). */
export function replaceWithSuggestion(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  const replacement = fixData(diagnostic).replacement;
  if (typeof replacement !== 'string') return [];
  const current = textAt(context, diagnostic.range);
  const title = current === '' ? `Insert ${replacement.trim()}` : `Change to ${replacement}`;
  return [editFix(title, diagnostic, context, [{ range: diagnostic.range, newText: replacement }])];
}

/** `version: "0.0"` → `version: 0.0`. */
export function unquoteVersion(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  return [editFix('Write version as the number 0.0', diagnostic, context, [{ range: diagnostic.range, newText: '0.0' }])];
}

/** `version: 1.0` → `version: 0.0`. */
export function fixVersion(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  return [editFix('Change version to 0.0', diagnostic, context, [{ range: diagnostic.range, newText: '0.0' }])];
}

/** Adds `version: 0.0` as the first line. */
export function addVersion(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  const start = { line: firstContentLine(context), character: 0 };
  return [editFix('Add version: 0.0', diagnostic, context, [{ range: { start, end: start }, newText: 'version: 0.0\n' }])];
}

/** Adds `os: linux` (or windows) right after `version`, or first when there is none. */
export function addOs(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  const model = context.analysis.model;
  const version = model?.platform === 'ec2' ? model.top.get('version') : undefined;
  const { positions } = context.analysis.parsed;
  const line = version ? positions.position(version.key.range?.[0] ?? 0).line + 1 : firstContentLine(context);
  const at = { line, character: 0 };
  const needsBreak = line >= positions.lineCount;
  return ['linux', 'windows'].map((os, index) =>
    editFix(`Add os: ${os}`, diagnostic, context, [{ range: { start: at, end: at }, newText: `${needsBreak ? '\n' : ''}os: ${os}\n` }], index === 0),
  );
}

/** `location: /scripts/a.sh` → `location: scripts/a.sh`: the agent reads it relative to the revision anyway. */
export function makeLocationRelative(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  const written = textAt(context, diagnostic.range);
  const quote = /^["']/.exec(written)?.[0] ?? '';
  const inner = quote ? written.slice(1, -1) : written;
  const relative = inner.replace(/^[/\\]+/, '');
  if (relative === inner || relative === '') return [];
  return [editFix(`Make the location relative: ${relative}`, diagnostic, context, [{ range: diagnostic.range, newText: `${quote}${relative}${quote}` }])];
}

/** `mode: 0644` → `mode: "0644"`, so YAML does not read it as octal. */
export function quoteMode(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  const written = textAt(context, diagnostic.range).trim();
  const suggested = fixData(diagnostic).replacement;
  const quoted = typeof suggested === 'string' ? suggested : /^[0-7]+$/.test(written) ? `"${written}"` : undefined;
  if (!quoted) return [];
  return [editFix(`Quote the mode: ${quoted}`, diagnostic, context, [{ range: diagnostic.range, newText: quoted }])];
}

/** The first line that is not a BOM-only, comment or directive line, so inserted keys land in the document body. */
function firstContentLine(context: QuickFixContext): number {
  const root = context.analysis.model?.root.range?.[0];
  if (root !== undefined) return context.analysis.parsed.positions.position(root).line;
  return 0;
}

/** A lifecycle event at the top level, indented under `hooks:` (EC2) or made an item of `Hooks:` (ECS/Lambda). */
export function moveUnderHooks(diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] {
  const { hooksKey, firstPrefix, restPrefix, lastLine } = fixData(diagnostic);
  if (typeof hooksKey !== 'string' || typeof firstPrefix !== 'string' || typeof restPrefix !== 'string' || typeof lastLine !== 'number') return [];
  const lines = context.analysis.parsed.text.split(/\r?\n|\r/);
  const first = diagnostic.range.start.line;
  const edits = [];
  for (let line = first; line <= lastLine && line < lines.length; line++) {
    // Blank lines stay blank rather than gaining trailing spaces.
    if (line !== first && lines[line].trim() === '') continue;
    edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: line === first ? firstPrefix : restPrefix });
  }
  return [editFix(`Move ${textAt(context, diagnostic.range)} under ${hooksKey}:`, diagnostic, context, edits)];
}
