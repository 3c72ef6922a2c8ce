import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlias, isCollection, isMap, isPair, isScalar } from 'yaml';
import { analyzeAppSpec } from '../../../../server/src/appspec/analyze';
import { IncrementalParser } from '../../../../server/src/appspec/incremental/incremental-parser';
import { formatFromPath, parseAppSpec, type ParsedAppSpec } from '../../../../server/src/appspec/parse';
import { mutate, seededRandom } from '../../../support/mutations';
import { corpusDir, corpusFiles } from '../corpus/verdict';

/**
 * Everything the engine reads of a parse: each node's kind, [start, end), value, source text,
 * style, tag and flow flag, the documents and the syntax problems. (Where trailing comments end,
 * range[2], is left out: nothing reads it, and a piece parsed alone cannot know the comments'
 * owner.)
 */
function shape(parsed: ParsedAppSpec): string {
  const node = (value: unknown): unknown => {
    if (isPair(value)) return { key: node(value.key), value: node(value.value) };
    if (isScalar(value)) return { scalar: [value.range?.slice(0, 2), value.value instanceof Date ? value.value.toISOString() : value.value, value.source, value.type, value.tag] };
    if (isCollection(value)) return { collection: [value.constructor.name, value.range?.slice(0, 2), value.flow, value.tag, value.items.map(node)] };
    if (isAlias(value)) return { alias: [value.range?.slice(0, 2), value.source] };
    return value ?? null;
  };
  return JSON.stringify({
    document: parsed.document ? [parsed.document.range.slice(0, 2), node(parsed.document.contents)] : null,
    extra: parsed.extraDocuments.length,
    problems: parsed.problems,
  });
}

/** Parses and validates `text` with the incremental parser and from scratch; both must agree exactly. */
function assertSameAsWholeParse(parser: IncrementalParser, text: string, label: string): void {
  const format = formatFromPath(label);
  const incremental = analyzeAppSpec(text, { format, parser });
  const whole = analyzeAppSpec(text, { format });
  assert.equal(shape(incremental.parsed), shape(parseAppSpec(text, format)), `${label}: the parse differs from a whole-text parse`);
  assert.deepEqual(incremental.diagnostics, whole.diagnostics, `${label}: the diagnostics differ from a whole-text parse`);
}

/** Edits that keep a document valid YAML more often than random typing does, so the piecewise path gets exercised. */
const EDIT_PIECES = ['|+\n', '>-\n', ' |+\n      kept\n\n', '  - location: scripts/new.sh\n', '    timeout: 30\n', ' # note', 'x', '\n', '  AfterInstall:\n    - location: a.sh\n', 'files:\n  - source: /\n    destination: /srv\n', '-', ':', ' ', '"', '&a ', '*a', '{', '[', '|\n'];

/** A long AppSpec: every lifecycle event with many scripts, many files and permissions entries. */
function longAppSpec(entries: number): string {
  const lines = ['version: 0.0', 'os: linux', 'files:'];
  for (let i = 0; i < entries; i++) lines.push(`  - source: build/part${i}`, `    destination: /srv/app/part${i}`);
  lines.push('permissions:');
  for (let i = 0; i < entries; i++) lines.push(`  - object: /srv/app/part${i}`, '    owner: app', `    mode: ${i % 7 === 0 ? '0644' : '644'}`, '    type: [file]');
  lines.push('hooks:');
  for (const event of ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService']) {
    lines.push(`  ${event}:`);
    for (let i = 0; i < entries / 5; i++) lines.push(`    - location: scripts/${event}-${i}.sh`, '      timeout: 60');
  }
  return `${lines.join('\n')}\n`;
}

describe('IncrementalParser', () => {
  it('parses a long AppSpec piece by piece after edits at its top, middle and end, exactly as a whole-text parse', () => {
    const text = longAppSpec(200);
    const lines = text.split('\n');
    const parser = new IncrementalParser();
    assertSameAsWholeParse(parser, text, 'appspec.yml');
    assert.equal(parser.lastParse, 'pieces');
    for (const line of [0, 1, 3, 250, 401, 402, 900, 1200, lines.length - 3, lines.length - 2]) {
      const edited = lines.slice();
      edited[line] = `${edited[line]} # edited`;
      assertSameAsWholeParse(parser, edited.join('\n'), `appspec.yml, line ${line + 1} edited`);
      assert.equal(parser.lastParse, 'pieces', `line ${line + 1}`);
    }
    // Lines inserted and removed move every later piece.
    const inserted = lines.slice();
    inserted.splice(5, 0, '  - source: extra', '    destination: /srv/extra');
    assertSameAsWholeParse(parser, inserted.join('\n'), 'appspec.yml, an item inserted');
    assertSameAsWholeParse(parser, lines.slice(0, 3).concat(lines.slice(5)).join('\n'), 'appspec.yml, an item removed');
    assert.equal(parser.lastParse, 'pieces');
  });

  it('parses the rest of the text in one go from a top-level entry with a syntax error, and the whole text for anchors, several documents or JSON', () => {
    const text = longAppSpec(20);
    const parser = new IncrementalParser();
    for (const [what, edited, label, expected] of [
      ['a syntax error in files', text.replace('  - source: build/part3\n', '  - source: "build/part3\n'), 'appspec.yml', 'pieces and rest'],
      ['a syntax error in the last hook', text.replace(/timeout: 60\n$/, 'timeout: [60\n'), 'appspec.yml', 'pieces and rest'],
      ['a syntax error in the first entry', `version: "0.0\n${text.slice(text.indexOf('\n') + 1)}`, 'appspec.yml', 'whole'],
      ['an alias to an anchor in another piece', text.replace('owner: app', 'owner: &owner app').replace(/owner: app\n/g, (match, offset: number) => (offset > text.length / 2 ? 'owner: *owner\n' : match)), 'appspec.yml', 'whole'],
      ['a second document', `${text}---\nversion: 0.0\n`, 'appspec.yml', 'whole'],
      ['JSON', '{\n  "version": 0.0,\n  "os": "linux"\n}\n', 'appspec.json', 'whole'],
    ] as const) {
      assertSameAsWholeParse(parser, text, 'appspec.yml');
      assert.equal(parser.lastParse, 'pieces');
      assertSameAsWholeParse(parser, edited, label);
      assert.equal(parser.lastParse, expected, what);
    }
    assertSameAsWholeParse(parser, text, 'appspec.yml');
    assert.equal(parser.lastParse, 'pieces');
  });

  it('keeps the pieces after a broken entry while it is broken, and reuses them once it is fixed', () => {
    const text = longAppSpec(100);
    const parser = new IncrementalParser();
    assertSameAsWholeParse(parser, text, 'appspec.yml');
    const firstHook = () => {
      const root = parser.parse(text, 'yaml').document?.contents;
      const hooks = isMap(root) ? root.get('hooks', true) : undefined;
      return isMap(hooks) ? hooks.items[0] : undefined;
    };
    const before = firstHook();
    assert.ok(before);
    const broken = text.replace('  - source: build/part3\n', '  - source: "build/part3\n');
    for (const typed of ['', ' ', '  ']) {
      assertSameAsWholeParse(parser, broken.replace('version: 0.0', `version: 0.0${typed}`), 'appspec.yml, still broken');
      assert.equal(parser.lastParse, 'pieces and rest');
    }
    assertSameAsWholeParse(parser, text, 'appspec.yml, fixed');
    assert.equal(parser.lastParse, 'pieces');
    assert.equal(firstHook(), before, 'the hooks after the broken entry were reused, not parsed again');
  });

  it('reports the same diagnostics as a whole-text parse for an alias whose anchor is in another piece', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall: &install\n    - location: a.sh\n  AfterInstall: *install\n';
    const parser = new IncrementalParser();
    assertSameAsWholeParse(parser, text, 'appspec.yml');
    assert.ok(analyzeAppSpec(text, { parser }).diagnostics.some((diagnostic) => diagnostic.code === 'yaml-alias'));
  });

  describe('on the real-world corpus, edited at random', () => {
    const dir = corpusDir();
    if (!fs.existsSync(dir)) {
      it(`is checked only where the corpus exists (missing: ${dir})`);
      return;
    }
    it('gives every file and every edit of it (12 per file, seeded) the parse and diagnostics of a whole-text parse', function () {
      this.timeout(120_000);
      const next = seededRandom(2026);
      let piecewise = 0;
      let cleanYaml = 0;
      let restParsed = 0;
      for (const file of corpusFiles(dir)) {
        const original = fs.readFileSync(path.join(dir, file), 'utf8');
        const parser = new IncrementalParser();
        let text = original;
        for (let edit = 0; edit <= 12; edit++) {
          assertSameAsWholeParse(parser, text, `${file} after ${edit} edit(s)`);
          const parsed = parseAppSpec(text, formatFromPath(file));
          if (parsed.format === 'yaml' && parsed.problems.length === 0) {
            cleanYaml++;
            if (parser.lastParse === 'pieces') piecewise++;
          }
          if (parser.lastParse === 'pieces and rest') restParsed++;
          // Broken text goes back to the file as it was, as a person fixes a typo, so the parser
          // meets its pieces again after a whole-text parse.
          text = parsed.problems.length > 0 && next() < 0.5 ? original : mutate(text, next, EDIT_PIECES);
        }
      }
      // The test must exercise the piecewise path, not fall back every time.
      assert.ok(piecewise > cleanYaml * 0.6, `only ${piecewise} of ${cleanYaml} clean YAML versions were parsed piece by piece`);
      assert.ok(restParsed > 200, `only ${restParsed} broken versions were parsed from their broken entry on`);
    });
  });
});
