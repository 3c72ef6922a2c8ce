import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODES } from '../../../server/src/appspec/codes';
import { runCli } from '../../support/run-cli';
import { sarifSchemaErrors } from '../../support/sarif-schema';
import { TempRevisions } from '../../support/temp-revision';

/** The start of every ANSI style sequence. */
const ESC = '\u001b[';

const APPSPEC = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n    - location: ../outside/run.sh\n';

describe('cli: output formats', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  function revision() {
    return revisions.make({ 'appspec.yml': APPSPEC, 'scripts/start.sh': '#!/bin/bash\r\necho hi\r\n' });
  }

  it('prints eslint-style text with 1-based positions, relative paths and a summary', () => {
    const { root } = revision();
    const run = runCli(['.'], { cwd: root });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], '');
    assert.equal(lines[1], 'appspec.yml');
    assert.match(lines[2], /^ {2}5:17 {2}warning {2}scripts\/start\.sh has Windows \(CRLF\) line endings: .* {2}script-crlf$/);
    assert.equal(lines[3], "  6:17  error    `../outside/run.sh` climbs out of the revision root with ..; the agent has only the revision's files. Keep hook scripts inside the folder that holds the AppSpec.  path-escapes-revision");
    assert.equal(lines[4], '');
    assert.equal(lines[5], '\u2716 2 problems (1 error, 1 warning)');
    assert.ok(!run.stdout.includes(ESC), 'no colour when stdout is not a terminal');
  });

  it('colours text only when asked, and never with NO_COLOR', () => {
    const { root } = revision();
    assert.ok(runCli(['.'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout.includes(`${ESC}31merror`));
    assert.ok(!runCli(['.'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC));
  });

  it('prints the contract JSON: one array of files with 0-based LSP ranges and exactly the contract keys', () => {
    const { root } = revision();
    const run = runCli(['--format', 'json', 'appspec.yml'], { cwd: root });
    assert.equal(run.status, 1);
    const output = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Array<Record<string, unknown>> }>;
    assert.equal(output.length, 1);
    assert.equal(output[0].file, 'appspec.yml');
    assert.deepEqual(Object.keys(output[0]).sort(), ['diagnostics', 'file']);
    const [crlf, escape] = output[0].diagnostics;
    assert.deepEqual(Object.keys(crlf).sort(), ['code', 'message', 'range', 'severity']);
    assert.deepEqual({ code: crlf.code, severity: crlf.severity, range: crlf.range }, { code: 'script-crlf', severity: 'warning', range: { start: { line: 4, character: 16 }, end: { line: 4, character: 32 } } });
    assert.deepEqual({ code: escape.code, severity: escape.severity, range: escape.range }, { code: 'path-escapes-revision', severity: 'error', range: { start: { line: 5, character: 16 }, end: { line: 5, character: 33 } } });
  });

  it('prints an empty JSON array entry list for clean files and exits 0', () => {
    const { root } = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\n' });
    const run = runCli(['-f', 'json', root], { cwd: root });
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), [{ file: 'appspec.yml', diagnostics: [] }]);
  });

  it('prints SARIF 2.1.0 with rule metadata and 1-based regions', () => {
    const { root } = revision();
    const run = runCli(['--format=sarif', '.'], { cwd: root });
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout);
    assert.equal(sarifSchemaErrors(log), undefined);
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'appspec-lint');
    const rule = sarifRun.tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'script-crlf');
    assert.equal(rule.shortDescription.text, CODES['script-crlf'].summary);
    assert.equal(rule.helpUri, 'https://github.com/codedeploy-vscode/codedeploy-vscode/blob/main/docs/rules.md#script-crlf');
    assert.equal(rule.defaultConfiguration.level, 'warning');
    const [first] = sarifRun.results;
    assert.equal(first.ruleId, 'script-crlf');
    assert.equal(sarifRun.tool.driver.rules[first.ruleIndex].id, 'script-crlf');
    assert.equal(first.level, 'warning');
    assert.deepEqual(first.locations[0].physicalLocation, { artifactLocation: { uri: 'appspec.yml' }, region: { startLine: 5, startColumn: 17, endLine: 5, endColumn: 33 } });
    assert.equal(sarifRun.invocations[0].executionSuccessful, true);
  });

  it('keeps SARIF valid with I/O problems and files outside the cwd', () => {
    const { root } = revision();
    const elsewhere = revisions.make({});
    const run = runCli(['-f', 'sarif', root, 'missing'], { cwd: elsewhere.root });
    assert.equal(run.status, 2);
    const log = JSON.parse(run.stdout);
    assert.equal(sarifSchemaErrors(log), undefined);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(path.join(root, 'appspec.yml')).href);
    assert.deepEqual(log.runs[0].invocations[0], { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'missing: no such file or folder' } }] });
  });

  it('shows paths relative to the cwd below it and absolute outside it', () => {
    const { root } = revision();
    const inside = JSON.parse(runCli(['-f', 'json', path.join(root, 'appspec.yml')], { cwd: path.dirname(root) }).stdout);
    assert.equal(inside[0].file, path.join(path.basename(root), 'appspec.yml'));
    const elsewhere = revisions.make({});
    const outside = JSON.parse(runCli(['-f', 'json', path.join(root, 'appspec.yml')], { cwd: elsewhere.root }).stdout);
    assert.equal(outside[0].file, path.join(root, 'appspec.yml'));
  });
});
