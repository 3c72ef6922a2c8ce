import type { ParsedAppSpec } from '../parse';
import { findPlaceholder } from '../placeholders';

/** Problems that are not about the text being YAML/JSON; they never mean "unrendered template". */
const NOT_SYNTAX = new Set(['DUPLICATE_KEY', 'BINARY', 'TOO_LARGE']);

/**
 * Where a template that does not parse until rendered shows itself, or undefined. A syntax error
 * on a line holding a placeholder (`[${subnet_a}, ${subnet_b}]`, an unquoted `<CONTAINER_PORT>` in
 * JSON) or a Terraform `%{ if }` directive anywhere means the file is a template: its syntax
 * errors are the renderer's business, and twenty of them would hide that one fact.
 */
export function findUnrenderedTemplate(parsed: ParsedAppSpec): { start: number; end: number; text: string } | undefined {
  const problems = parsed.problems.filter((problem) => !NOT_SYNTAX.has(problem.kind));
  if (problems.length === 0) return undefined;
  const { positions, text } = parsed;
  for (const problem of problems) {
    const line = positions.lineRange(positions.position(problem.start).line);
    const lineStart = positions.offset(line.start);
    const found = findPlaceholder(text.slice(lineStart, positions.offset(line.end)));
    if (found) return { start: lineStart + found[0], end: lineStart + found[1], text: text.slice(lineStart + found[0], lineStart + found[1]) };
  }
  const directive = /%\{[^}]*\}/.exec(text);
  return directive ? { start: directive.index, end: directive.index + directive[0].length, text: directive[0] } : undefined;
}
