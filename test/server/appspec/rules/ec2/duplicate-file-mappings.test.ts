import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: duplicate file mappings', () => {
  it('reports the second mapping of the same source to the same destination', () => {
    expectAt('version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /srv\n  - [[source: ./app/]]\n    destination: /srv/\n', 'duplicate-file-mapping', 'error');
  });

  it('accepts one source to two destinations and two sources to one destination', () => {
    expectClean('version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /srv\n  - source: app\n    destination: /opt\n  - source: conf\n    destination: /srv\n');
  });

  it('compares sources as Ruby\'s to_s writes them: 1.0 and 1 are two files, 010 and 8 one', () => {
    expectClean('version: 0.0\nos: linux\nfiles:\n  - source: 1.0\n    destination: /srv\n  - source: 1\n    destination: /srv\n');
    expectAt('version: 0.0\nos: linux\nfiles:\n  - source: 010\n    destination: /srv\n  - [[source: 8]]\n    destination: /srv\n', 'duplicate-file-mapping', 'error');
  });
});
