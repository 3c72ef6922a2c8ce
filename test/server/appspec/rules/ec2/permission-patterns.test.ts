import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const entry = (lines: string) => `version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n${lines}`;

describe('ec2: permission patterns', () => {
  it('warns that a pattern with / never matches, offering its last segment', () => {
    const [found] = expectAt(entry('    pattern: [["**/*.sh"]]\n'), 'pattern-never-matches', 'warning');
    assert.equal(found.data?.replacement, '"*.sh"');
    expectAt(entry('    pattern: [[logs/*.log]]\n'), 'pattern-never-matches', 'warning');
  });

  it('warns about except entries with a /', () => {
    expectAt(entry('    except:\n      - [[logs/debug.log]]\n      - keep.txt\n'), 'pattern-never-matches', 'warning');
  });

  it('accepts "**", simple globs and child names', () => {
    expectClean(entry('    pattern: "**"\n    except: [debug.log]\n'));
    expectClean(entry('    pattern: "*.sh"\n'));
  });
});
