import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ECS_RESOURCES } from '../../support/appspec';
import { LspSession } from '../../support/lsp-session';

/** The actions the server offers for `diagnostics` over the whole document. */
async function actionsFor(session: LspSession, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const end = { line: 10_000, character: 0 };
  const result = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } });
  return (result ?? []) as CodeAction[];
}

function applyEdits(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

describe('language server: quick fixes', function () {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    await session.dispose();
  });

  /**
   * Opens `text`, takes the published diagnostic with `code`, applies the fix titled like `title`,
   * and returns the re-validated diagnostics of the result.
   */
  async function fixAndRevalidate(text: string, code: string, title: RegExp): Promise<{ fixed: string; after: Diagnostic[] }> {
    const uri = session.uri('appspec.yml');
    const { diagnostics } = await session.openAndDiagnose(uri, text);
    const target = diagnostics.filter((d) => d.code === code);
    assert.equal(target.length, 1, `expected one ${code} in ${JSON.stringify(diagnostics)}`);
    const actions = await actionsFor(session, uri, target);
    const action = actions.find((candidate) => title.test(candidate.title));
    assert.ok(action, `no fix like ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(action.kind, 'quickfix');
    const fixed = applyEdits(text, uri, action);
    const after = (await session.changeAndDiagnose(uri, fixed)).diagnostics;
    return { fixed, after };
  }

  it('unquotes version: "0.0"', async () => {
    const { fixed, after } = await fixAndRevalidate('version: "0.0"\nos: linux\n', 'quoted-version', /number 0\.0/);
    assert.equal(fixed, 'version: 0.0\nos: linux\n');
    assert.deepEqual(after, []);
  });

  it('changes a wrong version to 0.0', async () => {
    const { fixed, after } = await fixAndRevalidate('version: 1.0\nos: linux\n', 'invalid-version', /0\.0/);
    assert.equal(fixed, 'version: 0.0\nos: linux\n');
    assert.deepEqual(after, []);
  });

  it('adds a missing version and a missing os', async () => {
    const version = await fixAndRevalidate('# deploy\nos: linux\n', 'missing-version', /Add version/);
    assert.equal(version.fixed, '# deploy\nversion: 0.0\nos: linux\n');
    assert.deepEqual(version.after, []);
    const os = await fixAndRevalidate('version: 0.0\nfiles:\n  - source: /\n    destination: /srv\n', 'missing-os', /Add os: linux/);
    assert.equal(os.fixed, 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n');
    assert.deepEqual(os.after, []);
  });

  it('renames a misspelled value or key to the suggestion', async () => {
    const os = await fixAndRevalidate('version: 0.0\nos: Linux\n', 'invalid-os', /Change to linux/);
    assert.equal(os.fixed, 'version: 0.0\nos: linux\n');
    assert.deepEqual(os.after, []);
    const key = await fixAndRevalidate('version: 0.0\nos: linux\nfiels: []\n', 'unknown-key', /Change to files/);
    assert.equal(key.fixed, 'version: 0.0\nos: linux\nfiles: []\n');
    assert.deepEqual(key.after, []);
  });

  it('renames a misspelled hook, drops a leading slash, quotes an octal mode', async () => {
    session.write('scripts/a.sh', '#!/bin/bash\n', 0o755);
    const hook = await fixAndRevalidate('version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: scripts/a.sh\n', 'unknown-hook', /Change to AfterInstall/);
    assert.equal(hook.fixed, 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n');
    assert.deepEqual(hook.after, []);
    const slash = await fixAndRevalidate('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: /scripts/a.sh\n', 'leading-slash-location', /scripts\/a\.sh/);
    assert.deepEqual(slash.after, []);
    const mode = await fixAndRevalidate('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    mode: 0644\n', 'octal-mode', /Quote the mode/);
    assert.equal(mode.fixed, 'version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    mode: "0644"\n');
    assert.deepEqual(mode.after, []);
  });

  it('moves top-level lifecycle events under hooks: (EC2) and into the Hooks list (ECS), re-validated clean', async () => {
    const ec2 = await fixAndRevalidate('version: 0.0\nos: linux\nhooks:\nBeforeInstall:\n  - location: stop.sh\n\n    timeout: 30\n', 'hook-outside-hooks', /Move BeforeInstall under hooks:/);
    assert.equal(ec2.fixed, 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: stop.sh\n\n      timeout: 30\n');
    assert.deepEqual(ec2.after.filter((d) => d.code !== 'script-not-found'), []);
    const ecs = `version: 0.0\n${ECS_RESOURCES}\nHooks:\n  - BeforeInstall: CheckInstall\nAfterAllowTestTraffic: CheckTestTraffic\n`;
    const moved = await fixAndRevalidate(ecs, 'hook-outside-hooks', /Move AfterAllowTestTraffic under Hooks:/);
    assert.equal(moved.fixed, ecs.replace('\nAfterAllowTestTraffic', '\n  - AfterAllowTestTraffic'));
    assert.deepEqual(moved.after, []);
  });

  it('makes an instance-absolute location relative to the revision', async () => {
    const uri = session.uri('appspec.yml');
    const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: /usr/local/bin/deploy.sh\n';
    const { diagnostics } = await session.openAndDiagnose(uri, text);
    const [relative] = await actionsFor(session, uri, diagnostics.filter((d) => d.code === 'absolute-location'));
    const fixed = applyEdits(text, uri, relative);
    assert.equal(fixed, text.replace('/usr/local/bin/deploy.sh', 'usr/local/bin/deploy.sh'));
    // The script is now looked for in the revision, where the next fix can create it.
    assert.deepEqual((await session.changeAndDiagnose(uri, fixed)).diagnostics.map((d) => d.code), ['script-not-found']);
  });

  /** Runs the server-side fix for the one `code` diagnostic and waits for the re-validation it triggers. */
  async function runFileFix(uri: string, diagnostics: Diagnostic[], code: string): Promise<Diagnostic[]> {
    const target = diagnostics.filter((d) => d.code === code);
    assert.equal(target.length, 1, `expected one ${code} in ${JSON.stringify(diagnostics)}`);
    const [action] = await actionsFor(session, uri, target);
    assert.ok(action?.command, `no command fix for ${code}`);
    const revalidated = session.diagnostics(uri, (params) => !params.diagnostics.some((d) => d.code === code));
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments });
    return (await revalidated).diagnostics;
  }

  it('creates a missing script (executable, with a shebang) and the AppSpec re-validates clean', async () => {
    const uri = session.uri('appspec.yml');
    const { diagnostics } = await session.openAndDiagnose(uri, 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/new.sh\n');
    assert.deepEqual(await runFileFix(uri, diagnostics, 'script-not-found'), []);
    const created = path.join(session.root, 'scripts/new.sh');
    assert.match(fs.readFileSync(created, 'utf8'), /^#!\/bin\/bash\n/);
    assert.equal(fs.statSync(created).mode & 0o777, 0o755);
  });

  it('makes a script executable, converts CRLF to LF and adds a shebang, each re-validated clean', async () => {
    const uri = session.uri('appspec.yml');
    session.write('scripts/old.sh', '#!/bin/bash\r\necho old\r\n', 0o644);
    session.write('scripts/bare.sh', 'echo bare\n', 0o755);
    const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/old.sh\n    - location: scripts/bare.sh\n';
    let diagnostics = (await session.openAndDiagnose(uri, text)).diagnostics;
    diagnostics = await runFileFix(uri, diagnostics, 'script-crlf');
    assert.equal(fs.readFileSync(path.join(session.root, 'scripts/old.sh'), 'utf8'), '#!/bin/bash\necho old\n');
    diagnostics = await runFileFix(uri, diagnostics, 'script-not-executable');
    assert.equal(fs.statSync(path.join(session.root, 'scripts/old.sh')).mode & 0o111, 0o111);
    diagnostics = await runFileFix(uri, diagnostics, 'script-no-shebang');
    assert.equal(fs.readFileSync(path.join(session.root, 'scripts/bare.sh'), 'utf8'), '#!/bin/bash\necho bare\n');
    assert.deepEqual(diagnostics, []);
  });

  it('refuses fixes that change files outside the AppSpec in an untrusted workspace', async () => {
    await session.dispose();
    session = await LspSession.start({ initializationOptions: { workspaceTrusted: false } });
    const uri = session.uri('appspec.yml');
    const { diagnostics } = await session.openAndDiagnose(uri, 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n');
    const missing = diagnostics.filter((d) => d.code === 'script-not-found');
    assert.equal(missing.length, 1);
    assert.deepEqual(await actionsFor(session, uri, missing), []);
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'codedeploy.applyRevisionFix', arguments: [{ uri, kind: 'create-script', path: 'a.sh' }] });
    assert.equal(fs.existsSync(path.join(session.root, 'a.sh')), false);
  });

  it('never writes outside the revision folder, whatever the command arguments say', async () => {
    const uri = session.uri('rev/appspec.yml');
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'codedeploy.applyRevisionFix', arguments: [{ uri, kind: 'create-script', path: '../escape.sh' }] });
    assert.equal(fs.existsSync(path.join(session.root, 'escape.sh')), false);
  });
});
