import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../support/repo-root';
import { errorsCell, parseTable, type VerdictRow } from './table';
import { corpusDir, corpusFiles, verdictOf, type Verdict } from './verdict';

/**
 * The real-world corpus (288 AppSpecs from public repositories, ../shared/corpus/real): every
 * file's reviewed verdict (its error codes and detected platform) is recorded in verdicts.tsv
 * beside this test and must match the engine exactly. Regenerate a proposal with
 * scripts/corpus-verdicts.mjs; review every changed row by hand before accepting it.
 */

const TABLE = path.join(REPO_ROOT, 'test', 'server', 'appspec', 'corpus', 'verdicts.tsv');
const dir = corpusDir();

/** Everything a reviewer needs to judge a mismatch: the difference and every diagnostic with its place. */
function explain(file: string, row: VerdictRow, verdict: Verdict): string {
  const expected = new Set(row.errors);
  const actual = new Set(verdict.errors);
  const lines = [`${file} (verdicts.tsv line ${row.line}, "${row.note}")`];
  if (row.platform !== verdict.platform) lines.push(`  platform: table ${row.platform}, engine ${verdict.platform}`);
  const unexpected = verdict.errors.filter((code) => !expected.has(code));
  const missing = row.errors.filter((code) => !actual.has(code));
  if (unexpected.length || missing.length) {
    lines.push(`  errors: table ${errorsCell(row.errors)}, engine ${errorsCell(verdict.errors)}`);
    if (unexpected.length) lines.push(`    + reported but not in the table: ${unexpected.join(', ')}`);
    if (missing.length) lines.push(`    - in the table but not reported: ${missing.join(', ')}`);
  }
  lines.push('  diagnostics:');
  for (const d of verdict.diagnostics) lines.push(`    ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`);
  return lines.join('\n');
}

if (!fs.existsSync(dir)) {
  // A user's machine has no corpus beside the repository: say so, and count as pending, never as passed.
  console.warn(`\n!!! real-world corpus NOT CHECKED: ${dir} does not exist (clone shared/ beside the repository or set APPSPEC_CORPUS_DIR)\n`);
  describe('real-world corpus', () => {
    it(`is checked only where the corpus exists (missing: ${dir})`);
  });
} else {
  describe('real-world corpus', () => {
    const rows = parseTable(fs.readFileSync(TABLE, 'utf8'));
    const byFile = new Map(rows.map((row) => [row.file, row]));
    const files = corpusFiles(dir);

    it('has exactly one reviewed row per corpus file', () => {
      const duplicates = rows.filter((row, index) => rows.findIndex((other) => other.file === row.file) !== index).map((row) => `line ${row.line}: ${row.file}`);
      const unlisted = files.filter((file) => !byFile.has(file));
      const stale = rows.filter((row) => !files.includes(row.file)).map((row) => `line ${row.line}: ${row.file}`);
      const unreviewed = rows.filter((row) => row.note === '' || /^(UNREVIEWED|REVIEW\b)/.test(row.note)).map((row) => `line ${row.line}: ${row.file}`);
      assert.deepEqual({ duplicates, unlisted, stale, unreviewed }, { duplicates: [], unlisted: [], stale: [], unreviewed: [] });
    });

    it('lists each row\'s error codes sorted and unique, with `clean` for none', () => {
      const unsorted = rows.filter((row) => row.errors.join() !== [...new Set(row.errors)].sort().join() || row.errors.includes('clean'));
      assert.deepEqual(unsorted.map((row) => `line ${row.line}: ${row.file}`), []);
    });

    for (const file of files) {
      it(file, () => {
        const row = byFile.get(file);
        if (!row) assert.fail(`${file} has no row in verdicts.tsv (run node scripts/corpus-verdicts.mjs --write, then review it)`);
        const verdict = verdictOf(file, fs.readFileSync(path.join(dir, file), 'utf8'));
        const crashed = verdict.diagnostics.filter((d) => d.code === 'internal-error');
        assert.deepEqual(crashed.map((d) => d.message), [], `a rule crashed on ${file}`);
        const matches = row.platform === verdict.platform && errorsCell(row.errors) === errorsCell(verdict.errors);
        assert.ok(matches, explain(file, row, verdict));
      });
    }
  });
}
