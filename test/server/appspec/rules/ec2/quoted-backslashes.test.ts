import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: backslash escapes in double quotes', () => {
  it('warns that "C:\\temp" holds a tab, offering the single-quoted form', () => {
    const [found] = expectAt('version: 0.0\nos: windows\nfiles:\n  - source: \\\n    destination: [["C:\\temp\\new"]]\n', 'backslash-escape', 'warning');
    assert.equal(found.data?.replacement, "'C:\\temp\\new'");
  });

  it('accepts doubled backslashes, single quotes and plain paths', () => {
    expectClean('version: 0.0\nos: windows\nfiles:\n  - source: \\\n    destination: "C:\\\\temp"\n  - source: a\n    destination: \'C:\\temp\'\n  - source: b\n    destination: C:\\temp\n');
  });
});
