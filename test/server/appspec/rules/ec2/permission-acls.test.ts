import * as assert from 'node:assert/strict';
import { aclProblem } from '../../../../../server/src/appspec/rules/ec2/permission-acls';
import { expectAt, expectClean } from '../../../../support/appspec';

const acls = (items: string) => `version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n    acls:\n${items}`;

describe('ec2: ACL entries', () => {
  it('rejects the entries the agent rejects (E-P-ACL-2..5)', () => {
    for (const ace of ['x:u:bob:rwx', 'd:d:bob:rwx', 'mask:bob:rwx', 'o:bob:r', 'u::rwx', 'o::r', 'g::rx', 'u:bob:rwz', 'u:bob:8', 'rwx', 'a:b:c:d:e', 'z:bob:rw']) {
      assert.ok(aclProblem(ace), ace);
    }
    const [found] = expectAt(acls('      - [[u::rwx]]\n      - u:bob:rw\n'), 'invalid-acl', 'error');
    assert.match(found.message, /mode/);
  });

  it('accepts named, default and mask entries, octal digits and the - placeholder', () => {
    for (const ace of ['u:bob:rwx', 'bob:rw', 'g:web:r-x', 'd:u:bob:rwx', 'default:g:web:5', 'd:u::rwx', 'm::rx', 'mask::7', 'd:o::r', 'user:bob:']) {
      assert.equal(aclProblem(ace), undefined, ace);
    }
    expectClean(acls('      - u:bob:rw\n      - d:g:web:r-x\n'));
  });
});
