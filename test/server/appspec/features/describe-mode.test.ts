import * as assert from 'node:assert/strict';
import { describeMode } from '../../../../server/src/appspec/features/describe-mode';

describe('what a mode really does', () => {
  it('shows the octal trap: unquoted 0644 becomes mode 420', () => {
    assert.match(describeMode('0644', 420, false), /octal number, \*\*420\*\*[\s\S]*mode \*\*420\*\* \(`r---w----`\)[\s\S]*"0644"/);
  });

  it('shows that unquoted 0755 is rejected (493 has a 9)', () => {
    assert.match(describeMode('0755', 493, false), /rejects/);
  });

  it('reads quoted and plain modes as written, with special bits', () => {
    assert.match(describeMode('0755', '0755', true), /mode \*\*0755\*\* \(`rwxr-xr-x`\)/);
    assert.match(describeMode('644', 644, false), /mode \*\*644\*\* \(`rw-r--r--`\)/);
    assert.match(describeMode('4755', 4755, false), /setuid/);
    assert.match(describeMode('7', 7, false), /mode \*\*007\*\*/);
  });
});
