import * as assert from 'node:assert/strict';
import {
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type LocationLink,
} from 'vscode-languageserver-protocol';
import { withCursor } from '../../support/cursor';
import { LspSession } from '../../support/lsp-session';

const EC2 = 'version: 0.0\nos: linux\nfiles:\n  - source: web\n    destination: /srv/web\nhooks:\n  ValidateService:\n    - location: scripts/check.sh\n  Install: []\n  ApplicationStop:\n    - location: /scripts/stop.sh\n      timeout: 30\n';

describe('language server: links, definitions, outline and semantic tokens', function () {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
    session.write('scripts/check.sh', '#!/bin/bash\n', 0o755);
    session.write('scripts/stop.sh', '#!/bin/bash\n', 0o755);
    session.write('web/index.html', '<p>hi</p>\n');
  });
  after(async () => {
    await session.dispose();
  });

  it('links every script location and files source to the file or folder in the revision', async () => {
    const uri = session.uri('appspec.yml');
    await session.open(uri, EC2);
    const links = (await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) ?? [];
    assert.deepEqual(
      links.map((link) => [link.range.start.line, link.range.start.character, link.range.end.character, link.target]),
      [
        [7, 16, 32, session.uri('scripts/check.sh')],
        [10, 16, 32, session.uri('scripts/stop.sh')],
        [3, 12, 15, session.uri('web')],
      ],
    );
    await session.close(uri);
  });

  it('goes to the script from its location, and nowhere from a folder or a missing file', async () => {
    const { text, position } = withCursor(EC2.replace('/scripts/stop.sh', '/scripts/st|op.sh'));
    const uri = session.uri('appspec.yml');
    await session.open(uri, text);
    const found = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as LocationLink[];
    assert.equal(found[0].targetUri, session.uri('scripts/stop.sh'));
    assert.deepEqual(found[0].originSelectionRange, { start: { line: 10, character: 16 }, end: { line: 10, character: 32 } });
    assert.equal(await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 3, character: 15 } }), null);
    await session.close(uri);
    await session.open(uri, EC2.replace('scripts/check.sh', 'scripts/gone.sh'));
    assert.equal(await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 7, character: 20 } }), null);
    await session.close(uri);
  });

  it('gives no links for documents that are not on disk', async () => {
    await session.open('untitled:/x/appspec.yml', EC2);
    assert.equal(await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: 'untitled:/x/appspec.yml' } }), null);
  });

  it('outlines hooks in the order they run, with files entries and ECS resources', async () => {
    const uri = session.uri('appspec.yml');
    await session.open(uri, EC2);
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    await session.close(uri);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['version', 'os', 'files', 'hooks']);
    assert.deepEqual(symbols[2].children?.map((child) => child.name), ['web → /srv/web']);
    const hooks = symbols[3].children ?? [];
    assert.deepEqual(hooks.map((hook) => hook.name), ['ApplicationStop', 'Install', 'ValidateService']);
    assert.deepEqual(hooks[0].children?.map((script) => [script.name, script.detail]), [['/scripts/stop.sh', 'timeout 30']]);

    const ecsUri = session.uri('ecs/appspec.yaml');
    await session.open(ecsUri, 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: td\nHooks:\n  - AfterAllowTraffic: b\n  - BeforeInstall: a\n');
    const ecs = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: ecsUri } })) as DocumentSymbol[];
    assert.deepEqual(ecs[1].children?.map((resource) => [resource.name, resource.detail]), [['TargetService', 'AWS::ECS::Service']]);
    assert.deepEqual(ecs[2].children?.map((hook) => hook.name), ['BeforeInstall', 'AfterAllowTraffic']);
  });

  it('marks hook names as events and reserved events as read-only events', async () => {
    const uri = session.uri('appspec.yml');
    await session.open(uri, EC2);
    const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    await session.close(uri);
    // ValidateService (line 6), Install (line 8, reserved), ApplicationStop (line 9).
    assert.deepEqual(tokens?.data, [6, 2, 15, 0, 0, 2, 2, 7, 0, 1, 1, 2, 15, 0, 0]);
  });
});
