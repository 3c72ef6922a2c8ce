import { Composer, Parser, type CST, type Document } from 'yaml';
import { PositionMap } from './positions';
import { walkNodes } from './yaml-nodes';
import type { AppSpecFormat } from './types';

/**
 * Beyond this size the text is not parsed. Parse time grows linearly with the number of YAML
 * nodes: measured on Node 20 (2 cores), a realistic 100,000-line AppSpec (hooks or files lists,
 * 2.5–3.3 M characters) is validated in about 1.5 s, while the densest input (`[1,1,1,…]`) costs
 * about 3 µs per character. The corpus averages 26 characters per line (its widest file 57), so
 * 4 M characters keeps a 100,000-line AppSpec at up to 40 characters a line checkable and caps the
 * worst case near 10 s; only absurd inputs (the 10 MB hostile test) are refused.
 */
export const MAX_PARSE_CHARACTERS = 4_000_000;

/**
 * Deeper collections are not composed. The YAML composer recurses once per level and would exhaust
 * the stack near 1,000 levels (less when called from a deep stack); an AppSpec needs about 8. The
 * same bound as the schema layer's toPlain, so nothing below the parser meets deeper input.
 */
export const MAX_NESTING_DEPTH = 64;

export interface SyntaxProblem {
  /** The parser's own code (e.g. TAB_AS_INDENT, DUPLICATE_KEY) or ours (BINARY, TOO_LARGE, JSON). */
  kind: string;
  message: string;
  start: number;
  end: number;
}

export interface ParsedAppSpec {
  text: string;
  format: AppSpecFormat;
  positions: PositionMap;
  /** The first document: the only one the agent's YAML.load reads. Undefined when the text has none. */
  document: Document.Parsed | undefined;
  /** Documents after the first, which nothing reads. */
  extraDocuments: Document.Parsed[];
  problems: SyntaxProblem[];
}

/** The format an AppSpec path implies; the agent itself reads every AppSpec with a YAML loader. */
export function formatFromPath(path: string): AppSpecFormat {
  return /\.json(\.[^./\\]+)?$/i.test(path) ? 'json' : 'yaml';
}

/**
 * Parses AppSpec text the way the CodeDeploy agent reads it (Ruby's YAML 1.1 loader: `0644` is
 * octal, `yes` a boolean) while keeping a source range for every node. JSON goes through the same
 * parser, so its ranges and values match, and is also checked as strict JSON.
 */
export function parseAppSpec(text: string, format: AppSpecFormat = 'yaml'): ParsedAppSpec {
  const base = { text, format, positions: new PositionMap(text), extraDocuments: [] as Document.Parsed[] };
  const refused = refuseUnreadable(text);
  if (refused) return { ...base, document: undefined, problems: [refused] };
  const composed = composeYaml(text);
  if (!Array.isArray(composed)) return { ...base, document: undefined, problems: [composed] };

  const problems: SyntaxProblem[] = [];
  for (const document of composed) {
    for (const error of document.errors) problems.push({ kind: error.code, message: error.message, start: error.pos[0], end: error.pos[1] });
  }
  if (format === 'json') problems.push(...strictJsonProblems(text));
  return { ...base, document: composed[0], extraDocuments: composed.slice(1), problems };
}

/** Texts no parser is asked to read: too large, or binary. */
export function refuseUnreadable(text: string): SyntaxProblem | undefined {
  if (text.length > MAX_PARSE_CHARACTERS) {
    return { kind: 'TOO_LARGE', message: `The file has ${text.length.toLocaleString('en-US')} characters; AppSpec files are checked up to ${MAX_PARSE_CHARACTERS.toLocaleString('en-US')}.`, start: 0, end: 0 };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { kind: 'BINARY', message: 'The file holds binary data (a NUL byte); an AppSpec is YAML or JSON text.', start: nul, end: nul + 1 };
  return undefined;
}

/**
 * The YAML documents of a text as the agent's loader reads them (YAML 1.1, dots kept as text), or
 * the one problem that stopped the parser. `depthBudget` lowers the nesting limit for a piece of a
 * larger text whose root sits that many levels down.
 */
export function composeYaml(text: string, depthBudget = MAX_NESTING_DEPTH): Document.Parsed[] | SyntaxProblem {
  try {
    // parseAllDocuments split in two, so the syntax tree's depth is checked before the recursive composer runs.
    const tokens = Array.from(new Parser().parse(text));
    const deep = tooDeep(tokens, depthBudget);
    if (deep !== undefined) {
      return { kind: 'TOO_LARGE', message: `The file nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; AppSpec files are checked up to that depth.`, start: deep, end: deep + 1 };
    }
    const documents = Array.from(new Composer(COMPOSER_OPTIONS).compose(tokens));
    for (const document of documents) keepDotsAsText(document);
    return documents;
  } catch (error) {
    // The parser recurses on nesting; pathological input must cost a diagnostic, not the process.
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'PARSER_FAILED', message: `The YAML parser gave up on this file: ${reason}`, start: 0, end: 0 };
  }
}

/** Ruby's loader speaks YAML 1.1; duplicate keys are the engine's own finding (the last one wins). */
export const COMPOSER_OPTIONS = { version: '1.1', uniqueKeys: false, strict: true } as const;

/** The offset of the first collection nested deeper than MAX_NESTING_DEPTH, found without recursion. */
function tooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  const pending: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === 'document') {
      if (token.value) pending.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= limit) return token.offset;
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item: CST.CollectionItem = token.items[i];
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * The `yaml` package's YAML 1.1 float pattern also matches a lone `.` (and `-.`, `._`), giving NaN;
 * Ruby's Psych, which the agent uses, keeps those as strings, and `source: .` is a common way to
 * say "the whole revision". Only `.nan` is meant as NaN.
 */
function keepDotsAsText(document: Document.Parsed): void {
  walkNodes(document, {
    scalar(node) {
      if (typeof node.value === 'number' && Number.isNaN(node.value) && typeof node.source === 'string' && !/^\.nan$/i.test(node.source)) {
        node.value = node.source;
      }
    },
  });
}

/** JSON.parse's complaint, located; YAML accepts things JSON does not (comments, trailing commas, bare words). */
function strictJsonProblems(text: string): SyntaxProblem[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return [];
  try {
    JSON.parse(body);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) + (body === text ? 0 : 1) : 0;
    return [{ kind: 'JSON', message: message.replace(/^JSON\.parse: /, ''), start: offset, end: Math.min(text.length, offset + 1) }];
  }
}
