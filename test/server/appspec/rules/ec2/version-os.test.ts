import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: version and os', () => {
  it('accepts 0.0 and the other spellings of zero the agent accepts', () => {
    for (const version of ['0.0', '0', '0.00', '.0', '0x0']) expectClean(`version: ${version}\nos: linux\n`);
  });

  it('rejects a quoted "0.0" and offers the bare number', () => {
    const [found] = expectAt('version: [["0.0"]]\nos: linux\n', 'quoted-version', 'error');
    assert.equal(found.data?.replacement, '0.0');
  });

  it('rejects other versions', () => {
    for (const version of ['1.0', '1', '0.0.0', "'1.0.0'"]) expectAt(`version: [[${version}]]\nos: linux\n`, 'invalid-version', 'error');
  });

  it('reports a missing version and a missing os at the start of the file', () => {
    expectAt('[[]]os: linux\n', 'missing-version', 'error');
    expectAt('[[]]version: 0.0\n', 'missing-os', 'error');
  });

  it('rejects os values the agent does not know, with a suggestion', () => {
    const [linus] = expectAt('version: 0.0\nos: [[linus]]\n', 'invalid-os', 'error');
    assert.equal(linus.data?.replacement, 'linux');
    const [capital] = expectAt('version: 0.0\nos: [[Linux]]\n', 'invalid-os', 'error');
    assert.match(capital.message, /Did you mean linux\?/);
    expectAt('version: 0.0\nos: [["linux "]]\n', 'invalid-os', 'error');
  });
});
