import type { Position } from '../types';

/**
 * Where the cursor is in a YAML AppSpec, worked out from the lines' text and indentation rather
 * than the AST: while someone types, the document is usually invalid (`hooks:\n  Bef`, a dangling
 * `- `), and the parser then attaches half-typed keys to the wrong parent or drops them. Indentation
 * is what the author sees, so it is what completion follows.
 *
 * The path names the enclosing keys from the root, with '-' for "inside a list item":
 * `hooks / BeforeInstall / - ` is a script entry, `Resources / - / TargetService / Properties` a
 * resource's properties.
 */
export interface CursorContext {
  path: string[];
  /** Typing a key (or a bare list item) vs. typing the value of `key:`. */
  kind: 'key' | 'value';
  /** For values: the key whose value is being typed. */
  key?: string;
  /** Text typed so far for the token under the cursor (without quotes). */
  prefix: string;
  /** Where that token starts on the cursor's line (the range completion replaces). */
  tokenStart: Position;
  /** Keys already present in the mapping the cursor is in (above and below), to leave out. */
  siblings: Set<string>;
  /** True when the cursor line starts a new list item (`- |`). */
  inNewItem: boolean;
  /** Where the word under the cursor ends (completion replaces the whole word, not just its start). */
  tokenEnd: Position;
  /** True when a `:` already follows the key under the cursor: complete the name only. */
  keyHasColon: boolean;
  /** True inside a comment, where nothing is completed. */
  inComment: boolean;
  /** JSON: the token sits inside quotes the author already typed (the range excludes them). */
  quoted?: boolean;
}

interface LineShape {
  indent: number;
  /** Columns of leading `- ` markers. */
  dashes: number[];
  /** Column where the key (or scalar) starts after the dashes. */
  contentCol: number;
  key?: string;
}

const KEY_LINE = /^([^\s#'"{[\]}][^:#]*?|"[^"]*"|'[^']*')\s*:(\s|$)/;

function shape(line: string): LineShape | undefined {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return undefined;
  const indent = line.length - line.trimStart().length;
  const dashes: number[] = [];
  let col = indent;
  while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
    dashes.push(col);
    col += 2;
    while (line[col] === ' ') col++;
  }
  const rest = line.slice(col);
  const match = KEY_LINE.exec(rest);
  const key = match ? match[1].trim().replace(/^["']|["']$/g, '') : undefined;
  return { indent, dashes, contentCol: col, key };
}

/** The cursor context of `position` in `text` (YAML block style). */
export function cursorContext(text: string, position: Position): CursorContext {
  const lines = text.split(/\r?\n|\r/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const path: string[] = [];
  const siblings = new Set<string>();

  const current = shape(before.trim() === '' ? before + 'x' : before) ?? { indent: before.length, dashes: [], contentCol: before.length };
  let col = current.contentCol;
  const valueMatch = current.key !== undefined ? new RegExp(`^(.{${current.contentCol}}${escapeRegExp(rawKey(before, current.contentCol))}\\s*:\\s*)(.*)$`).exec(before) : null;

  let kind: CursorContext['kind'] = 'key';
  let key: string | undefined;
  let tokenCol = current.contentCol;
  if (valueMatch && current.key !== undefined) {
    kind = 'value';
    key = current.key;
    tokenCol = valueMatch[1].length;
    // Flow lists (`type: [file, dir`) and quotes: the token starts after the last separator.
    const value = valueMatch[2];
    const separator = Math.max(value.lastIndexOf('['), value.lastIndexOf(','), value.lastIndexOf('"'), value.lastIndexOf("'"));
    if (separator >= 0) tokenCol += separator + 1;
    while (before[tokenCol] === ' ') tokenCol++;
  }
  const prefix = before.slice(tokenCol);
  const inNewItem = current.dashes.length > 0;

  // Dashes on the cursor's own line open list items that enclose the cursor.
  const ownDashes = current.dashes.length;
  let limit = ownDashes > 0 ? current.dashes[0] : col;
  collectSiblings(lines, position.line + 1, col, siblings, 1);
  if (ownDashes === 0) collectSiblings(lines, position.line - 1, col, siblings, -1);

  const ancestors: string[] = [];
  for (let i = 0; i < ownDashes; i++) ancestors.push('-');
  for (let n = position.line - 1; n >= 0 && limit > 0; n--) {
    const above = shape(lines[n]);
    if (!above) continue;
    if (above.indent >= limit && above.contentCol >= limit) continue;
    // A line whose content starts left of the limit encloses the cursor.
    const nested: string[] = [];
    if (above.contentCol < limit && above.key !== undefined) nested.push(above.key);
    for (let d = above.dashes.length - 1; d >= 0; d--) if (above.dashes[d] < limit) nested.push('-');
    ancestors.push(...nested);
    limit = above.indent;
    col = above.indent;
  }
  path.push(...ancestors.reverse());
  const after = line.slice(position.character);
  // The rest of the word under the cursor: a key's name, or a value up to a separator or quote.
  const rest = (kind === 'key' ? /^[\w.-]*/ : /^[^\s,\]"'#]*/).exec(after)?.[0] ?? '';
  const keyHasColon = kind === 'key' && /^\s*:/.test(after.slice(rest.length));
  const inComment = /(^|\s)#/.test(before);
  return {
    path,
    kind,
    key,
    prefix: stripQuote(prefix),
    tokenStart: { line: position.line, character: tokenCol },
    tokenEnd: { line: position.line, character: position.character + rest.length },
    keyHasColon,
    inComment,
    siblings,
    inNewItem,
  };
}

/** Keys at exactly `col` in the same mapping, walking away from the cursor until the mapping ends. */
function collectSiblings(lines: string[], start: number, col: number, into: Set<string>, step: 1 | -1): void {
  for (let n = start; n >= 0 && n < lines.length; n += step) {
    const other = shape(lines[n]);
    if (!other) continue;
    // Walking down, a dash left of the keys starts the next item: its keys are not siblings.
    if (step === 1 && other.dashes.length > 0 && other.dashes[0] < col) return;
    if (other.indent < col && other.contentCol !== col) return;
    if (other.contentCol === col && other.key !== undefined) {
      into.add(other.key);
      // Walking up, a dash at this line opens the item: earlier lines belong to other items.
      if (step === -1 && other.dashes.length > 0) return;
    }
  }
}

function rawKey(before: string, contentCol: number): string {
  const rest = before.slice(contentCol);
  const match = KEY_LINE.exec(rest);
  return match ? match[1] : '';
}

function stripQuote(text: string): string {
  return text.replace(/^["']/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
