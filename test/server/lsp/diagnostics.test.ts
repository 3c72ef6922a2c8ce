import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { dedent, marked } from '../../support/appspec';
import { LspSession } from '../../support/lsp-session';

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

describe('language server: diagnostics', function () {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    await session.dispose();
  });

  it('reports EC2 problems on open with exact ranges, severities, source and documentation links', async () => {
    const { text, ranges } = marked(dedent(`
      version: [["0.0"]]
      os: [[Linux]]
    `));
    const { diagnostics } = await session.openAndDiagnose(session.uri('appspec.yml'), text);
    const [quoted] = byCode(diagnostics, 'quoted-version');
    const [os] = byCode(diagnostics, 'invalid-os');
    assert.deepEqual(quoted.range, ranges[0]);
    assert.deepEqual(os.range, ranges[1]);
    assert.equal(quoted.severity, DiagnosticSeverity.Error);
    assert.equal(os.source, 'codedeploy');
    assert.match(os.message, /Did you mean linux/);
    assert.equal(os.codeDescription?.href, 'https://github.com/codedeploy-vscode/codedeploy-vscode/blob/main/docs/rules.md#invalid-os');
    assert.deepEqual(os.data, { replacement: 'linux' });
  });

  it('reports problems in ECS and Lambda AppSpecs and in appspec.json', async () => {
    const ecs = marked(dedent(`
      version: 0.0
      Resources:
        - TargetService:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3"
              LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}
      Hooks:
        - AfterAllowTestTraffic: check
      [[Hooks]]: []
    `));
    const ecsResult = await session.openAndDiagnose(session.uri('ecs/appspec.yaml'), ecs.text);
    assert.deepEqual(byCode(ecsResult.diagnostics, 'duplicate-key').map((d) => d.range), ecs.ranges);

    const lambda = marked(dedent(`
      version: 0.0
      Resources:
        - fn:
            Type: AWS::Lambda::Function
            Properties:
              Name: [[!Ref Fn]]
              Alias: live
              CurrentVersion: "1"
              TargetVersion: "2"
    `));
    const lambdaResult = await session.openAndDiagnose(session.uri('lambda/appspec.yml'), lambda.text);
    assert.deepEqual(byCode(lambdaResult.diagnostics, 'yaml-tag').map((d) => d.range), lambda.ranges);

    const json = await session.openAndDiagnose(session.uri('json/appspec.json'), '{\n  "version": 0.0,\n  "os": "linux",\n}\n');
    const [syntax] = byCode(json.diagnostics, 'json-syntax');
    assert.equal(syntax.range.start.line, 3);
  });

  it('clears diagnostics when the problem is fixed and when the document is closed', async () => {
    const uri = session.uri('tmp/appspec.yml');
    assert.equal((await session.openAndDiagnose(uri, 'version: 0.0\nos: Linux\n')).diagnostics.length, 1);
    assert.deepEqual((await session.changeAndDiagnose(uri, 'version: 0.0\nos: linux\n')).diagnostics, []);
    await session.changeAndDiagnose(uri, 'version: 1.0\nos: linux\n');
    const cleared = session.diagnostics(uri, (params) => params.diagnostics.length === 0);
    await session.close(uri); // not on disk, so nothing stays in the Problems panel
    await cleared;
  });

  it('ignores YAML files that are not AppSpecs', async () => {
    await session.open(session.uri('docker-compose.yml'), 'version: "3"\nservices: {}\n');
    await session.openAndDiagnose(session.uri('appspec.yml'), 'version: 0.0\nos: linux\n');
    assert.equal(session.published.filter((p) => p.uri.endsWith('docker-compose.yml')).length, 0);
  });

  it('publishes only the last version of a burst of edits, never an older one after a newer', async () => {
    const uri = session.uri('burst/appspec.yml');
    await session.openAndDiagnose(uri, 'version: 0.0\nos: linux\n');
    const before = session.published.length;
    const last = 31;
    const final = session.diagnostics(uri, (params) => params.version === last);
    for (let version = 2; version <= last; version++) {
      await session.change(uri, version === last ? 'version: 0.0\nos: Windows\n' : `version: 0.0\nos: linux\n# edit ${version}\n`);
    }
    const result = await final;
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['invalid-os']);
    const during = session.published.slice(before).filter((p) => p.uri === uri);
    assert.ok(during.length <= 2, `a burst of 30 edits was validated ${during.length} times`);
    const versions = during.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions published out of order');
  });

  it('validates untitled: and git: documents without touching the file system, and survives malformed input', async () => {
    const untitled = 'untitled:/project/new/appspec.yml';
    const git = 'git:/repo/appspec.yml?%7B%22path%22%3A%22%2Frepo%2Fappspec.yml%22%2C%22ref%22%3A%22HEAD%22%7D';
    // Revision checks need the revision's files: none for an untitled or git document.
    const revisionFree = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: missing.sh\n';
    assert.deepEqual((await session.openAndDiagnose(untitled, revisionFree)).diagnostics, []);
    assert.deepEqual((await session.openAndDiagnose(session.uri('appspec.yml'), revisionFree)).diagnostics.map((d) => d.code), ['script-not-found']);
    assert.deepEqual((await session.openAndDiagnose(git, 'version: 0.0\nos: LINUX\n')).diagnostics.map((d) => d.code), ['invalid-os']);
    const malformed = ['\u0000\u0001binary', '['.repeat(20_000), 'a: b: c: d\n\t- x', '- - - ', '{', '---\n---\n', 'version: 0.0\nos: linux\nhooks: &a [*a]\n'];
    for (const [index, text] of malformed.entries()) {
      const result = await session.openAndDiagnose(`untitled:/m${index}/appspec.yml`, text);
      assert.ok(Array.isArray(result.diagnostics));
      assert.equal(byCode(result.diagnostics, 'internal-error').length, 0, `internal error for ${JSON.stringify(text.slice(0, 20))}`);
    }
    assert.ok(session.alive, 'the server must survive every malformed document');
  });

  it('works with a client that offers no optional capabilities (settings pushed, no watchers, no folders)', async () => {
    await session.dispose();
    session = await LspSession.start({ capabilities: {}, initializationOptions: { settings: { diagnostics: { severity: { 'invalid-os': 'warning' } } } } });
    const { diagnostics } = await session.openAndDiagnose(session.uri('appspec.yml'), 'version: 0.0\nos: Linux\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['invalid-os', DiagnosticSeverity.Warning]]);
    const pushed = session.diagnostics(session.uri('appspec.yml'), (p) => p.diagnostics.length === 0);
    await session.changeSettings({ diagnostics: { severity: { 'invalid-os': 'off' } } });
    await pushed;
    assert.ok(session.alive);
  });

  it('keeps a long AppSpec\'s diagnostics exact while it is edited piece by piece (typed, broken, fixed, lines added and removed)', async function () {
    this.timeout(60_000);
    const lines = ['version: 0.0', 'os: linux', 'files:'];
    for (let i = 0; i < 300; i++) lines.push(`  - source: build/part${i}`, `    destination: /srv/app/part${i}`);
    lines.push('hooks:');
    for (const event of ['BeforeInstall', 'AfterInstall', 'ApplicationStart']) {
      lines.push(`  ${event}:`);
      for (let i = 0; i < 100; i++) lines.push(`    - location: scripts/${event}-${i}.sh`, '      timeout: 60');
    }
    const uri = session.uri('edited/appspec.yml');
    await session.openAndDiagnose(uri, `${lines.join('\n')}\n`);
    const at = (line: number, character: number, endCharacter = character) => ({ start: { line, character }, end: { line, character: endCharacter } });
    const afterInstall = lines.indexOf('  AfterInstall:');
    const steps: Array<{ what: string; edits: Array<{ range: ReturnType<typeof at>; text: string }> }> = [
      { what: 'a comment typed in the middle of files', edits: [{ range: at(301, lines[301].length), text: ' # moved' }] },
      { what: 'a hook name misspelled', edits: [{ range: at(afterInstall, 2, 14), text: 'AfterInstal' }] },
      { what: 'a quote opened (a syntax error)', edits: [{ range: at(9, 12), text: '"' }] },
      { what: 'the quote removed again', edits: [{ range: at(9, 12, 13), text: '' }] },
      { what: 'a files entry inserted near the top', edits: [{ range: at(3, 0), text: '  - source: extra\n    destination: /srv/extra\n' }] },
      { what: 'a script entry removed near the end', edits: [{ range: { start: { line: lines.length - 2, character: 0 }, end: { line: lines.length, character: 0 } }, text: '' }] },
    ];
    let text = `${lines.join('\n')}\n`;
    for (const [index, step] of steps.entries()) {
      const published = await session.editAndDiagnose(uri, step.edits);
      text = applyEdits(text, step.edits);
      // The same text opened fresh is parsed whole: the edited document must match it exactly.
      const fresh = await session.openAndDiagnose(session.uri(`fresh-${index}/appspec.yml`), text);
      assert.deepEqual(published.diagnostics, fresh.diagnostics, step.what);
      if (index === 1) assert.deepEqual(byCode(published.diagnostics, 'unknown-hook').map((d) => d.range.start.line), [afterInstall], 'the misspelled hook is reported on its line');
      if (index === 2) assert.ok(byCode(published.diagnostics, 'yaml-syntax').length > 0, 'the open quote is a syntax error');
    }
  });
});

/** Applies LSP edits (one line each, or whole lines) to a text, as the server's document does. */
function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): string {
  let result = text;
  for (const edit of edits) {
    const offset = (position: { line: number; character: number }) => {
      let start = 0;
      for (let line = 0; line < position.line; line++) start = result.indexOf('\n', start) + 1;
      return start + position.character;
    };
    result = result.slice(0, offset(edit.range.start)) + edit.text + result.slice(offset(edit.range.end));
  }
  return result;
}
