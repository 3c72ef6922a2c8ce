import * as assert from 'node:assert/strict';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { withCursor } from '../../support/cursor';
import { LspSession } from '../../support/lsp-session';

describe('language server: hover', function () {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.dispose();
  });

  async function hoverAt(source: string, name = 'appspec.yml'): Promise<Hover | null> {
    const { text, position } = withCursor(source);
    const uri = session.uri(name);
    await session.open(uri, text);
    const result = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    await session.close(uri);
    return result;
  }
  const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

  it('explains an EC2 hook: when it runs, which revision, environment variables, limits and order', async () => {
    const hover = await hoverAt('version: 0.0\nos: linux\nhooks:\n  Application|Stop:\n    - location: stop.sh\n');
    const text = markdown(hover);
    assert.match(text, /last successful revision/);
    assert.match(text, /DEPLOYMENT_GROUP_NAME/);
    assert.match(text, /3600 s/);
    assert.match(text, /BeforeBlockTraffic → BlockTrafficᴿ → AfterBlockTraffic → \*\*ApplicationStop\*\*/);
    assert.deepEqual(hover?.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 17 } });
    assert.equal(await hoverAt('version: 0.0\n|\nos: linux\n'), null, 'no hover between keys');
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nhooks:\n  After|Install:\n    - location: a.sh\n')), /scripts of \*\*this\*\* revision/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nhooks:\n  Down|loadBundle: []\n')), /never run/);
  });

  it('explains script entry keys and what a timeout or a mode will really do', async () => {
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - loc|ation: a.sh\n')), /relative to the revision root[\s\S]*LIFECYCLE_EVENT/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 90|0\n')), /900 s\*\* \(15 min\)/);
    // The agent's Ruby reading, not JavaScript's: 1_000 is 1000 and "30s" is 30 (String#to_i).
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 1_0|00\n')), /1000 s\*\*/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: "3|0s"\n')), /30 s\*\*/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    mode: 06|44\n')), /mode \*\*420\*\* \(`r---w----`\)/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    mode: 07|55\n')), /rejects/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\npermissions:\n  - object: /srv\n    mode: "07|55"\n')), /mode \*\*0755\*\* \(`rwxr-xr-x`\)/);
    assert.match(markdown(await hoverAt('version: 0.0\nos: linux\nfile_exists_behavior: RET|AIN\n')), /skipped/);
    assert.match(markdown(await hoverAt('version: "0.|0"\nos: linux\n')), /rejects the string "0\.0"/);
  });

  it('explains ECS and Lambda keys and hook names, and JSON AppSpecs', async () => {
    const ecs = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDef|inition: x\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\nHooks:\n  - AfterAllowTestTraffic: fn\n';
    assert.match(markdown(await hoverAt(ecs)), /task definition/);
    assert.match(markdown(await hoverAt(ecs.replace('TaskDef|inition', 'TaskDefinition').replace('AfterAllowTestTraffic', 'AfterAllow|TestTraffic'))), /test listener[\s\S]*PutLifecycleEventHookExecutionStatus/);
    const lambda = 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Target|Version: "2"\n';
    assert.match(markdown(await hoverAt(lambda)), /\$LATEST/);
    assert.match(markdown(await hoverAt('{"version": 0.0, "os": "linux", "hooks": {"Before|Install": [{"location": "a.sh"}]}}', 'appspec.json')), /Pre-install/);
  });
});
