import * as assert from 'node:assert/strict';
import { codes, dedent, diagnose, expectAt, expectClean } from '../../../support/appspec';

describe('document rules', () => {
  it('accepts a minimal EC2 AppSpec with CRLF line endings and a BOM', () => {
    expectClean('\uFEFFversion: 0.0\r\nos: linux\r\n');
  });

  it('reports a tab used for indentation where the tab is', () => {
    const found = expectAt('version: 0.0\nos: linux\nhooks:\n[[\t]]BeforeInstall: []\n', 'yaml-syntax', 'error');
    assert.match(found[0].message, /tab/i);
  });

  it('reports an empty file, a comment-only file and a lone --- as empty', () => {
    for (const text of ['', '   \n', '# nothing here\n', '---\n']) {
      assert.deepEqual(codes(diagnose(text)), ['empty-document'], JSON.stringify(text));
    }
  });

  it('reports a top-level list as not a mapping', () => {
    expectAt('[[- version: 0.0\n- os: linux]]\n', 'not-a-mapping', 'error');
  });

  it('reports a duplicate key at the second occurrence and names the first line', () => {
    const found = expectAt('version: 0.0\nos: linux\nfiles: []\n[[files]]:\n  - source: /\n    destination: /srv\n', 'duplicate-key', 'warning');
    assert.match(found[0].message, /line 3/);
  });

  it('reports an alias where it is used, and does not expand an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}]`);
    const started = process.hrtime.bigint();
    const found = diagnose(`version: 0.0\nos: linux\nx:\n${bomb.map((line) => `  ${line}`).join('\n')}\n`);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000, 'an alias bomb must not be expanded');
    assert.equal(found.filter((d) => d.code === 'yaml-alias').length, 33);
    expectAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall: &h\n    - location: a.sh\n  AfterInstall: [[*h]]\n', 'yaml-alias', 'warning');
  });

  it('reports an alias to an anchor that is never defined as an error: no YAML loader can read the file', () => {
    const [found] = expectAt('version: 0.0\nos: linux\nhooks: [[*nothing]]\n', 'yaml-syntax', 'error');
    assert.match(found.message, /no anchor &nothing/);
    expectAt('version: 0.0\nos: linux\nx: [[*later]]\ny: &later 1\n', 'yaml-syntax', 'error');
  });

  it('reports a CloudFormation tag and a timestamp', () => {
    expectAt('version: 0.0\nos: linux\nx: [[!Ref Foo]]\n', 'yaml-tag', 'warning');
    expectAt('version: 0.0\nos: linux\nx: [[2020-01-01]]\n', 'yaml-tag', 'warning');
  });

  it('says which document counts in a multi-document stream', () => {
    const found = expectAt('version: 0.0\nos: linux\n[[---]]\nversion: 1\n', 'extra-document', 'warning');
    assert.match(found[0].message, /first/);
  });

  it('gives a SAM template one not-appspec diagnostic instead of many', () => {
    const all = diagnose(dedent(`
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
    `));
    assert.deepEqual(codes(all), ['not-appspec']);
    assert.equal(all[0].range.start.line, 0);
  });

  it('recognises a buildspec and a CreateDeployment request', () => {
    assert.match(diagnose('version: 0.2\nphases:\n  build:\n    commands: [make]\n')[0].message, /buildspec/);
    assert.match(diagnose('applicationName: app\nrevision:\n  revisionType: AppSpecContent\n')[0].message, /CreateDeployment/);
  });

  it('reports binary content instead of parsing it', () => {
    assert.deepEqual(codes(diagnose('version: 0.0\u0000\u0001\u0002')), ['binary-file']);
  });

  it('checks appspec.json as strict JSON and locates the error', () => {
    const all = diagnose('{\n  "version": 0.0,\n  "Resources": [],\n}\n', { format: 'json' });
    const json = all.filter((d) => d.code === 'json-syntax');
    assert.equal(json.length, 1);
    assert.equal(json[0].range.start.line, 3);
  });

  it('lets the user switch a code off or change its severity', () => {
    const text = 'version: 0.0\nos: linux\nfiles: []\nfiles: []\n';
    assert.deepEqual(codes(diagnose(text, { severity: { 'duplicate-key': 'off' } })), []);
    assert.equal(diagnose(text, { severity: { 'duplicate-key': 'error' } })[0].severity, 'error');
  });
});
