import * as assert from 'node:assert/strict';
import { parseDocument, type Scalar } from 'yaml';
import { describeMode } from '../../../../server/src/appspec/features/describe-mode';

/** The `mode` scalar of `mode: <written>`, loaded the way the engine loads it (YAML 1.1). */
function mode(written: string): Scalar {
  return parseDocument(`mode: ${written}`, { version: '1.1' }).get('mode', true) as Scalar;
}

describe('what a mode really does', () => {
  it('shows the octal trap: unquoted 0644 becomes mode 420', () => {
    assert.match(describeMode(mode('0644')), /octal number, \*\*420\*\*[\s\S]*mode \*\*420\*\* \(`r---w----`\)[\s\S]*"0644"/);
  });

  it('shows that unquoted 0755 is rejected (493 has a 9)', () => {
    assert.match(describeMode(mode('0755')), /rejects/);
  });

  it('reads quoted and plain modes as written, with special bits', () => {
    assert.match(describeMode(mode('"0755"')), /mode \*\*0755\*\* \(`rwxr-xr-x`\)/);
    assert.match(describeMode(mode('644')), /mode \*\*644\*\* \(`rw-r--r--`\)/);
    assert.match(describeMode(mode('4755')), /setuid/);
    assert.match(describeMode(mode('7')), /mode \*\*007\*\*/);
  });

  it('rejects a whole float, as the agent does (644.0 is "644.0" to Ruby)', () => {
    assert.match(describeMode(mode('644.0')), /"644\.0"[\s\S]*rejects/);
  });
});
