import * as assert from 'node:assert/strict';
import { rangeProblem } from '../../../../../server/src/appspec/rules/ec2/selinux-range';
import { expectAt, expectClean } from '../../../../support/appspec';

const context = (lines: string) => `version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n    context:\n${lines}`;

describe('ec2: SELinux context', () => {
  it('requires a type (E-P-CTX-1)', () => {
    expectAt('version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n    [[context]]:\n      name: system_u\n      range: s0\n', 'context-missing-type', 'error');
    expectAt(context('      [[type]]:\n      range: s0\n'), 'context-missing-type', 'error');
  });

  it('warns that user is ignored and offers name (E-P-CTX-2)', () => {
    const [found] = expectAt(context('      [[user]]: system_u\n      type: httpd_sys_content_t\n      range: s0\n'), 'context-user-ignored', 'warning');
    assert.equal(found.data?.replacement, 'name');
  });

  it('reports a context without range, which crashes the Install (E-P-CTX-4)', () => {
    expectAt('version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n    [[context]]:\n      type: httpd_sys_content_t\n', 'context-missing-range', 'error');
  });

  it('checks the range grammar (E-P-CTX-3)', () => {
    for (const range of ['s3-s2', 's0:c1024', 's0:c5.c2', 's0:c1,c1', 'x0', 's', 's0-', 's0:', 's0:c1,,c2', 'S0']) assert.ok(rangeProblem(range), range);
    for (const range of ['s0', 's0-s15', 's0:c0.c1023', 's0-s0:c1,c3.c5', 's0:c1,']) assert.equal(rangeProblem(range), undefined, range);
    expectAt(context('      type: httpd_sys_content_t\n      range: [[s3-s2]]\n'), 'invalid-selinux-range', 'error');
  });

  it('rejects a range that is not a string (the agent crashes)', () => {
    expectAt(context('      type: httpd_sys_content_t\n      range: [[{low: s0}]]\n'), 'invalid-type', 'error');
  });

  it('accepts a complete context', () => {
    expectClean(context('      name: system_u\n      type: httpd_sys_content_t\n      range: s0-s0:c0.c1023\n'));
  });
});
