import * as assert from 'node:assert/strict';
import { parseAppSpec } from '../../../server/src/appspec/parse';
import { expectClean } from '../../support/appspec';

describe('parse: YAML 1.1 as Ruby Psych reads it', () => {
  it('keeps a lone dot as the string "." (source: . is the whole revision), and .nan as NaN', () => {
    const document = parseAppSpec('a: .\nb: -.\nc: .nan\n').document!;
    const value = document.toJS() as Record<string, unknown>;
    assert.equal(value.a, '.');
    assert.equal(value.b, '-.');
    assert.ok(Number.isNaN(value.c));
    expectClean('version: 0.0\nos: linux\nfiles:\n  - source: .\n    destination: /srv/app\n');
  });
});
