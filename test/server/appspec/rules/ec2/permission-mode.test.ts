import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const mode = (value: string, extra = '') => `version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n    mode: ${value}\n${extra}`;

describe('ec2: permission mode', () => {
  it('warns that an unquoted 0644 becomes mode 420, with its rwx string and the quoted form', () => {
    const [found] = expectAt(mode('[[0644]]'), 'octal-mode', 'warning');
    assert.match(found.message, /420 \(r---w----\)/);
    assert.match(found.message, /not 644 \(rw-r--r--\)/);
    assert.equal(found.data?.replacement, '"0644"');
  });

  it('rejects an unquoted 0755, which becomes 493 (9 is not an octal digit), and offers "0755"', () => {
    const [found] = expectAt(mode('[[0755]]'), 'invalid-mode', 'error');
    assert.match(found.message, /493/);
    assert.match(found.message, /"9" is not an octal digit/);
    assert.equal(found.data?.replacement, '"0755"');
  });

  it('rejects symbolic modes, more than four digits and digits 8 or 9', () => {
    for (const value of ['u+x', '12345', '648', '6.44', '"rwxr-xr-x"']) expectAt(mode(`[[${value}]]`), 'invalid-mode', 'error');
  });

  it('rejects a whole float such as 644.0, which the agent reads as the text "644.0", not as octal', () => {
    const [found] = expectAt(mode('[[644.0]]'), 'invalid-mode', 'error');
    assert.match(found.message, /rejects mode 644\.0: it has 5 characters/);
    assert.equal(found.data, undefined);
  });

  it('warns that setuid/setgid are cleared by the later owner change', () => {
    expectAt(mode('[[4755]]', '    owner: root\n'), 'setuid-cleared', 'warning');
  });

  it('accepts decimal-looking modes, quoted modes, short modes and placeholders', () => {
    for (const value of ['644', '755', '"0755"', "'0644'", '7', '4755', '"${MODE}"']) expectClean(mode(value));
  });
});
