/** A piece of the text, [start, end) in offsets, from the start of a line. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * One `key:` entry of the top-level mapping, from its key line to the next one. When its value is
 * a block list or mapping on the lines below the key, `items` holds the key line (and any comment
 * or blank lines before the first item) and each list item or mapping entry on its own, each up
 * to the first token of the next (so consecutive items share the indentation between them).
 */
export interface TopLevelEntry extends TextSpan {
  items?: { header: TextSpan; kind: 'seq' | 'map'; list: TextSpan[] };
}

/**
 * A plain key at the start of a line: what every AppSpec key looks like (`version`, `files`,
 * `Before Install`, `TaskDefinition`). Quoted, complex (`? `) and flow keys do not split the text.
 */
const KEY_LINE = /^[A-Za-z0-9_][A-Za-z0-9_ .-]*:(?:[ \t]|$)/;
/** A key whose value starts on the next line: `files:`, optionally with a comment. */
const KEY_ONLY_LINE = /^[A-Za-z0-9_][A-Za-z0-9_ .-]*:[ \t]*(?:[ \t]#.*)?$/;

interface Line {
  start: number;
  indent: number;
  /** The line without its indentation and line break; '' for blank lines. */
  content: string;
}

/**
 * Splits a block-style YAML text along the lines where, by indentation alone, a top-level entry or
 * one item of a top-level value begins. Undefined when the text has anything that makes lines
 * depend on each other beyond indentation at those places (directives, document markers other
 * than a first `---`, tabs in indentation, anything at column 0 that is not a key, comment or
 * compact list item): those texts are parsed whole. The split is only a proposal: each piece must
 * still parse cleanly on its own.
 */
export function splitTopLevel(text: string): TopLevelEntry[] | undefined {
  const lines = readLines(text);
  if (!lines) return undefined;
  const entries: TopLevelEntry[] = [];
  let firstLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.indent > 0 || line.content === '' || line.content.startsWith('#')) continue;
    if (entries.length === 0 && /^---[ \t]*(?:#.*)?$/.test(line.content)) continue; // the document's start marker
    if (KEY_LINE.test(line.content)) {
      if (entries.length > 0) {
        entries[entries.length - 1].end = line.start;
        withItems(entries[entries.length - 1], lines, firstLine, i);
      }
      // Comment and blank lines before the first key belong to the first entry.
      entries.push({ start: entries.length === 0 ? 0 : line.start, end: text.length });
      firstLine = i;
    } else if (!(entries.length > 0 && isListItem(line.content))) {
      return undefined;
    }
  }
  if (entries.length === 0) return undefined;
  withItems(entries[entries.length - 1], lines, firstLine, lines.length);
  return entries;
}

/** Adds the items of an entry whose value is a block list or mapping made of several items. */
function withItems(entry: TopLevelEntry, lines: Line[], keyLine: number, endLine: number): void {
  if (!KEY_ONLY_LINE.test(lines[keyLine].content)) return;
  let kind: 'seq' | 'map' | undefined;
  let indent = -1;
  const starts: number[] = [];
  for (let i = keyLine + 1; i < endLine; i++) {
    const line = lines[i];
    if (line.content === '' || line.content.startsWith('#')) continue;
    if (kind === undefined) {
      indent = line.indent;
      kind = isListItem(line.content) ? 'seq' : KEY_LINE.test(line.content) && indent > 0 ? 'map' : undefined;
      if (kind === undefined) return;
    }
    if (line.indent < indent) return;
    if (line.indent > indent) continue;
    if (!(kind === 'seq' ? isListItem(line.content) : KEY_LINE.test(line.content))) return;
    starts.push(line.start);
  }
  if (kind === undefined || starts.length < 2) return;
  // A piece ends where the next one's first token starts, after its indentation: the parser
  // stretches an empty last value or trailing comments up to the next token, in a piece as in
  // the whole text.
  const list = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] + indent : entry.end }));
  entry.items = { header: { start: entry.start, end: starts[0] + indent }, kind, list };
}

function isListItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** The text's lines; undefined when a tab indents one. */
function readLines(text: string): Line[] | undefined {
  // A lone carriage return breaks lines for YAML too; such rare texts are parsed whole.
  if (/\r(?!\n)/.test(text)) return undefined;
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 0x20) indent++;
    let contentEnd = newline < 0 ? text.length : newline;
    if (text.charCodeAt(contentEnd - 1) === 0x0d) contentEnd--;
    const content = text.slice(start + indent, Math.max(start + indent, contentEnd));
    if (content.startsWith('\t')) return undefined;
    lines.push({ start: lines.length === 0 ? 0 : start, indent, content: content.trimEnd() === '' ? '' : content });
    start = end;
  }
  return lines;
}
