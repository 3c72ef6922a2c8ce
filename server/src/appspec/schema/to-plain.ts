import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { fields, items, type AnyNode, type Field } from '../yaml-nodes';

/** Where a JSON pointer's value came from: the value node, and the key that names it in its mapping. */
export interface Located {
  node: AnyNode | null;
  field?: Field;
}

export interface PlainDocument {
  value: unknown;
  /** JSON pointer (ajv's instancePath) → source location. */
  at: Map<string, Located>;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Converts the AST to the plain value a schema validates, without ever expanding an alias (they
 * become null; the alias rule reports them) and keeping a pointer map for ranges. Scalars keep
 * their YAML 1.1 types; timestamps become their source text. Depth is capped so hostile nesting
 * cannot exhaust the stack.
 */
export function toPlain(root: AnyNode | null): PlainDocument {
  const at = new Map<string, Located>();
  const convert = (node: AnyNode | null, pointer: string, depth: number, field?: Field): unknown => {
    at.set(pointer, { node, field });
    if (node == null || isAlias(node) || depth > 64) return null;
    if (isScalar(node)) return node.value instanceof Date ? String(node.source ?? node.value.toISOString()) : (node.value ?? null);
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      for (const entry of fields(node)) {
        result[entry.name] = convert(entry.value, `${pointer}/${escape(entry.name)}`, depth + 1, entry);
      }
      return result;
    }
    if (isSeq(node)) return items(node).map((item, index) => convert(item, `${pointer}/${index}`, depth + 1));
    return null;
  };
  const value = convert(root, '', 0);
  return { value, at };
}
