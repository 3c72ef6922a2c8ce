import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: permissions on Windows', () => {
  it('rejects permission entries in a Windows AppSpec', () => {
    expectAt('version: 0.0\nos: windows\n[[permissions]]:\n  - object: C:\\app\n', 'permissions-on-windows', 'error');
  });

  it('accepts an empty or null permissions section on Windows, and entries on Linux', () => {
    expectClean('version: 0.0\nos: windows\npermissions: []\n');
    expectClean('version: 0.0\nos: windows\npermissions:\n');
    expectClean('version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n');
  });
});
