import type { PlatformCell } from './verdict';

/**
 * The verdict table (verdicts.tsv): one row per corpus file, tab-separated
 * `file  platform  errors  note`, where errors is `clean` or the sorted, unique error codes
 * joined by commas. Lines starting with # are comments.
 */

export interface VerdictRow {
  file: string;
  platform: PlatformCell;
  errors: string[];
  note: string;
  /** 1-based line in the table, for messages. */
  line: number;
}

export const TABLE_HEADER = ['file', 'platform', 'errors', 'note'];
const PLATFORMS: readonly string[] = ['ec2', 'ecs', 'lambda', '-'];

/** Parses the table; a malformed line throws with its line number, so a bad edit fails loudly. */
export function parseTable(text: string): VerdictRow[] {
  const rows: VerdictRow[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (cells.join('\t') === TABLE_HEADER.join('\t')) continue;
    if (cells.length !== 4) throw new Error(`verdicts.tsv line ${line}: expected 4 tab-separated cells, found ${cells.length}`);
    const [file, platform, errors, note] = cells;
    if (!PLATFORMS.includes(platform)) throw new Error(`verdicts.tsv line ${line}: platform must be one of ${PLATFORMS.join(', ')}, found "${platform}"`);
    rows.push({ file, platform: platform as PlatformCell, errors: errors === 'clean' ? [] : errors.split(','), note: note.trim(), line });
  }
  return rows;
}

/** The errors cell: `clean`, or the codes joined by commas. */
export function errorsCell(errors: readonly string[]): string {
  return errors.length === 0 ? 'clean' : errors.join(',');
}

/** One table line (no line break). */
export function formatRow(row: Pick<VerdictRow, 'file' | 'platform' | 'errors' | 'note'>): string {
  return [row.file, row.platform, errorsCell(row.errors), row.note.replace(/[\t\r\n]+/g, ' ')].join('\t');
}
