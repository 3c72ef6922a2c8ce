import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { fieldMap, fields, items, type AnyNode, type Field } from '../yaml-nodes';

/** Where a JSON pointer's value came from: the value node, and the key that names it in its mapping. */
export interface Located {
  node: AnyNode | null;
  field?: Field;
}

export interface PlainDocument {
  value: unknown;
  /** The source of a JSON pointer (ajv's instancePath), found when asked: only errors need one. */
  locate(pointer: string): Located | undefined;
}

/** Deeper values become null, so hostile nesting cannot exhaust the stack. */
const MAX_DEPTH = 64;

/** A child's JSON pointer (RFC 6901 escapes `~` and `/` in names). */
export function childPointer(pointer: string, name: string): string {
  return `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Converts the AST to the plain value a schema validates, without ever expanding an alias (they
 * become null; the alias rule reports them). Scalars keep their YAML 1.1 types; timestamps become
 * their source text. Of duplicate keys the last wins, as for the agent.
 */
export function toPlain(root: AnyNode | null): PlainDocument {
  return { value: convert(root, 0), locate: (pointer) => locate(root, pointer) };
}

function convert(node: AnyNode | null, depth: number): unknown {
  if (node == null || isAlias(node) || depth > MAX_DEPTH) return null;
  if (isScalar(node)) return node.value instanceof Date ? String(node.source ?? node.value.toISOString()) : (node.value ?? null);
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const entry of fields(node)) result[entry.name] = convert(entry.value, depth + 1);
    return result;
  }
  if (isSeq(node)) return items(node).map((item) => convert(item, depth + 1));
  return null;
}

function locate(root: AnyNode | null, pointer: string): Located | undefined {
  let located: Located = { node: root };
  if (pointer === '') return located;
  for (const segment of pointer.slice(1).split('/')) {
    const name = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    const node = located.node;
    if (isMap(node)) {
      const field = fieldMap(node).get(name);
      if (!field) return undefined;
      located = { node: field.value, field };
    } else if (isSeq(node)) {
      const list = items(node);
      const index = Number(name);
      if (!Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
      located = { node: list[index] };
    } else {
      return undefined;
    }
  }
  return located;
}
