import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: runas and sudo on Windows', () => {
  it('warns that Windows ignores runas and sudo', () => {
    expectAt('version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.ps1\n      [[runas: Administrator]]\n      [[sudo: true]]\n', 'runas-on-windows', 'warning');
  });

  it('accepts runas on Linux', () => {
    expectClean('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      runas: ubuntu\n      sudo: true\n');
  });
});
