import * as assert from 'node:assert/strict';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { withCursor } from '../../support/cursor';
import { LspSession } from '../../support/lsp-session';

describe('language server: completion', function () {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
    session.write('rev/scripts/start.sh', '#!/bin/bash\n', 0o755);
    session.write('rev/scripts/stop.sh', '#!/bin/bash\n', 0o755);
    session.write('rev/web/index.html', '<p>hi</p>\n');
  });
  after(async () => {
    await session.dispose();
  });

  /** Opens the document (cursor marked `|`) as rev/appspec.yml, completes at the cursor, closes it. */
  async function completeAt(source: string, name = 'appspec.yml'): Promise<CompletionItem[]> {
    const { text, position } = withCursor(source);
    const uri = session.uri(`rev/${name}`);
    await session.open(uri, text);
    const result = (await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | null;
    await session.close(uri);
    return result?.items ?? [];
  }
  const labels = (items: CompletionItem[]) => items.map((item) => item.label);

  it('offers a whole AppSpec per platform in an empty file', async () => {
    const items = await completeAt('|');
    assert.deepEqual(labels(items).filter((label) => label.startsWith('AppSpec for')), ['AppSpec for EC2/On-Premises', 'AppSpec for Amazon ECS', 'AppSpec for AWS Lambda']);
    assert.match(String(items.find((item) => item.label === 'AppSpec for Amazon ECS')?.textEdit?.newText), /AWS::ECS::Service/);
  });

  it('offers the top-level keys not yet written', async () => {
    assert.deepEqual(labels(await completeAt('version: 0.0\n|\nhooks: {}\n')), ['os', 'files', 'permissions', 'file_exists_behavior']);
  });

  it('offers os and file_exists_behavior values', async () => {
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: |')), ['linux', 'windows']);
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\nfile_exists_behavior: |')), ['DISALLOW', 'OVERWRITE', 'RETAIN']);
  });

  it('offers the hook names of the platform in lifecycle order, leaving out those used, plus a hook snippet', async () => {
    const items = await completeAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/start.sh\n  |');
    assert.deepEqual(labels(items), ['BeforeBlockTraffic', 'AfterBlockTraffic', 'ApplicationStop', 'BeforeInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AfterAllowTraffic', 'hook with script']);
    const stop = items.find((item) => item.label === 'ApplicationStop')!;
    assert.match(String(stop.textEdit?.newText), /^ApplicationStop:\n {2}- location: /);
    assert.match(JSON.stringify(stop.documentation), /last successful revision/);
  });

  it('lets a typed event name match that event, not the generic hook snippet', async () => {
    const items = await completeAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/start.sh\n  Valid|');
    const matching = items.filter((item) => (item.filterText ?? item.label).toLowerCase().startsWith('valid'));
    assert.deepEqual(labels(matching), ['ValidateService']);
  });

  it('offers script entry keys inside a hook entry, without the ones present', async () => {
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n      |')), ['timeout', 'runas', 'sudo']);
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - |')), ['location', 'timeout', 'runas', 'sudo']);
  });

  it('offers files and permissions entry keys and permission types', async () => {
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\nfiles:\n  - source: /\n    |')), ['destination']);
    assert.ok(labels(await completeAt('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    |')).includes('mode'));
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    type: [|')), ['file', 'directory']);
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    type:\n      - |')), ['file', 'directory']);
  });

  it('completes script locations and sources from the revision folder', async () => {
    const root = await completeAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: |');
    assert.deepEqual(labels(root).sort(), ['scripts/', 'web/']);
    const inside = await completeAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/st|');
    assert.deepEqual(labels(inside), ['start.sh', 'stop.sh']);
    assert.deepEqual(inside[0].textEdit && 'range' in inside[0].textEdit ? inside[0].textEdit.range : undefined, { start: { line: 4, character: 24 }, end: { line: 4, character: 26 } });
    assert.deepEqual(labels(await completeAt('version: 0.0\nos: linux\nfiles:\n  - source: web/|')), ['index.html']);
  });

  it('offers ECS resource properties, AssignPublicIp values and the ECS hook names', async () => {
    const ecs = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n';
    assert.deepEqual(labels(await completeAt(`${ecs}        TaskDefinition: x\n        |`)), ['LoadBalancerInfo', 'PlatformVersion', 'NetworkConfiguration', 'CapacityProviderStrategy']);
    assert.deepEqual(labels(await completeAt(`${ecs}        NetworkConfiguration:\n          AwsvpcConfiguration:\n            AssignPublicIp: |`)), ['ENABLED', 'DISABLED']);
    assert.deepEqual(labels(await completeAt(`${ecs}Hooks:\n  - AfterInstall: fn\n  - |`)), ['BeforeInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);
  });

  it('offers Lambda resource keys, Type values and the two Lambda hook names', async () => {
    assert.deepEqual(labels(await completeAt('version: 0.0\nResources:\n  - fn:\n      |')), ['Type', 'Properties']);
    assert.deepEqual(labels(await completeAt('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\n        |')), ['Alias', 'CurrentVersion', 'TargetVersion']);
    assert.deepEqual(labels(await completeAt('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\nHooks:\n  - |')), ['BeforeAllowTraffic', 'AfterAllowTraffic']);
    assert.deepEqual(labels(await completeAt('version: 0.0\nResources:\n  - fn:\n      Type: |\n      Properties:\n        Alias: live\n')), ['AWS::Lambda::Function']);
  });

  it('offers no file paths for documents that are not on disk', async () => {
    const { text, position } = withCursor('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: |');
    await session.open('untitled:/x/appspec.yml', text);
    const result = (await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'untitled:/x/appspec.yml' }, position })) as CompletionList;
    assert.deepEqual(result.items, []);
  });

  it('replaces the whole word under the cursor, keeps an existing colon, and stays quiet in comments', async () => {
    const [hooks] = (await completeAt('version: 0.0\nos: linux\nho|ok: {}\n')).filter((item) => item.label === 'hooks');
    assert.deepEqual(hooks.textEdit, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, newText: 'hooks' });
    const stop = (await completeAt('version: 0.0\nos: linux\nhooks:\n  ApplicationSt|ep:\n    - location: a.sh\n')).find((item) => item.label === 'ApplicationStop');
    assert.equal(stop?.textEdit?.newText, 'ApplicationStop');
    assert.deepEqual(await completeAt('version: 0.0\nos: linux\n# the hooks |\n'), []);
    assert.deepEqual(await completeAt('version: 0.0\nos: linux # see |\n'), []);
  });

  it('completes keys and values in appspec.json, in JSON spelling', async () => {
    const edits = (items: CompletionItem[]) => items.map((item) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : ''));
    assert.deepEqual(edits(await completeAt('{\n  "version": 0.0,\n  "os": "linux",\n  |\n}\n', 'appspec.json')), ['"files": ', '"permissions": ', '"hooks": ', '"file_exists_behavior": ']);
    assert.deepEqual(edits(await completeAt('{"version": 0.0, "os": "|"}', 'appspec.json')), ['linux"', 'windows"']);
    const hooks = await completeAt('{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function"}}], "Hooks": [{"BeforeAllowTraffic": "a"}, {|}]}', 'appspec.json');
    assert.deepEqual(edits(hooks), ['"AfterAllowTraffic": ']);
  });
});
