import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const linux = 'version: 0.0\nos: linux\nhooks:\n';

describe('ec2: hook names', () => {
  it('warns about misspelled events with the nearest EC2 event as replacement', () => {
    const cases: Array<[string, string]> = [
      ['Beforelnstall', 'BeforeInstall'],
      ['AfterInstal', 'AfterInstall'],
      ['afterinstall', 'AfterInstall'],
      ['Before Install', 'BeforeInstall'],
    ];
    for (const [written, meant] of cases) {
      const [found] = expectAt(`${linux}  [[${written}]]:\n    - location: a.sh\n`, 'unknown-hook', 'warning');
      assert.equal(found.data?.replacement, meant, written);
      assert.match(found.message, /never run/);
    }
  });

  it('names the platform an ECS-only event belongs to', () => {
    const [found] = expectAt(`${linux}  [[AfterAllowTestTraffic]]:\n    - location: a.sh\n`, 'unknown-hook', 'warning');
    assert.match(found.message, /Amazon ECS event/);
  });

  it('warns that reserved events never run scripts', () => {
    for (const name of ['Install', 'DownloadBundle', 'BlockTraffic', 'AllowTraffic']) {
      expectAt(`${linux}  [[${name}]]:\n    - location: a.sh\n`, 'reserved-hook', 'warning');
    }
  });

  it('tells that traffic hooks need a load balancer or blue/green', () => {
    expectAt(`${linux}  [[BeforeAllowTraffic]]:\n    - location: a.sh\n  [[AfterBlockTraffic]]:\n    - location: b.sh\n`, 'traffic-hook', 'information');
  });

  it('notes events without scripts (null or an empty list)', () => {
    expectAt(`${linux}  [[ApplicationStop]]:\n  [[ValidateService]]: []\n`, 'empty-hook', 'information');
  });

  it('accepts every EC2 event that runs scripts without traffic', () => {
    expectClean(`${linux}${['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'].map((name) => `  ${name}:\n    - location: scripts/${name}.sh\n      timeout: 300\n      runas: root\n`).join('')}`);
  });
});
