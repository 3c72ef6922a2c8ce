import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeAppSpec, validateAppSpec } from '../../../server/src/appspec/analyze';
import { MAX_NESTING_DEPTH, MAX_PARSE_CHARACTERS } from '../../../server/src/appspec/parse';
import { PositionMap } from '../../../server/src/appspec/positions';
import type { AppSpecDiagnostic, AppSpecFormat } from '../../../server/src/appspec/types';
import { nodeFileAccess } from '../../../server/src/fs/node-file-access';
import { mutate, seededRandom } from '../../support/mutations';

/**
 * Input an editor, a CLI run or an attacker can hand the engine. Every case goes through both
 * entry points, from bytes on disk as the server and the CLI read them, and must give located
 * diagnostics without throwing. "Bounded time" is asserted only by finishing within mocha's
 * timeout (30 s, .mocharc.json), which catches hangs and exponential blow-ups; speed is the
 * benchmark's job (npm run bench).
 */

interface Outcome {
  text: string;
  diagnostics: AppSpecDiagnostic[];
}

let revision: string;

before(() => {
  revision = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-hostile-'));
  fs.mkdirSync(path.join(revision, 'scripts'));
  fs.writeFileSync(path.join(revision, 'scripts', 'start.sh'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
});

after(() => fs.rmSync(revision, { recursive: true, force: true }));

/** Writes the bytes as the revision's AppSpec, reads them back as UTF-8 and runs analyze and validate on them. */
async function run(bytes: Buffer | string, format: AppSpecFormat = 'yaml'): Promise<Outcome> {
  const file = path.join(revision, format === 'json' ? 'appspec.json' : 'appspec.yml');
  fs.writeFileSync(file, bytes);
  const text = fs.readFileSync(file, 'utf8');
  const analyzed = analyzeAppSpec(text, { format }).diagnostics;
  const validated = (await validateAppSpec(text, { format, files: nodeFileAccess(revision) })).diagnostics;
  // validate is analyze plus revision checks, so it must start with exactly analyze's findings.
  assert.deepEqual(validated.slice(0, analyzed.length), analyzed, 'validateAppSpec must begin with analyzeAppSpec\'s diagnostics');
  for (const diagnostics of [analyzed, validated]) assertLocated(text, diagnostics);
  return { text, diagnostics: validated };
}

/** Every diagnostic points inside the text, start before end, and no rule crashed. */
function assertLocated(text: string, diagnostics: AppSpecDiagnostic[]): void {
  const positions = new PositionMap(text);
  const crashed = diagnostics.filter((d) => d.code === 'internal-error');
  assert.deepEqual(crashed, [], 'a rule crashed');
  for (const { code, range } of diagnostics) {
    const start = positions.offset(range.start);
    const end = positions.offset(range.end);
    assert.ok(range.start.line < positions.lineCount && range.end.line < positions.lineCount, `${code}: line outside the text`);
    assert.deepEqual(positions.position(start), range.start, `${code}: start ${JSON.stringify(range.start)} is not a position of the text`);
    assert.deepEqual(positions.position(end), range.end, `${code}: end ${JSON.stringify(range.end)} is not a position of the text`);
    assert.ok(start <= end, `${code}: range ends before it starts`);
  }
}

function codesOf(outcome: Outcome): string[] {
  return [...new Set(outcome.diagnostics.map((d) => d.code))].sort();
}

function only(outcome: Outcome, code: string): AppSpecDiagnostic {
  assert.deepEqual(codesOf(outcome), [code], JSON.stringify(outcome.diagnostics, null, 1));
  assert.equal(outcome.diagnostics.length, 1);
  return outcome.diagnostics[0];
}

function at(diagnostic: AppSpecDiagnostic): [number, number] {
  return [diagnostic.range.start.line, diagnostic.range.start.character];
}

/** `count` copies of `make(i)` joined, built without string concatenation in a loop. */
function repeat(count: number, make: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => make(i)).join('');
}

describe('hostile input', () => {
  describe('empty and comment-only files', () => {
    for (const [name, bytes] of [
      ['an empty file', ''],
      ['only line breaks (CRLF)', '\r\n\r\n\r\n'],
      ['only comments', '# appspec.yml\n# TODO: fill in\n   # indented comment\n'],
      ['only a BOM and a comment', '\uFEFF# nothing yet'],
      ['only document markers', '---\n...\n'],
    ] as const) {
      it(`reports ${name} as empty at the start`, async () => {
        assert.deepEqual(at(only(await run(bytes), 'empty-document')), [0, 0]);
      });
    }

    it('reports an empty appspec.json as empty', async () => {
      assert.deepEqual(at(only(await run('', 'json'), 'empty-document')), [0, 0]);
    });
  });

  describe('binary and non-UTF-8 bytes', () => {
    it('reports a PNG saved as appspec.yml as binary where the first NUL byte is', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      const found = only(await run(png), 'binary-file');
      assert.deepEqual(at(found), [2, 0]); // after the header's \r\n and \x1a\n the NUL starts line 2
    });

    it('reports an AppSpec saved as UTF-16 (Windows "Unicode") as binary', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 0.0\r\nos: windows\r\n', 'utf16le')]);
      only(await run(utf16), 'binary-file');
    });

    it('reads Latin-1 bytes as replacement characters and still checks the file', async () => {
      const latin1 = Buffer.from('version: 0.0\nos: linux\n# d\xe9ploiement \xa9 soci\xe9t\xe9\nhooks:\n  BeforeInstall:\n    - location: scripts/start.sh\n', 'latin1');
      const outcome = await run(latin1);
      assert.ok(outcome.text.includes('\uFFFD'), 'the invalid bytes decode to U+FFFD');
      assert.deepEqual(outcome.diagnostics.filter((d) => d.severity === 'error'), []);
    });

    it('locates an error after invalid UTF-8 and a lone surrogate on the same line', async () => {
      const bytes = Buffer.concat([Buffer.from('version: 0.0\nos: linux\n# \xff\xfe ', 'latin1'), Buffer.from('\uD800 ok\nsurprise: [1, 2\n')]);
      const outcome = await run(bytes);
      assert.ok(outcome.diagnostics.some((d) => d.code === 'yaml-syntax' && d.range.start.line >= 3), JSON.stringify(outcome.diagnostics));
    });

    it('reports control characters in appspec.json as JSON errors, not a crash', async () => {
      const outcome = await run('{"version": 0.0, "os": "linux\u0007", "\u001b[31m": 1}', 'json');
      assert.ok(codesOf(outcome).includes('json-syntax'), JSON.stringify(outcome.diagnostics));
    });
  });

  describe('size', () => {
    it('refuses a 10 MB file without parsing it, at the start of the file', async () => {
      const huge = `version: 0.0\nos: linux\nfiles:\n${repeat(200_000, (i) => `  - source: build/output/part-${i}\n    destination: /var/www/app\n`)}`;
      assert.ok(huge.length > 10_000_000 && huge.length > MAX_PARSE_CHARACTERS);
      const found = only(await run(huge), 'file-too-large');
      assert.deepEqual(at(found), [0, 0]);
      assert.match(found.message, /characters/);
    });

    it('refuses a 10 MB single line (a minified or generated blob)', async () => {
      only(await run(`{"version": 0.0, "blob": "${'A'.repeat(10 * 1024 * 1024)}"}`, 'json'), 'file-too-large');
    });

    it('checks a file of exactly MAX_PARSE_CHARACTERS and refuses one character more', async () => {
      const head = 'version: 0.0\nos: linux\n# ';
      const atLimit = `${head}${'x'.repeat(MAX_PARSE_CHARACTERS - head.length - 1)}\n`;
      assert.equal(atLimit.length, MAX_PARSE_CHARACTERS);
      assert.deepEqual((await run(atLimit)).diagnostics, []);
      only(await run(`${atLimit}\n`), 'file-too-large');
    });

    it('validates a realistic 100,000-line AppSpec and locates a problem on its last line', async () => {
      const scripts = repeat(33_332, (i) => `    - location: scripts/start.sh\n      timeout: ${30 + (i % 60)}\n      runas: root\n`);
      const text = `version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n${scripts}deploy_notes: last line\n`;
      assert.equal(text.split('\n').length - 1, 100_001);
      assert.ok(text.length < MAX_PARSE_CHARACTERS, 'a 100,000-line AppSpec is within the parse limit');
      const outcome = await run(text);
      assert.ok(!codesOf(outcome).includes('file-too-large'));
      const unknown = outcome.diagnostics.filter((d) => d.code === 'unknown-key');
      assert.equal(unknown.length, 1, JSON.stringify(outcome.diagnostics.slice(0, 5)));
      assert.deepEqual(at(unknown[0]), [100_000, 0]);
    });

    it('checks a 100,000-line file of comments and blank lines as the AppSpec it ends with', async () => {
      const text = `${repeat(50_000, (i) => `# note ${i}\n\n`)}version: 0.0\nos: linux\n`;
      assert.deepEqual((await run(text)).diagnostics, []);
    });
  });

  describe('nesting', () => {
    const depth = 1_000;
    const cases: Array<[string, string, AppSpecFormat, [number, number]]> = [
      ['flow sequences [[[[…]]]]', `${'['.repeat(depth)}${']'.repeat(depth)}`, 'yaml', [0, MAX_NESTING_DEPTH]],
      ['unclosed flow sequences [[[[…', '['.repeat(depth), 'yaml', [0, MAX_NESTING_DEPTH]],
      ['flow mappings {a: {a: …}}', `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`, 'yaml', [0, 4 * MAX_NESTING_DEPTH]],
      ['block mappings a:\\n  a:\\n …', repeat(depth, (i) => `${'  '.repeat(i)}a:\n`), 'yaml', [MAX_NESTING_DEPTH, 2 * MAX_NESTING_DEPTH]],
      ['block sequences - - - …', repeat(depth, (i) => `${'  '.repeat(i)}-\n`), 'yaml', [MAX_NESTING_DEPTH, 2 * MAX_NESTING_DEPTH]],
      ['JSON arrays in appspec.json', `${'['.repeat(depth)}${']'.repeat(depth)}`, 'json', [0, MAX_NESTING_DEPTH]],
    ];
    for (const [name, text, format, expected] of cases) {
      it(`stops ${depth}-deep ${name} at the first level too deep, without overflowing the stack`, async () => {
        const found = only(await run(text, format), 'file-too-large');
        assert.deepEqual(at(found), expected);
        assert.match(found.message, new RegExp(`${MAX_NESTING_DEPTH} levels`));
      });
    }

    it('stops deep nesting inside an otherwise valid AppSpec at the hook where it starts to be too deep', async () => {
      const text = `version: 0.0\nos: linux\nhooks:\n${repeat(depth, (i) => `${'  '.repeat(i + 1)}AfterInstall:\n`)}`;
      const found = only(await run(text), 'file-too-large');
      assert.equal(found.range.start.line, 3 + MAX_NESTING_DEPTH - 1);
    });

    it('still checks an AppSpec nested exactly to the limit', async () => {
      const nested = `${'['.repeat(MAX_NESTING_DEPTH - 1)}1${']'.repeat(MAX_NESTING_DEPTH - 1)}`;
      const outcome = await run(`version: 0.0\nos: linux\nx: ${nested}\n`);
      assert.deepEqual(codesOf(outcome), ['unknown-key']);
    });
  });

  describe('aliases', () => {
    /** The "billion laughs": each level's anchor refers nine times to the level before (9^9 leaves). */
    function aliasBomb(indent: string): string {
      const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
      for (let level = 1; level <= 9; level++) lines.push(`${indent}l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
      return `${lines.join('\n')}\n`;
    }

    it('reports each alias of a billion-laughs bomb without expanding it', async () => {
      const outcome = await run(`version: 0.0\nos: linux\nhooks:\n${aliasBomb('  ')}`);
      const aliases = outcome.diagnostics.filter((d) => d.code === 'yaml-alias');
      assert.equal(aliases.length, 81);
      assert.deepEqual(at(aliases[0]), [4, 11]);
    });

    it('reports the bomb at the top level of an ECS AppSpec too', async () => {
      const outcome = await run(`version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n${aliasBomb('')}`);
      assert.equal(outcome.diagnostics.filter((d) => d.code === 'yaml-alias').length, 81);
    });

    it('reports an alias to an undefined anchor and a self-referencing anchor without hanging', async () => {
      const outcome = await run('version: 0.0\nos: linux\nhooks: *nothing\nfiles: &loop [*loop]\n');
      // No loader can resolve *nothing (an error); the self-reference resolves, but Ruby 3.1+ refuses aliases.
      const undefinedAliases = outcome.diagnostics.filter((d) => d.code === 'yaml-syntax' && /no anchor &nothing/.test(d.message));
      assert.deepEqual(undefinedAliases.map(at), [[2, 7]], JSON.stringify(outcome.diagnostics));
      const aliases = outcome.diagnostics.filter((d) => d.code === 'yaml-alias');
      assert.deepEqual(aliases.map(at), [[3, 14]], JSON.stringify(outcome.diagnostics));
    });
  });
  describe('mutated AppSpecs', () => {
    const seeds: Array<[string, string]> = [
      ['EC2', 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv/app\npermissions:\n  - object: /srv/app\n    mode: 755\n    type: [file]\nhooks:\n  BeforeInstall:\n    - location: scripts/start.sh\n      timeout: 60\n      runas: root\n'],
      ['ECS', 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "arn:aws:ecs:eu-west-1:1:task-definition/web:3"\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\nHooks:\n  - AfterAllowTestTraffic: CodeDeployHook_check\n'],
      ['Lambda', '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "fn", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}], "Hooks": [{"BeforeAllowTraffic": "CodeDeployHook_pre"}]}\n'],
    ];
    for (const [platform, seed] of seeds) {
      it(`gives located diagnostics for 300 mutations of the ${platform} sample, read as YAML and as JSON`, async () => {
        const next = seededRandom(platform.length);
        for (let i = 0; i < 300; i++) {
          const text = mutate(seed, next);
          for (const format of ['yaml', 'json'] as const) {
            const analyzed = analyzeAppSpec(text, { format }).diagnostics;
            const validated = (await validateAppSpec(text, { format, files: nodeFileAccess(revision) })).diagnostics;
            try {
              assertLocated(text, analyzed);
              assertLocated(text, validated);
            } catch (error) {
              assert.fail(`mutation ${i} (${format}) ${JSON.stringify(text)}: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
        }
      });
    }
  });
});
