import * as assert from 'node:assert/strict';
import { expectAt } from '../../../../support/appspec';

describe('ec2: hooks shape (schema)', () => {
  it('rejects the ECS/Lambda list style', () => {
    const [found] = expectAt('version: 0.0\nos: linux\nhooks:\n  [[- BeforeInstall: a.sh]]\n', 'invalid-type', 'error');
    assert.match(found.message, /crashes the agent/);
  });

  it('rejects an event holding a string, a mapping without the dash, or plain string items', () => {
    expectAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall: [[scripts/a.sh]]\n', 'invalid-type', 'error');
    expectAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    [[location: a.sh]]\n', 'invalid-type', 'error');
    expectAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - [[a.sh]]\n', 'invalid-type', 'error');
  });

  it('warns about keys a script entry does not have', () => {
    expectAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n      [[interpreter]]: bash\n', 'unknown-key', 'warning');
  });
});
