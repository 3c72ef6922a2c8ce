import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Small readers over the `yaml` AST. The engine never calls `toJS()`: it throws on unresolved
 * aliases and expands alias bombs, and it loses the ranges every diagnostic needs.
 */

export type AnyNode = Node;

/** A `key: value` pair whose key is a scalar; `value` is null when nothing follows the colon. */
export interface Field {
  /** The key as written (keys are read as strings; `0: x` gives "0"). */
  name: string;
  key: Scalar;
  value: AnyNode | null;
  pair: Pair;
}

/** Offsets [start, end) of the node's own text, without trailing comments or line breaks. */
export function nodeSpan(node: AnyNode | Pair): [number, number] {
  if (isPair(node)) {
    const key = node.key as AnyNode | null;
    const value = node.value as AnyNode | null;
    const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
    const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
    return [start, Math.max(start, end)];
  }
  const range = node.range;
  if (!range) return [0, 0];
  return [range[0], range[1]];
}

/** A scalar key as the agent reads it: as a string (`0: x` gives "0"). */
export function keyName(key: Scalar): string {
  return String(key.value ?? '');
}

/** Fields of a mapping in source order (duplicates included; see `fieldMap` for last-wins). */
export function fields(map: YAMLMap): Field[] {
  const result: Field[] = [];
  for (const pair of map.items) {
    const key = pair.key as AnyNode | null;
    if (!isScalar(key)) continue; // complex keys (`? [a]: b`) never name an AppSpec key
    result.push({ name: keyName(key), key, value: (pair.value as AnyNode | null) ?? null, pair });
  }
  return result;
}

/** Fields by name; a repeated key keeps its last value, as Ruby's YAML loader does. */
export function fieldMap(map: YAMLMap): Map<string, Field> {
  const result = new Map<string, Field>();
  for (const field of fields(map)) result.set(field.name, field);
  return result;
}

/** Fields by name ignoring case, for ECS/Lambda files that write `resources` for `Resources`. */
export function fieldIgnoringCase(map: YAMLMap, name: string): Field | undefined {
  const lower = name.toLowerCase();
  let found: Field | undefined;
  for (const field of fields(map)) if (field.name.toLowerCase() === lower) found = field;
  return found;
}

export function asMap(node: AnyNode | null | undefined): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: AnyNode | null | undefined): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function asScalar(node: AnyNode | null | undefined): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/** Items of a sequence as nodes (null items, `- ` with nothing, come back as null). */
export function items(seq: YAMLSeq): Array<AnyNode | null> {
  return seq.items.map((item) => (item as AnyNode | null) ?? null);
}

/** True for a missing value or an explicit null (`key:`, `key: ~`, `key: null`). */
export function isNullValue(node: AnyNode | null | undefined): boolean {
  return node == null || (isScalar(node) && node.value === null);
}

/** The scalar's value as YAML 1.1 types it (`0644` → 420, `yes` → true, `0.0` → 0). */
export function scalarValue(node: AnyNode | null | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** The scalar exactly as written in the file (no quotes), for messages about what the author typed. */
export function scalarSource(node: AnyNode | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.source === 'string' ? node.source : String(node.value ?? '');
}

/** A string value, or undefined when the node is not a string scalar. */
export function stringValue(node: AnyNode | null | undefined): string | undefined {
  const value = scalarValue(node);
  return typeof value === 'string' ? value : undefined;
}

export function isQuoted(node: AnyNode | null | undefined): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

/**
 * `text` written the way `node` is (quoted or not), so a quick fix that replaces the node's range
 * keeps the file valid: `"resources"` in appspec.json becomes `"Resources"`, not `Resources`.
 */
export function writtenLike(node: AnyNode | null | undefined, text: string): string {
  if (isScalar(node) && node.type === 'QUOTE_DOUBLE') return JSON.stringify(text);
  if (isScalar(node) && node.type === 'QUOTE_SINGLE') return `'${text.replace(/'/g, "''")}'`;
  return text;
}

/** What a node is, in the words a message uses: "a list", "a mapping", "the number 12". */
export function describeNode(node: AnyNode | null | undefined): string {
  if (isNullValue(node)) return 'nothing (null)';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return `an alias (*${node.source})`;
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return value === '' ? 'an empty string' : `the string "${value}"`;
    if (typeof value === 'number') return `the number ${scalarSource(node)}`;
    if (typeof value === 'boolean') return `the boolean ${scalarSource(node)}`;
    if (value instanceof Date) return `the timestamp ${scalarSource(node)}`;
    return `the value ${scalarSource(node)}`;
  }
  return 'an unexpected value';
}

export { isAlias, isMap, isPair, isScalar, isSeq };
/** What walkNodes calls for each kind of node. */
export interface NodeVisitor {
  scalar?(node: Scalar): void;
  map?(node: YAMLMap): void;
  seq?(node: YAMLSeq): void;
  /** Aliases are reported, never followed: alias bombs expand exponentially. */
  alias?(node: Alias): void;
}

/**
 * Every node of a document or subtree in document order (a collection before its items, a key
 * before its value). yaml's own visit() allocates a frozen path per node, which on a 5,000-line
 * AppSpec cost more than the rules that walked with it. Recursion is bounded by the parser's
 * nesting limit.
 */
export function walkNodes(root: unknown, visitor: NodeVisitor): void {
  if (isDocument(root)) {
    walkNodes(root.contents, visitor);
  } else if (isPair(root)) {
    walkNodes(root.key, visitor);
    walkNodes(root.value, visitor);
  } else if (isScalar(root)) {
    visitor.scalar?.(root);
  } else if (isAlias(root)) {
    visitor.alias?.(root);
  } else if (isMap(root) || isSeq(root)) {
    if (isMap(root)) visitor.map?.(root);
    else visitor.seq?.(root);
    for (const item of root.items) walkNodes(item, visitor);
  }
}

export type { Pair, Scalar, YAMLMap, YAMLSeq };
