import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import type { AppSpecAnalysis } from '../analyze';
import { EVENTS_BY_PLATFORM, hookableEventNames } from '../lifecycle';
import { PLATFORM_NAMES, type FileAccess, type Platform, type Position } from '../types';
import { cursorContext, type CursorContext } from './cursor-context';
import { jsonCursorContext } from './json-cursor-context';
import { describeEvent } from './event-docs';
import { guessPlatform } from './guess-platform';
import { keySpecAt, nodeAt, type KeySpec } from './key-tree';
import { appSpecSnippet, hookSnippet } from './templates';

export interface CompletionOptions {
  /** The user's platform override. */
  platform?: Platform;
  /** The revision's files, for `location:` and `source:` paths; absent for non-file documents. */
  files?: FileAccess;
}

/** Completion items at `position`: keys, hook names, enum values, revision paths and whole-file snippets. */
export async function complete(text: string, analysis: AppSpecAnalysis | undefined, position: Position, options: CompletionOptions = {}): Promise<CompletionItem[]> {
  const json = analysis?.parsed.format === 'json';
  const context = json ? jsonCursorContext(analysis.parsed.document, text, analysis.parsed.positions, position) : cursorContext(text, position);
  if (!context) return [];
  const items = await completeIn(context, text, analysis, options);
  if (!json) return items;
  // The snippets are YAML; in JSON only names and values are offered.
  return items.filter((item) => item.kind !== CompletionItemKind.Snippet).map((item) => asJson(item, context));
}

/** JSON spelling of an item: names and string values in quotes (unless the author typed them), block bodies left out. */
function asJson(item: CompletionItem, context: CursorContext): CompletionItem {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) return item;
  const isKey = item.kind === CompletionItemKind.Property || item.kind === CompletionItemKind.Event;
  const isPath = item.kind === CompletionItemKind.File || item.kind === CompletionItemKind.Folder;
  const name = isPath ? edit.newText : String(item.label);
  const bare = /^\d+(\.\d+)?$/.test(name) || name === 'true' || name === 'false';
  const inQuotes = context.quoted ? `${name}"` : bare ? name : `"${name}"`;
  const newText = isKey && !context.keyHasColon ? `${inQuotes}: ` : inQuotes;
  return { ...item, textEdit: { range: edit.range, newText }, insertTextFormat: InsertTextFormat.PlainText, command: isPath ? item.command : undefined };
}

async function completeIn(context: CursorContext, text: string, analysis: AppSpecAnalysis | undefined, options: CompletionOptions): Promise<CompletionItem[]> {
  const platform = guessPlatform(text, analysis, options.platform);
  if (context.inComment) return [];
  const range = { start: context.tokenStart, end: context.tokenEnd };
  if (context.kind === 'value') return completeValue(context, platform ?? 'ec2', range, options.files);

  const listItemValues = listItemValueItems(context, platform ?? 'ec2', range);
  if (listItemValues) return listItemValues;
  if (!platform) return context.path.length === 0 ? [...wholeFileSnippets(range, text), ...keyItems(['ec2', 'ecs'], context, range)] : [];
  // ECS/Lambda hooks are one-key list items: the names used in other items are taken too.
  const model = analysis?.model;
  if (model && model.platform !== 'ec2' && context.path.length === 2 && context.path[0].toLowerCase() === 'hooks') {
    for (const hook of model.hooks) if (hook.field.key.range?.[0] !== undefined) context.siblings.add(hook.name);
  }
  const items = keyItems([platform], context, range);
  if (context.path.length === 0 && text.trim().length <= context.prefix.length) items.push(...wholeFileSnippets(range, text, platform));
  return items;
}

type EditRange = { start: Position; end: Position };

function keyItems(platforms: Platform[], context: CursorContext, range: EditRange): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const platform of platforms) {
    const node = nodeAt(platform, context.path);
    if (!node) continue;
    if (node.events) items.push(...eventItems(platform, context, range));
    for (const [index, spec] of (node.keys ?? []).entries()) {
      if (context.siblings.has(spec.name) || seen.has(spec.name)) continue;
      seen.add(spec.name);
      items.push(keyItem(spec, index, range, context.keyHasColon));
    }
  }
  return items;
}

function keyItem(spec: KeySpec, index: number, range: EditRange, nameOnly: boolean): CompletionItem {
  // Renaming a key that already has its colon (and value) must not insert a second body.
  const body = nameOnly ? '' : (spec.body ?? ': ');
  return {
    label: spec.name,
    kind: CompletionItemKind.Property,
    detail: spec.required ? 'required' : undefined,
    documentation: { kind: 'markdown', value: spec.doc },
    sortText: `${spec.required ? 0 : 1}${String(index).padStart(2, '0')}`,
    textEdit: { range, newText: `${spec.name}${body}` },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.adjustIndentation,
    // A key that opens a block moves straight on to what goes inside it.
    command: !nameOnly && (spec.values || body.endsWith(': ')) ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  };
}

/** Hook names valid on the platform, in lifecycle order, leaving out the ones already used. */
function eventItems(platform: Platform, context: CursorContext, range: EditRange): CompletionItem[] {
  const used = new Set(context.siblings);
  const free = hookableEventNames(platform).filter((name) => !used.has(name));
  const order = EVENTS_BY_PLATFORM[platform].map((event) => event.name);
  const items: CompletionItem[] = free.map((name) => ({
    label: name,
    kind: CompletionItemKind.Event,
    detail: `${PLATFORM_NAMES[platform]} lifecycle event`,
    documentation: { kind: 'markdown', value: describeEvent(platform, name) ?? '' },
    sortText: `0${String(order.indexOf(name)).padStart(2, '0')}`,
    textEdit: { range, newText: context.keyHasColon ? name : platform === 'ec2' ? `${name}:\n  - location: \${1:scripts/${kebab(name)}.sh}\n    timeout: \${2:300}` : `${name}: \${1:CodeDeployHook_${name}}` },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.adjustIndentation,
  }));
  if (platform === 'ec2' && free.length > 0 && !context.keyHasColon) {
    items.push({
      label: 'hook with script',
      kind: CompletionItemKind.Snippet,
      detail: 'A lifecycle event with one script entry',
      // Filtered on its own label: a typed event name (`Valid`) must rank the event, not this snippet.
      sortText: '1',
      textEdit: { range, newText: hookSnippet(free) },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
    });
  }
  return items;
}

function wholeFileSnippets(range: EditRange, text: string, only?: Platform): CompletionItem[] {
  const platforms: Platform[] = only ? [only] : ['ec2', 'ecs', 'lambda'];
  return platforms.map((platform, index) => ({
    label: `AppSpec for ${PLATFORM_NAMES[platform]}`,
    kind: CompletionItemKind.Snippet,
    detail: `A complete ${PLATFORM_NAMES[platform]} appspec.yml`,
    sortText: `2${index}`,
    filterText: text.trim() === '' ? 'appspec' : undefined,
    textEdit: { range, newText: appSpecSnippet(platform) },
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

async function completeValue(context: CursorContext, platform: Platform, range: EditRange, files: FileAccess | undefined): Promise<CompletionItem[]> {
  const key = context.key ?? '';
  if ((key === 'location' || key === 'source') && platform === 'ec2') return pathItems(context.prefix, range, files, key === 'source');
  // `type: [file, |` and `- file` under `type:` both complete the list's items.
  const spec = keySpecAt(platform, context.path, key);
  return spec?.values ? valueItems(spec, range) : [];
}

/** `- fi|` under `type:`: the item is a value of the enclosing key. */
function listItemValueItems(context: CursorContext, platform: Platform, range: EditRange): CompletionItem[] | undefined {
  const { path } = context;
  if (path.length < 2 || path[path.length - 1] !== '-') return undefined;
  const spec = keySpecAt(platform, path.slice(0, -2), path[path.length - 2]);
  return spec?.values ? valueItems(spec, range) : undefined;
}

function valueItems(spec: KeySpec, range: EditRange): CompletionItem[] {
  return (spec.values ?? []).map((value, index) => ({
    label: value.value,
    kind: CompletionItemKind.EnumMember,
    documentation: { kind: 'markdown', value: value.doc },
    sortText: String(index).padStart(2, '0'),
    textEdit: { range, newText: value.value },
  }));
}

/** Entries of the revision folder the typed path points into; folders re-open the list. */
async function pathItems(prefix: string, range: EditRange, files: FileAccess | undefined, folders: boolean): Promise<CompletionItem[]> {
  if (!files) return [];
  const slash = prefix.lastIndexOf('/');
  const typedDir = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const directory = typedDir.replace(/^\/+/, '').replace(/\/+$/, '') || '.';
  const entries = (await files.list(directory)) ?? [];
  const start = { line: range.start.line, character: range.start.character + typedDir.length };
  return entries
    .filter((entry) => !(entry.name === '.git' || entry.name === 'node_modules'))
    .filter((entry) => folders || entry.kind !== 'other')
    .map((entry) => ({
      label: entry.kind === 'directory' ? `${entry.name}/` : entry.name,
      kind: entry.kind === 'directory' ? CompletionItemKind.Folder : CompletionItemKind.File,
      sortText: `${entry.kind === 'directory' ? 0 : 1}${entry.name}`,
      textEdit: { range: { start, end: range.end }, newText: entry.kind === 'directory' ? `${entry.name}/` : entry.name },
      command: entry.kind === 'directory' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    }));
}

function kebab(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
