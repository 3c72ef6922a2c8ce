// Proposes the corpus verdict table (test/server/appspec/corpus/verdicts.tsv) from the current engine.
// usage: npx tsc -b && node scripts/corpus-verdicts.mjs [--write | --update]
//   (no flag)  print the engine's proposal for every corpus file and list where it differs from the table
//   --write    add rows for new corpus files (note "UNREVIEWED"), drop rows of files that are gone;
//              reviewed verdicts are kept even where the engine now disagrees
//   --update   like --write, but also replace disagreeing verdicts with the engine's, noted "REVIEW (was …)"
// The corpus folder is ../shared/corpus/real beside the repository, or $APPSPEC_CORPUS_DIR.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const compiled = path.join(root, 'out', 'test', 'server', 'appspec', 'corpus');
if (!fs.existsSync(path.join(compiled, 'verdict.js'))) {
  console.error('build first: npx tsc -b (this script uses the compiled engine and test helpers)');
  process.exit(2);
}
const { corpusDir, corpusFiles, verdictOf } = require(path.join(compiled, 'verdict.js'));
const { TABLE_HEADER, errorsCell, formatRow, parseTable } = require(path.join(compiled, 'table.js'));

const mode = process.argv.includes('--update') ? 'update' : process.argv.includes('--write') ? 'write' : 'print';
const tablePath = path.join(root, 'test', 'server', 'appspec', 'corpus', 'verdicts.tsv');
const dir = corpusDir();
if (!fs.existsSync(dir)) {
  console.error(`corpus folder not found: ${dir} (set APPSPEC_CORPUS_DIR)`);
  process.exit(2);
}

const existing = new Map(fs.existsSync(tablePath) ? parseTable(fs.readFileSync(tablePath, 'utf8')).map((row) => [row.file, row]) : []);
const rows = [];
const differences = [];
for (const file of corpusFiles(dir)) {
  const verdict = verdictOf(file, fs.readFileSync(path.join(dir, file), 'utf8'));
  const proposed = { file, platform: verdict.platform, errors: verdict.errors };
  const old = existing.get(file);
  existing.delete(file);
  if (!old) {
    rows.push({ ...proposed, note: 'UNREVIEWED' });
    differences.push(`new   ${file}: ${verdict.platform} ${errorsCell(verdict.errors)}`);
    continue;
  }
  const same = old.platform === proposed.platform && errorsCell(old.errors) === errorsCell(proposed.errors);
  if (same) rows.push(old);
  else {
    differences.push(`diff  ${file}: table ${old.platform} ${errorsCell(old.errors)} / engine ${proposed.platform} ${errorsCell(proposed.errors)}`);
    rows.push(mode === 'update' ? { ...proposed, note: `REVIEW (was ${old.platform} ${errorsCell(old.errors)}): ${old.note}` } : old);
  }
}
for (const file of existing.keys()) differences.push(`gone  ${file}: no such corpus file`);

const header = [
  '# Reviewed verdicts for every file of the real-world AppSpec corpus (../shared/corpus/real).',
  '# errors: the codes the engine must report at severity error (sorted, unique), or clean; revision checks off.',
  '# platform: the platform the engine detects, or - when it builds no model (does not parse, not an AppSpec).',
  '# note: why, checked by hand against appspec-rules.md and the corpus README. Regenerate: node scripts/corpus-verdicts.mjs',
  TABLE_HEADER.join('\t'),
];
const table = `${[...header, ...rows.map(formatRow)].join('\n')}\n`;
if (mode === 'print') process.stdout.write(table);
else fs.writeFileSync(tablePath, table);
console.error(differences.length ? differences.join('\n') : 'the table matches the engine');
console.error(`${rows.length} files, ${rows.filter((row) => row.errors.length === 0).length} clean, ${differences.length} difference(s)${mode === 'print' ? '' : `; written ${path.relative(root, tablePath)}`}`);
