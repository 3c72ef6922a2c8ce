import { isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import { PositionMap } from './positions';
import type { AppSpecFormat } from './types';

/** Beyond this size the text is not parsed: no AppSpec is this large, and parsing would stall the editor. */
export const MAX_PARSE_CHARACTERS = 2_000_000;

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
  const positions = new PositionMap(text);
  const base = { text, format, positions, extraDocuments: [] as Document.Parsed[] };

  if (text.length > MAX_PARSE_CHARACTERS) {
    return { ...base, document: undefined, problems: [{ kind: 'TOO_LARGE', message: `The file has ${text.length.toLocaleString('en-US')} characters; AppSpec files are checked up to ${MAX_PARSE_CHARACTERS.toLocaleString('en-US')}.`, start: 0, end: 0 }] };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return { ...base, document: undefined, problems: [{ kind: 'BINARY', message: 'The file holds binary data (a NUL byte); an AppSpec is YAML or JSON text.', start: nul, end: nul + 1 }] };
  }

  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: true }) as Document.Parsed[];
  } catch (error) {
    // The parser recurses on nesting; pathological input must cost a diagnostic, not the process.
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, document: undefined, problems: [{ kind: 'PARSER_FAILED', message: `The YAML parser gave up on this file: ${reason}`, start: 0, end: 0 }] };
  }
  if (!Array.isArray(documents)) documents = []; // an empty stream gives an EmptyStream marker

  const problems: SyntaxProblem[] = [];
  for (const document of documents) keepDotsAsText(document);
  for (const document of documents) {
    for (const error of document.errors) problems.push({ kind: error.code, message: error.message, start: error.pos[0], end: error.pos[1] });
  }
  if (format === 'json') problems.push(...strictJsonProblems(text));

  return { ...base, document: documents[0], extraDocuments: documents.slice(1), problems };
}

/**
 * The `yaml` package's YAML 1.1 float pattern also matches a lone `.` (and `-.`, `._`), giving NaN;
 * Ruby's Psych, which the agent uses, keeps those as strings, and `source: .` is a common way to
 * say "the whole revision". Only `.nan` is meant as NaN.
 */
function keepDotsAsText(document: Document.Parsed): void {
  visit(document, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'number' && Number.isNaN(node.value) && typeof node.source === 'string' && !/^\.nan$/i.test(node.source)) {
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
