import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: os and paths that do not match', () => {
  it('warns about Linux destinations and shell scripts in a Windows AppSpec', () => {
    expectAt('version: 0.0\nos: windows\nfiles:\n  - source: \\\n    destination: [[/var/www]]\nhooks:\n  AfterInstall:\n    - location: [[scripts\\install.sh]]\n', 'os-path-mismatch', 'warning');
  });

  it('warns about drive paths and Windows scripts in a Linux AppSpec', () => {
    expectAt('version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: [[c:\\deploy]]\nhooks:\n  AfterInstall:\n    - location: [[test.bat]]\n', 'os-path-mismatch', 'warning');
  });

  it('accepts matching paths', () => {
    expectClean('version: 0.0\nos: windows\nfiles:\n  - source: \\index.html\n    destination: C:\\inetpub\\wwwroot\nhooks:\n  AfterInstall:\n    - location: \\before-install.bat\n');
  });
});
