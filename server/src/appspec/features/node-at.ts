import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { AnyNode, Field } from '../yaml-nodes';

/** What sits at an offset of a parsed AppSpec: the enclosing key path and the field under the cursor. */
export interface NodeAt {
  /** Keys from the root to the mapping holding `field` ('-' for list items), as CursorContext writes them. */
  path: string[];
  field?: Field;
  /** Whether the offset is on the field's key or in its value. */
  on: 'key' | 'value';
  /** The scalar under the offset, when there is one (a value, or an item of a list value). */
  scalar?: AnyNode;
}

function contains(node: AnyNode | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && offset >= range[0] && offset <= range[1];
}

/** Descends the AST to the innermost field whose key or value covers `offset`. */
export function nodeAt(document: Document.Parsed | undefined, offset: number): NodeAt | undefined {
  let node = document?.contents as AnyNode | null | undefined;
  const path: string[] = [];
  let found: NodeAt | undefined;
  while (node) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && (contains(item.key as AnyNode, offset) || contains(item.value as AnyNode, offset)));
      if (!pair || !isScalar(pair.key)) return found;
      const field: Field = { name: String(pair.key.value ?? ''), key: pair.key, value: (pair.value as AnyNode | null) ?? null, pair };
      if (contains(pair.key as AnyNode, offset)) return { path: [...path], field, on: 'key' };
      const value = field.value;
      found = { path: [...path], field, on: 'value', scalar: isScalar(value) ? value : undefined };
      path.push(field.name);
      node = value;
    } else if (isSeq(node)) {
      const item = node.items.find((candidate) => contains(candidate as AnyNode, offset)) as AnyNode | undefined;
      if (!item) return found;
      if (isScalar(item) && found) return { ...found, scalar: item };
      path.push('-');
      node = item;
    } else return found;
  }
  return found;
}
