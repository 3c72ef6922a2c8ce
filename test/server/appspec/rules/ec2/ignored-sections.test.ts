import * as assert from 'node:assert/strict';
import { expectAt } from '../../../../support/appspec';

describe('ec2: sections of other platforms', () => {
  it('warns that Resources is ignored on EC2/On-Premises', () => {
    const [found] = expectAt('version: 0.0\nos: linux\n[[Resources]]:\n', 'ignored-section', 'warning');
    assert.match(found.message, /ignores it/);
  });

  it('reports a capitalised Hooks as an unknown key that is ignored, offering hooks', () => {
    const [found] = expectAt('version: 0.0\nos: linux\n[[Hooks]]:\n  AfterInstall:\n    - location: a.sh\n', 'unknown-key', 'warning');
    assert.equal(found.data?.replacement, 'hooks');
    assert.match(found.message, /none of its scripts ever run/);
    const [files] = expectAt('version: 0.0\nos: linux\n[[Files]]:\n  - source: /\n    destination: /srv\n', 'unknown-key', 'warning');
    assert.equal(files.data?.replacement, 'files');
  });

  it('reports ECS/Lambda-style Hooks (a list) as an ignored section', () => {
    expectAt('version: 0.0\nos: linux\n[[Hooks]]:\n  - BeforeInstall: fn\n', 'ignored-section', 'warning');
    expectAt('version: 0.0\nos: linux\nHooks:\n  - BeforeInstall: fn\n', 'unknown-key', 'warning');
  });
});
