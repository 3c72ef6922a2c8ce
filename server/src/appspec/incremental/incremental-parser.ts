import { Document, isMap, isSeq, Pair, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { COMPOSER_OPTIONS, composeYaml, MAX_NESTING_DEPTH, parseAppSpec, refuseUnreadable, type ParsedAppSpec, type SyntaxProblem } from '../parse';
import { PositionMap } from '../positions';
import type { AppSpecFormat } from '../types';
import { walkNodes } from '../yaml-nodes';
import { moveNodes } from './move-nodes';
import { splitTopLevel, type TextSpan, type TopLevelEntry } from './split-blocks';

/** Turns AppSpec text into the parse result analyzeAppSpec works on. */
export interface AppSpecParser {
  parse(text: string, format: AppSpecFormat): ParsedAppSpec;
}

/** A piece of the text parsed on its own: a one-item block mapping or list, placed at `start`. */
interface Piece {
  /** Its text, also its key in the cache. */
  text: string;
  start: number;
  collection: YAMLMap | YAMLSeq;
  /** The piece's document range, placed like the collection. */
  documentRange: [number, number, number];
}

/**
 * Parses successive versions of one document, re-parsing only the top-level entries and the items
 * of top-level lists and mappings (a `files:` entry, a hook event) whose text changed, and reusing
 * the nodes of the others, moved to where they now are. The result is the one parseAppSpec gives
 * for the whole text (the tests hold it to that, node by node; only where trailing comments end,
 * range[2], which the engine never reads, may differ). From a top-level entry that does not parse
 * cleanly on, the rest of the text is parsed in one go; when even that cannot be guaranteed
 * (anchors or aliases, directives, several documents, anything but keys at column 0, a broken first
 * entry, JSON) the whole text is parsed.
 *
 * Reused nodes are moved in place rather than copied (copying a 5,000-line tree costs more than
 * the parse it saves), so a result is valid until the next parse: one parser per open document,
 * whose only reader is the analysis of its latest version.
 */
export class IncrementalParser implements AppSpecParser {
  /** Pieces of the last piecewise parse, by their text; the same text may occur twice. */
  private pieces = new Map<string, Piece[]>();
  /**
   * How the last text was parsed, for tests and the benchmark: from pieces; from the pieces before
   * the first top-level entry that does not parse cleanly and the rest of the text in one go; whole.
   */
  lastParse: 'pieces' | 'pieces and rest' | 'whole' = 'whole';

  parse(text: string, format: AppSpecFormat): ParsedAppSpec {
    const result = format === 'yaml' && !refuseUnreadable(text) ? this.tryPieces(text) : undefined;
    this.lastParse = result ? (result.rest ? 'pieces and rest' : 'pieces') : 'whole';
    if (!result) return parseAppSpec(text, format);
    return { text, format, positions: new PositionMap(text), document: result.document, extraDocuments: [], problems: result.problems };
  }

  /** A shortcut must never cost the diagnostics: whatever goes wrong, the whole text is parsed. */
  private tryPieces(text: string): PiecewiseParse | undefined {
    try {
      return this.parsePieces(text);
    } catch {
      this.pieces = new Map();
      return undefined;
    }
  }

  private parsePieces(text: string): PiecewiseParse | undefined {
    const entries = splitTopLevel(text);
    if (!entries) return undefined;
    const reader = new PieceReader(text, this.pieces);
    const document = new Document(undefined, COMPOSER_OPTIONS) as Document.Parsed;
    const pairs: Pair[] = [];
    let first: Piece | undefined;
    let last: Piece | undefined;
    let rest: RestOfText | undefined;
    for (const entry of entries) {
      const read = readEntry(entry, reader, document);
      if (!read) {
        // Everything before this entry parsed cleanly and ends where its key line starts, so the
        // rest of the text parses on its own exactly as within the whole (errors included).
        rest = first ? parseRest(text, entry.start) : undefined;
        if (!rest) return undefined;
        pairs.push(...(rest.map.items as Pair[]));
        break;
      }
      pairs.push(read.pair);
      first ??= read.first;
      last = read.last;
    }
    if (!first || !last) return undefined;
    const root = new YAMLMap(document.schema);
    root.items = pairs;
    // As the composer does: a block mapping ends where its last value's trailing comments end.
    // (The rest of the text is the same mapping continued, so it knows where that ends.)
    const lastPair = pairs[pairs.length - 1];
    const end = ((lastPair.value ?? lastPair.key) as Node).range?.[2] ?? 0;
    root.range = [first.collection.range?.[0] ?? 0, rest?.map.range?.[1] ?? end, rest?.map.range?.[2] ?? end];
    document.contents = root as YAMLMap.Parsed;
    document.range = rest ? [first.documentRange[0], rest.documentRange[1], rest.documentRange[2]] : [first.documentRange[0], end, last.documentRange[2]];
    // With a broken rest, its pieces from the last clean parse are kept for when it is fixed.
    this.pieces = rest ? reader.keptWithUnusedFrom(rest.start) : reader.kept;
    return { document, problems: rest?.problems ?? [], rest: rest !== undefined };
  }
}

interface PiecewiseParse {
  document: Document.Parsed;
  problems: SyntaxProblem[];
  /** True when the text from some top-level entry on was parsed in one go. */
  rest: boolean;
}

/** One top-level entry as a pair, from its piece or from its header's key and its items' pieces. */
function readEntry(entry: TopLevelEntry, reader: PieceReader, document: Document.Parsed): { pair: Pair; first: Piece; last: Piece } | undefined {
  if (!entry.items) {
    const piece = reader.read(entry, 'map');
    return piece ? { pair: piece.collection.items[0] as Pair, first: piece, last: piece } : undefined;
  }
  const header = reader.read(entry.items.header, 'map');
  if (!header) return undefined;
  const kind = entry.items.kind;
  const items: Piece[] = [];
  for (const span of entry.items.list) {
    const item = reader.read(span, kind);
    if (!item) return undefined;
    items.push(item);
  }
  const key = (header.collection.items[0] as Pair).key;
  return { pair: new Pair(key, joined(items, kind, document)), first: header, last: items[items.length - 1] };
}

/** The text from one top-level key to the end, parsed on its own and placed at `start`. */
interface RestOfText {
  start: number;
  map: YAMLMap;
  documentRange: [number, number, number];
  problems: SyntaxProblem[];
}

function parseRest(text: string, start: number): RestOfText | undefined {
  const rest = text.slice(start);
  const documents = composeYaml(rest, MAX_NESTING_DEPTH);
  if (!Array.isArray(documents) || documents.length !== 1) return undefined;
  const [document] = documents;
  const map = document.contents as Node | null;
  if (!isMap(map) || map.flow || !document.range) return undefined;
  // An alias may name an anchor before the rest; the whole text decides.
  if ((rest.includes('&') || rest.includes('*')) && hasAnchorOrAlias(map)) return undefined;
  moveNodes(map, start);
  const [from, contentEnd, end] = document.range;
  const problems = document.errors.map((error) => ({ kind: error.code, message: error.message, start: error.pos[0] + start, end: error.pos[1] + start }));
  return { start, map, documentRange: [from + start, contentEnd + start, end + start], problems };
}

/** One block collection holding the single item of each piece, spanning them all. */
function joined(items: Piece[], kind: 'seq' | 'map', document: Document.Parsed): YAMLMap | YAMLSeq {
  const collection = kind === 'seq' ? new YAMLSeq(document.schema) : new YAMLMap(document.schema);
  collection.items = items.map((item) => item.collection.items[0]) as never;
  const start = items[0].collection.range;
  const end = items[items.length - 1].collection.range;
  collection.range = [start?.[0] ?? 0, end?.[1] ?? 0, end?.[2] ?? 0];
  return collection;
}

/** Reads pieces of one text: from the previous parse when the same text was there, else parsed anew. */
class PieceReader {
  /** The pieces this parse used, which the next parse may reuse. */
  readonly kept = new Map<string, Piece[]>();
  /** Pieces of the previous parse already placed in this one (a node tree sits in one place only). */
  private readonly taken = new Set<Piece>();

  /** The previous parse's pieces by where they were, for the usual case: same text, same place. */
  private readonly byStart = new Map<number, Piece>();
  /** Per text, how far its list of earlier pieces has been used (a text may occur thousands of times). */
  private readonly cursors = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly previous: Map<string, Piece[]>,
  ) {
    for (const pieces of previous.values()) for (const piece of pieces) if (!this.byStart.has(piece.start)) this.byStart.set(piece.start, piece);
  }

  read(span: TextSpan, kind: 'seq' | 'map'): Piece | undefined {
    const text = this.text.slice(span.start, span.end);
    const piece = this.reuse(text, span.start) ?? parsePiece(text, span.start, kind);
    if (!piece) return undefined;
    const kept = this.kept.get(text);
    if (kept) kept.push(piece);
    else this.kept.set(text, [piece]);
    return piece;
  }

  /** The pieces used, plus those of the previous parse from `start` on that this one did not reach. */
  keptWithUnusedFrom(start: number): Map<string, Piece[]> {
    const result = new Map(this.kept);
    for (const [text, pieces] of this.previous) {
      const unused = pieces.filter((piece) => !this.taken.has(piece) && piece.start >= start);
      if (unused.length > 0) result.set(text, [...(result.get(text) ?? []), ...unused]);
    }
    return result;
  }

  private reuse(text: string, start: number): Piece | undefined {
    const piece = this.unusedAt(text, start) ?? this.nextUnused(text);
    if (!piece) return undefined;
    this.taken.add(piece);
    // The piece and its nodes move together, so the cache stays true even if this parse falls back.
    const delta = start - piece.start;
    moveNodes(piece.collection, delta);
    piece.start = start;
    for (let i = 0; i < 3; i++) piece.documentRange[i] += delta;
    return piece;
  }

  private unusedAt(text: string, start: number): Piece | undefined {
    const piece = this.byStart.get(start);
    return piece && piece.text === text && !this.taken.has(piece) ? piece : undefined;
  }

  private nextUnused(text: string): Piece | undefined {
    const pieces = this.previous.get(text);
    if (!pieces) return undefined;
    let next = this.cursors.get(text) ?? 0;
    while (next < pieces.length && this.taken.has(pieces[next])) next++;
    this.cursors.set(text, next + 1);
    return pieces[next];
  }
}

/**
 * Parses one piece on its own; undefined unless it is exactly what the whole-text parse would
 * make of those lines: one document, no errors or warnings, a one-item block collection of the
 * expected kind, and no anchors or aliases (which reach across pieces).
 */
function parsePiece(text: string, start: number, kind: 'seq' | 'map'): Piece | undefined {
  // A piece's root sits two levels down at most (top-level mapping, then its value).
  const documents = composeYaml(text, MAX_NESTING_DEPTH - 2);
  if (!Array.isArray(documents) || documents.length !== 1) return undefined;
  const [document] = documents;
  if (document.errors.length > 0 || document.warnings.length > 0 || !document.range) return undefined;
  const contents = document.contents as Node | null;
  const collection = kind === 'seq' ? (isSeq(contents) ? contents : undefined) : isMap(contents) ? contents : undefined;
  if (!collection || collection.flow || collection.items.length !== 1) return undefined;
  if ((text.includes('&') || text.includes('*')) && hasAnchorOrAlias(collection)) return undefined;
  moveNodes(collection, start);
  const [from, contentEnd, end] = document.range;
  return { text, start, collection, documentRange: [from + start, contentEnd + start, end + start] };
}

function hasAnchorOrAlias(node: Node): boolean {
  let found = false;
  const noteAnchor = (visited: Node) => {
    if (visited.anchor) found = true;
  };
  walkNodes(node, { scalar: noteAnchor, map: noteAnchor, seq: noteAnchor, alias: () => (found = true) });
  return found;
}
