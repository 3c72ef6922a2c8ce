import * as assert from 'node:assert/strict';
import { expectAt } from '../../../support/appspec';

describe('structural layer (JSON Schema → located diagnostics)', () => {
  it('reports an unknown top-level key at the key, with the nearest known name', () => {
    const [found] = expectAt('version: 0.0\nos: linux\n[[Hooks]]:\n  BeforeInstall: []\n', 'unknown-key', 'warning');
    assert.equal(found.data?.replacement, 'hooks');
    assert.match(found.message, /silently ignored/);
  });

  it('reports `files` written as a mapping at its value', () => {
    expectAt('version: 0.0\nos: linux\nfiles: [[{source: /, destination: /srv}]]\n', 'invalid-type', 'error');
  });

  it('reports a files entry without a destination at its first key', () => {
    const [found] = expectAt('version: 0.0\nos: linux\nfiles:\n  - [[source]]: /\n', 'missing-key', 'error');
    assert.match(found.message, /destination/);
  });

  it('accepts null sections the agent accepts', () => {
    expectAt('version: 0.0\nos: linux\nfiles:\n', 'invalid-type', 'error');
  });
});
