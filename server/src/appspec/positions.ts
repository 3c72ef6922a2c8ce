import type { Position, Range } from './types';

/** Maps string offsets to LSP positions for one text, in O(log lines) per lookup. */
export class PositionMap {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // \r\n counts once; a lone \r is a line break in YAML too.
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offset(position: Position): number {
    const lineStart = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return Math.min(lineStart + position.character, this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The range of [start, end) without trailing spaces and line breaks (block nodes end on the next line). */
  trimmedRange(start: number, end: number): Range {
    let trimmedEnd = end;
    while (trimmedEnd > start && /\s/.test(this.text[trimmedEnd - 1])) trimmedEnd--;
    return this.range(start, trimmedEnd);
  }

  /** The offset where `needle` last starts before `offset` on the same line, or -1. */
  lastIndexOnLine(needle: string, offset: number): number {
    const lineStart = this.lineStarts[this.position(offset).line];
    const found = this.text.lastIndexOf(needle, offset);
    return found >= lineStart ? found : -1;
  }

  /** The whole of line `line`, without its line break. */
  lineRange(line: number): Range {
    const start = this.lineStarts[line] ?? this.text.length;
    let end = this.lineStarts[line + 1] ?? this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.range(start, end);
  }
}
