import type { AppSpecAnalysis } from '../analyze';
import { findEvent } from '../lifecycle';

/** Token types and modifiers the server declares; only hook names are coloured, the grammar does the rest. */
export const SEMANTIC_TOKEN_TYPES = ['event'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['readonly'] as const;

/**
 * LSP's relative-encoded token data for the lifecycle event names of the model's hooks: hookable
 * events as `event`, reserved ones (which never run scripts) as `event` + `readonly`. Unknown names
 * stay uncoloured, which makes a misspelling stand out next to its neighbours.
 */
export function semanticTokens(analysis: AppSpecAnalysis): number[] {
  const model = analysis.model;
  if (!model) return [];
  const { positions } = analysis.parsed;
  const tokens: Array<{ line: number; character: number; length: number; modifiers: number }> = [];
  for (const hook of model.hooks) {
    const event = findEvent(model.platform, hook.name);
    const span = hook.field.key.range;
    if (!event || !span) continue;
    const start = positions.position(span[0]);
    const end = positions.position(span[1]);
    if (end.line !== start.line) continue;
    tokens.push({ ...start, length: end.character - start.character, modifiers: event.scriptable ? 0 : 1 });
  }
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    data.push(token.line - line, token.line === line ? token.character - character : token.character, token.length, 0, token.modifiers);
    line = token.line;
    character = token.character;
  }
  return data;
}
