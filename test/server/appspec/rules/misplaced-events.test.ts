import * as assert from 'node:assert/strict';
import { codes, diagnose, ECS_RESOURCES, expectAt } from '../../../support/appspec';

describe('misplaced-events rule', () => {
  it('reports EC2 events written at the top level, under an empty hooks:, instead of unknown keys', () => {
    const found = expectAt('version: 0.0\nos: linux\nhooks:\n[[BeforeInstall]]:\n  - location: scripts/stop.sh\n[[AfterInstall]]:\n  - location: scripts/start.sh\n', 'hook-outside-hooks', 'warning');
    assert.match(found[0].message, /`BeforeInstall` is a lifecycle event written at the top level, not under `hooks:`, so its scripts never run/);
    assert.deepEqual(found[0].data, { hooksKey: 'hooks', firstPrefix: '  ', restPrefix: '  ', lastLine: 4 });
    assert.ok(!codes(diagnose('version: 0.0\nos: linux\nhooks:\nBeforeInstall:\n  - location: a.sh\n')).includes('unknown-key'));
  });

  it('indents like the hooks already there, and offers no move when hooks: is not right before the event', () => {
    const [after] = expectAt('version: 0.0\nos: linux\nhooks:\n    ApplicationStop:\n      - location: a.sh\n[[AfterInstall]]:\n  - location: b.sh\n', 'hook-outside-hooks', 'warning');
    assert.equal(after.data?.firstPrefix, '    ');
    const [elsewhere] = expectAt('version: 0.0\nos: linux\nhooks:\nfiles: []\n[[AfterInstall]]:\n  - location: b.sh\n', 'hook-outside-hooks', 'warning');
    assert.equal(elsewhere.data, undefined);
  });

  it('reports an ECS event outside the Hooks list, with the list item it should be', () => {
    const [found] = expectAt(`version: 0.0\n${ECS_RESOURCES}\nHooks:\n[[AfterAllowTestTraffic]]: CheckTestTraffic\n`, 'hook-outside-hooks', 'warning');
    assert.match(found.message, /not in the `Hooks:` list, so its function never runs.*`- AfterAllowTestTraffic: FunctionName`/);
    assert.deepEqual(found.data, { hooksKey: 'Hooks', firstPrefix: '  - ', restPrefix: '    ', lastLine: 8 });
  });

  it('leaves keys that are not lifecycle events to unknown-key', () => {
    expectAt('version: 0.0\nos: linux\n[[BeforeInstal]]:\n  - location: a.sh\n', 'unknown-key', 'warning');
  });
});
