import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { AppSpecAnalysis } from '../analyze';
import { EVENTS_BY_PLATFORM } from '../lifecycle';
import type { Field } from '../yaml-nodes';
import { scalarSource, stringValue, type AnyNode } from '../yaml-nodes';

/**
 * The outline: hooks in the order they run (not the order written), files and permissions
 * entries, ECS/Lambda resources. Built from the model, so it works for YAML and JSON alike.
 */
export function documentSymbols(analysis: AppSpecAnalysis): DocumentSymbol[] {
  const model = analysis.model;
  if (!model) return [];
  const { positions } = analysis.parsed;
  const range = (node: AnyNode | Field['pair'] | null | undefined, fallback: AnyNode) => {
    const span = (node as AnyNode | null | undefined)?.range ?? fallback.range ?? [0, 0, 0];
    return positions.trimmedRange(span[0], span[1]);
  };
  const symbol = (name: string, kind: SymbolKind, whole: AnyNode, selection: AnyNode, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const wholeRange = range(whole, selection);
    const selectionRange = range(selection, selection);
    return { name: name || '(empty)', kind, detail, range: union(wholeRange, selectionRange), selectionRange, children };
  };
  const fieldSymbol = (field: Field, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]) => symbol(field.name, kind, (field.value ?? field.key) as AnyNode, field.key, detail, children);
  const order = EVENTS_BY_PLATFORM[model.platform].map((event) => event.name);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const symbols: DocumentSymbol[] = [];

  if (model.platform === 'ec2') {
    for (const field of model.top.values()) {
      if (field.name === 'hooks') {
        const hooks = [...model.hooks].sort((a, b) => rank(a.name) - rank(b.name));
        symbols.push(fieldSymbol(field, SymbolKind.Namespace, undefined, hooks.map((hook) => fieldSymbol(hook.field, SymbolKind.Event, `${hook.scripts.length} script${hook.scripts.length === 1 ? '' : 's'}`, hook.scripts.map((script) => symbol(scalarSource(script.location?.value) ?? '(no location)', SymbolKind.File, script.node, (script.location?.value ?? script.node) as AnyNode, script.timeout ? `timeout ${scalarSource(script.timeout.value)}` : undefined))))));
      } else if (field.name === 'files') {
        symbols.push(fieldSymbol(field, SymbolKind.Namespace, undefined, model.files.map((mapping) => symbol(`${scalarSource(mapping.source?.value) ?? '?'} → ${scalarSource(mapping.destination?.value) ?? '?'}`, SymbolKind.File, mapping.node, (mapping.source?.value ?? mapping.node) as AnyNode))));
      } else if (field.name === 'permissions') {
        symbols.push(fieldSymbol(field, SymbolKind.Namespace, undefined, model.permissions.map((entry) => {
          const object = entry.fields.get('object');
          const mode = entry.fields.get('mode');
          return symbol(scalarSource(object?.value) ?? '(no object)', SymbolKind.Object, entry.node, (object?.value ?? entry.node) as AnyNode, mode ? `mode ${scalarSource(mode.value)}` : undefined);
        })));
      } else symbols.push(fieldSymbol(field, SymbolKind.Property, scalarSource(field.value)));
    }
    return symbols;
  }

  for (const field of model.top.values()) {
    const lower = field.name.toLowerCase();
    if (lower === 'resources') {
      symbols.push(fieldSymbol(field, SymbolKind.Namespace, undefined, model.resources.map((resource) => fieldSymbol(resource.field, SymbolKind.Class, stringValue(resource.type?.value), [...resource.propertyFields.values()].map((property) => fieldSymbol(property, SymbolKind.Property, scalarSource(property.value)))))));
    } else if (lower === 'hooks') {
      const hooks = [...model.hooks].sort((a, b) => rank(a.name) - rank(b.name));
      symbols.push(fieldSymbol(field, SymbolKind.Namespace, undefined, hooks.map((hook) => fieldSymbol(hook.field, SymbolKind.Event, hook.functionName))));
    } else symbols.push(fieldSymbol(field, SymbolKind.Property, scalarSource(field.value)));
  }
  return symbols;
}

type R = DocumentSymbol['range'];

/** DocumentSymbol requires the selection inside the range; a key sits before its value's node. */
function union(a: R, b: R): R {
  const before = (x: R['start'], y: R['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return { start: before(b.start, a.start) ? b.start : a.start, end: before(a.end, b.end) ? b.end : a.end };
}
