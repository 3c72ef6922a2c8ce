import { isCollection, isPair, isScalar, type Node, type Pair } from 'yaml';

/** Moves every range in a node tree by `delta` characters, in place. */
export function moveNodes(node: Node | Pair | null | unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== 'object') return;
  if (isPair(node)) {
    moveNodes(node.key, delta);
    moveNodes(node.value, delta);
    return;
  }
  if (!isScalar(node) && !isCollection(node)) return;
  const range = node.range;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isCollection(node)) for (const item of node.items) moveNodes(item, delta);
}
