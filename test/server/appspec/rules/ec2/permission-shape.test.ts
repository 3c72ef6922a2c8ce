import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const entry = (lines: string) => `version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n${lines}`;

describe('ec2: permission entry shapes (schema)', () => {
  it('rejects a single value where the agent needs a list (except, type, acls)', () => {
    for (const key of ['except: [[debug.log]]', 'type: [[file]]', 'acls: [[u:bob:rw]]']) {
      const [found] = expectAt(entry(`    ${key}\n`), 'invalid-type', 'error');
      assert.match(found.message, /crashes/);
    }
  });

  it('rejects type entries other than file and directory, with a suggestion', () => {
    const [found] = expectAt(entry('    type:\n      - [[files]]\n'), 'invalid-permission-type', 'error');
    assert.equal(found.data?.replacement, 'file');
    expectAt(entry('    type: [ [[symlink]] ]\n'), 'invalid-permission-type', 'error');
  });

  it('requires object, and warns about keys the agent does not read', () => {
    expectAt('version: 0.0\nos: linux\npermissions:\n  - [[pattern]]: "**"\n', 'missing-key', 'error');
    expectAt('version: 0.0\nos: linux\npermissions:\n  - object: [["  "]]\n', 'invalid-value', 'error');
    expectAt('version: 0.0\nos: linux\npermissions:\n  - object: [[~]]\n', 'invalid-type', 'error');
    const [found] = expectAt(entry('    [[user]]: bob\n'), 'unknown-key', 'warning');
    assert.match(found.message, /silently ignored/);
  });

  it('accepts a full entry', () => {
    expectClean(entry('    pattern: "**"\n    except: [tmp]\n    owner: www-data\n    group: www-data\n    mode: 644\n    type:\n      - file\n      - directory\n    acls:\n      - u:bob:rw\n    context:\n      name: system_u\n      type: httpd_sys_content_t\n      range: s0\n'));
  });
});
