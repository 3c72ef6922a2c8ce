import { IncrementalParser } from '../../server/src/appspec/incremental/incremental-parser';
import { parseAppSpec } from '../../server/src/appspec/parse';
import type { BenchModule, BenchRow } from '../bench-row';
import { compare } from '../timing';
import { generateAppSpec } from './appspec-texts';

/** A re-parse after one edit may cost at most this share of a whole parse of the same text. */
const MAX_SHARE = 0.2;

/** Two versions that differ in one line (and in length, so later pieces move), parsed in turn: each call meets an edit. */
function ratioRows(label: string, a: string, b: string, target: boolean): BenchRow[] {
  const parser = new IncrementalParser();
  let turn = 0;
  const { subjectMs, referenceMs, ratio } = compare(() => parser.parse(turn++ % 2 === 0 ? a : b, 'yaml'), () => parseAppSpec(b), { warmup: 10, rounds: 21, batch: 2 });
  return [
    { name: `${label}: whole parse (median CPU time)`, value: referenceMs, unit: 'ms' },
    { name: `${label}: incremental re-parse after one edit (median CPU time)`, value: subjectMs, unit: 'ms', note: `parsed ${parser.lastParse}` },
    { name: `${label}: incremental / whole`, value: ratio, unit: '×', ...(target ? { target: `≤ ${MAX_SHARE}×`, ok: ratio <= MAX_SHARE } : {}) },
  ];
}

/** One line of `text` changed: a comment typed at the end of the line `at` (0..1 of the way down). */
function edited(text: string, at: number, comment: string): string {
  const lines = text.split('\n');
  const line = Math.floor(at * (lines.length - 1));
  lines[line] = `${lines[line]} # ${comment}`;
  return lines.join('\n');
}

/** What the language server's per-document parser saves on each keystroke. */
export const incrementalParseBench: BenchModule = {
  name: 'engine-incremental',
  async run() {
    const large = generateAppSpec(5_000);
    const identical = `version: 0.0\nos: linux\nfiles:\n${'  - source: build\n    destination: /srv\n'.repeat(3_000)}`;
    const broken = large.replace(/timeout: (\d+)\n(?![\s\S]*timeout:)/, 'timeout: [$1\n');
    return [
      ...ratioRows('generated 5,000-line AppSpec, an edit in the middle', edited(large, 0.5, 'a'), edited(large, 0.5, 'bb'), true),
      ...ratioRows('3,000 identical files entries, an edit at the top', edited(identical, 0, 'a'), edited(identical, 0, 'bb'), true),
      ...ratioRows('generated 5,000-line AppSpec with a syntax error in its last hook', edited(broken, 0.5, 'a'), edited(broken, 0.5, 'bb'), false),
    ];
  },
};
