import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { PositionMap } from '../positions';
import type { Position } from '../types';
import type { AnyNode } from '../yaml-nodes';
import type { CursorContext } from './cursor-context';

function contains(node: AnyNode | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && offset > range[0] && offset <= range[1];
}

/**
 * The cursor context in an appspec.json: the path comes from the flow collections that enclose
 * the offset (the parser keeps them even around a half-typed key), and whether a key or a value
 * is being typed from the character before the current token (`{` or `,` → key, `:` → value).
 */
export function jsonCursorContext(document: Document.Parsed | undefined, text: string, positions: PositionMap, position: Position): CursorContext | undefined {
  const offset = positions.offset(position);
  const path: string[] = [];
  let node = document?.contents as AnyNode | null | undefined;
  let innermost: AnyNode | undefined;
  while (node && contains(node, offset)) {
    innermost = node;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && contains(item.value as AnyNode, offset) && !isScalar(item.value));
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      node = pair.value as AnyNode;
    } else if (isSeq(node)) {
      const item = node.items.find((candidate) => contains(candidate as AnyNode, offset) && !isScalar(candidate)) as AnyNode | undefined;
      if (!item) break;
      path.push('-');
      node = item;
    } else break;
  }
  if (!innermost || !(isMap(innermost) || isSeq(innermost))) return undefined;

  const before = text.slice(0, offset);
  const token = /"?[^\s"{}[\],:]*$/.exec(before)?.[0] ?? '';
  const quoted = token.startsWith('"');
  const tokenStartOffset = offset - token.length;
  const previous = before.slice(0, tokenStartOffset).trimEnd().slice(-1);
  const word = /^[^\s"{}[\],:]*/.exec(text.slice(offset))?.[0] ?? '';
  const closing = quoted && text[offset + word.length] === '"' ? 1 : 0;
  const siblings = new Set<string>();
  if (isMap(innermost)) for (const pair of innermost.items) if (isScalar(pair.key) && !contains(pair.key as AnyNode, offset)) siblings.add(String(pair.key.value));
  const base = {
    prefix: token.replace(/^"/, ''),
    tokenStart: positions.position(tokenStartOffset + (quoted ? 1 : 0)),
    // The closing quote is replaced too: the completion writes it back.
    tokenEnd: positions.position(offset + word.length + closing),
    siblings,
    inNewItem: false,
    keyHasColon: /^\s*:/.test(text.slice(offset + word.length + closing)),
    inComment: false,
    quoted,
  };
  if (isSeq(innermost)) return { ...base, path: [...path, '-'], kind: 'key' };
  if (previous === '{' || previous === ',') return { ...base, path, kind: 'key' };
  if (previous === ':') {
    const key = /"([^"]*)"\s*:\s*$/.exec(before.slice(0, tokenStartOffset))?.[1];
    if (key === undefined) return undefined;
    return { ...base, path, kind: 'value', key };
  }
  return undefined;
}
