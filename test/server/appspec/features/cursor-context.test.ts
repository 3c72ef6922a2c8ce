import * as assert from 'node:assert/strict';
import { cursorContext } from '../../../../server/src/appspec/features/cursor-context';
import { withCursor } from '../../../support/cursor';

function at(source: string) {
  const { text, position } = withCursor(source);
  const context = cursorContext(text, position);
  return { path: context.path.join('/'), kind: context.kind, key: context.key, prefix: context.prefix, siblings: [...context.siblings].sort() };
}

describe('cursor context in half-typed YAML', () => {
  it('finds the top level, a hook mapping and a half-typed hook name', () => {
    assert.deepEqual(at('version: 0.0\n|'), { path: '', kind: 'key', key: undefined, prefix: '', siblings: ['version'] });
    assert.deepEqual(at('hooks:\n  Bef|').path, 'hooks');
    assert.equal(at('hooks:\n  Bef|').prefix, 'Bef');
  });

  it('follows list items and the keys of the item the cursor is in, above and below', () => {
    const context = at('hooks:\n  AfterInstall:\n    - location: a.sh\n      |\n      runas: root\n    - location: b.sh\n      timeout: 5\n');
    assert.equal(context.path, 'hooks/AfterInstall/-');
    assert.deepEqual(context.siblings, ['location', 'runas']);
    assert.equal(at('hooks:\n  AfterInstall:\n    - |').path, 'hooks/AfterInstall/-');
  });

  it('knows a value position, its key, and the token typed after a flow-list separator or a quote', () => {
    assert.deepEqual(at('os: li|'), { path: '', kind: 'value', key: 'os', prefix: 'li', siblings: [] });
    assert.equal(at('permissions:\n  - object: /x\n    type: [file, di|').prefix, 'di');
    assert.equal(at('hooks:\n  A:\n    - location: "scripts/|').prefix, 'scripts/');
  });

  it('walks ECS resources, skipping comments and blank lines', () => {
    assert.equal(at('Resources:\n  - TargetService:\n      # the service\n\n      Properties:\n        LoadBalancerInfo:\n          |').path, 'Resources/-/TargetService/Properties/LoadBalancerInfo');
  });
});
