import { execFileSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runCli } from '../../support/run-cli';
import { TempRevisions } from '../../support/temp-revision';

interface JsonFile {
  file: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: { start: { line: number; character: number } } }>;
}

describe('cli: hostile input', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  it('reports a 10 MB file as too large without choking', () => {
    const { root } = revisions.make({ 'appspec.yml': Buffer.alloc(10 * 1024 * 1024, 0x61) });
    const started = Date.now();
    const run = runCli(['-f', 'json', '.'], { cwd: root });
    assert.equal(run.status, 1);
    const [file] = JSON.parse(run.stdout) as JsonFile[];
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['file-too-large']);
    assert.ok(Date.now() - started < 20_000);
  });

  it('reports binary content as a located diagnostic', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    const { root } = revisions.make({ 'appspec.yml': png });
    const run = runCli(['-f', 'json', '.'], { cwd: root });
    assert.equal(run.status, 1);
    const [file] = JSON.parse(run.stdout) as JsonFile[];
    assert.deepEqual(file.diagnostics.map((d) => [d.code, d.range.start]), [['binary-file', { line: 0, character: 0 }]]);
  });

  it('points at the first byte that is not UTF-8', () => {
    const latin1 = Buffer.concat([Buffer.from('version: 0.0\nos: linux\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const { root } = revisions.make({ 'appspec.yml': latin1 });
    const [file] = JSON.parse(runCli(['-f', 'json', '.'], { cwd: root }).stdout) as JsonFile[];
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].code, 'binary-file');
    assert.deepEqual(file.diagnostics[0].range.start, { line: 2, character: 5 });
    assert.match(file.diagnostics[0].message, /not valid UTF-8 \(byte 0xE9 on line 3\)/);
  });

  it('names UTF-16 for a UTF-16 file', () => {
    const { root } = revisions.make({ 'appspec.yml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 0.0\n', 'utf16le')]) });
    const [file] = JSON.parse(runCli(['-f', 'json', '.'], { cwd: root }).stdout) as JsonFile[];
    assert.match(file.diagnostics[0].message, /UTF-16/);
  });

  it('reads an AppSpec with a BOM and CRLF line endings like the editor does', () => {
    const { root } = revisions.make({ 'appspec.yml': '\ufeffversion: 0.0\r\nos: linus\r\n' });
    const [file] = JSON.parse(runCli(['-f', 'json', '.'], { cwd: root }).stdout) as JsonFile[];
    assert.deepEqual(file.diagnostics.map((d) => [d.code, d.range.start]), [['invalid-os', { line: 1, character: 4 }]]);
  });

  it('exits 2 naming a folder called appspec.yml inside a revision', () => {
    const { root } = revisions.make({ 'appspec.yml': { folder: true } });
    const run = runCli(['.'], { cwd: root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'appspec-lint: appspec.yml: is a folder, not an AppSpec file\n');
  });

  it('exits 2 for a dangling link', () => {
    const { root } = revisions.make({ 'appspec.yml': { link: 'gone.yml' } });
    const run = runCli(['appspec.yml'], { cwd: root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'appspec-lint: appspec.yml: no such file or folder\n');
  });

  it('exits 2 for a file it may not read', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any file: the permission check cannot fail here
    const { root } = revisions.make({ 'locked/appspec.yml': { content: 'version: 0.0\n', mode: 0o000 } });
    const run = runCli(['locked'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /locked\/appspec\.yml: cannot be read \(EACCES\)/);
  });

  it('exits 2 for a path that is neither file nor folder', function () {
    if (process.platform === 'win32') this.skip();
    const { root, at } = revisions.make({});
    execFileSync('mkfifo', [at('appspec.yml')]);
    assert.ok(fs.existsSync(at('appspec.yml')));
    const run = runCli(['appspec.yml', '.'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /appspec-lint: appspec\.yml: not a file or a folder\n/);
    assert.match(run.stderr, /appspec-lint: appspec\.yml: is a special file, not an AppSpec file\n/);
  });
});
