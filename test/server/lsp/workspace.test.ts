import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol';
import { LspSession } from '../../support/lsp-session';

describe('language server: workspace, watched files and settings', function () {
  let session: LspSession | undefined;
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-ws-'));
  });
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  function write(relative: string, text: string): string {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return pathToFileURL(file).href;
  }

  it('shows AppSpecs that are not open, skipping node_modules, and keeps them after closing', async () => {
    const uri = write('services/web/appspec.yml', 'version: 0.0\nos: Linux\n');
    write('node_modules/pkg/appspec.yml', 'version: 0.0\nos: Linux\n');
    session = await LspSession.start({ root });
    const s = session;
    const result = s.published.find((p) => p.uri === uri) ?? (await s.diagnostics(uri));
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['invalid-os']);
    assert.equal(result.version, undefined);

    await s.openAndDiagnose(uri, 'version: 0.0\nos: linux\n');
    const fromDisk = s.diagnostics(uri, (params) => params.version === undefined);
    await s.close(uri);
    assert.deepEqual((await fromDisk).diagnostics.map((d) => d.code), ['invalid-os'], 'closed AppSpec is validated from disk again');
    assert.equal(s.published.filter((p) => p.uri.includes('node_modules')).length, 0);
  });

  it('registers a file watcher and follows AppSpecs created and deleted on disk', async () => {
    session = await LspSession.start({ root });
    const s = session;
    await s.registered('workspace/didChangeWatchedFiles');
    const uri = write('new/appspec.yml', 'version: 0.0\n');
    const created = s.diagnostics(uri);
    await s.filesChanged([{ uri, type: FileChangeType.Created }]);
    assert.deepEqual((await created).diagnostics.map((d) => d.code), ['missing-os']);
    fs.rmSync(path.join(root, 'new/appspec.yml'));
    const deleted = s.diagnostics(uri);
    await s.filesChanged([{ uri, type: FileChangeType.Deleted }]);
    assert.deepEqual((await deleted).diagnostics, []);
  });

  it('re-runs revision checks when a script is created, chmod-ed, renamed or deleted', async () => {
    session = await LspSession.start({ root });
    const s = session;
    const uri = s.uri('app/appspec.yml');
    const codes = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((d) => String(d.code));
    const first = await s.openAndDiagnose(uri, 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n');
    assert.deepEqual(codes(first.diagnostics), ['script-not-found']);

    const script = write('app/scripts/start.sh', '#!/bin/bash\necho start\n');
    fs.chmodSync(path.join(root, 'app/scripts/start.sh'), 0o755);
    let next = s.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.filesChanged([{ uri: script, type: FileChangeType.Created }]);
    await next;

    fs.chmodSync(path.join(root, 'app/scripts/start.sh'), 0o644);
    next = s.diagnostics(uri, (p) => codes(p.diagnostics).includes('script-not-executable'));
    await s.filesChanged([{ uri: script, type: FileChangeType.Changed }]);
    await next;

    fs.renameSync(path.join(root, 'app/scripts/start.sh'), path.join(root, 'app/scripts/run.sh'));
    next = s.diagnostics(uri, (p) => codes(p.diagnostics).includes('script-not-found'));
    await s.filesChanged([{ uri: script, type: FileChangeType.Deleted }, { uri: write('app/scripts/run.sh', '#!/bin/bash\n'), type: FileChangeType.Created }]);
    await next;
    // A file outside the revision folder does not concern this AppSpec.
    const outside = write('elsewhere/x.sh', '');
    await s.filesChanged([{ uri: outside, type: FileChangeType.Created }]);
    const unrelated = s.uri('other/appspec.yml');
    await s.openAndDiagnose(unrelated, 'version: 0.0\nos: linux\n');
    assert.equal(s.published.filter((p) => p.uri === uri).length, 4);
  });

  it('applies severity overrides, platform override and extra file patterns without a restart', async () => {
    session = await LspSession.start({ root, settings: {} });
    const s = session;
    const uri = s.uri('appspec.yml');
    const first = await s.openAndDiagnose(uri, 'version: 0.0\nos: Linux\n');
    assert.equal(first.diagnostics[0].severity, DiagnosticSeverity.Error);

    let next = s.diagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Hint);
    await s.changeSettings({ diagnostics: { severity: { 'invalid-os': 'hint' } } });
    await next;
    next = s.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.changeSettings({ diagnostics: { severity: { 'invalid-os': 'off' } } });
    await next;

    // Read as a Lambda AppSpec, the EC2 `os` rule is gone and Lambda's own shape is checked instead.
    next = s.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-resources') && !p.diagnostics.some((d) => d.code === 'invalid-os'));
    await s.changeSettings({ appspec: { platform: 'lambda' } });
    await next;

    const custom = s.uri('deploy/prod.appspec.yml');
    await s.open(custom, 'version: 0.0\nos: Linux\n');
    const patterned = s.diagnostics(custom);
    await s.changeSettings({ appspec: { filePatterns: ['**/*.appspec.yml'] } });
    assert.deepEqual((await patterned).diagnostics.map((d) => d.code), ['invalid-os']);
    const dropped = s.diagnostics(custom, (p) => p.diagnostics.length === 0);
    await s.changeSettings({ appspec: { filePatterns: [] } });
    await dropped;
  });
});
