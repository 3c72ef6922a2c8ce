import * as assert from 'node:assert/strict';
import { nodeFileAccess } from '../../../../../server/src/fs/node-file-access';
import { dedent, diagnoseRevision } from '../../../../support/appspec';
import { TempRevisions } from '../../../../support/temp-revision';

describe('revision: copy conflicts', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  async function conflicts(source: string, tree: Record<string, string>): Promise<Array<{ line: number; message: string }>> {
    const revision = revisions.make(tree);
    const all = await diagnoseRevision(dedent(source), { files: nodeFileAccess(revision.root) });
    return all.filter((d) => d.code === 'copy-conflict').map((d) => ({ line: d.range.start.line + 1, message: d.message }));
  }

  it('reports two files copied to one destination, once, at the later mapping', async () => {
    const found = await conflicts(
      `
      version: 0.0
      os: linux
      files:
        - source: config/prod/app.conf
          destination: /etc/app
        - source: config/dev/app.conf
          destination: /etc/app/
    `,
      { 'config/prod/app.conf': 'p', 'config/dev/app.conf': 'd' },
    );
    assert.deepEqual(found.map((f) => f.line), [6]);
    assert.match(found[0].message, /copies config\/dev\/app\.conf to \/etc\/app\/app\.conf, where the mapping on line 4 already copies config\/prod\/app\.conf/);
  });

  it('reports a file copied where a folder mapping also puts that file, or makes a folder, whichever comes first', async () => {
    const tree = { 'site/index.html': '<p>', 'site/assets/logo.svg': '<svg/>', 'extra/index.html': '<p>', 'extra/assets': 'a file named like the folder' };
    const found = await conflicts(
      `
      version: 0.0
      os: linux
      files:
        - source: extra/index.html
          destination: /srv/www
        - source: site
          destination: /srv/www
        - source: extra/assets
          destination: /srv/www
    `,
      tree,
    );
    assert.deepEqual(found.map((f) => f.line), [4, 8]);
    assert.match(found[0].message, /where the mapping on line 6 already copies site\/index\.html/);
    assert.match(found[1].message, /copies the file extra\/assets to \/srv\/www\/assets, where the mapping on line 6 makes a folder/);
  });

  it('accepts separate destinations, the same file mapped twice (duplicate-file-mapping), and missing sources', async () => {
    const found = await conflicts(
      `
      version: 0.0
      os: linux
      files:
        - source: config/app.conf
          destination: /etc/app
        - source: config/app.conf
          destination: /etc/app
        - source: config/app.conf
          destination: /etc/other
        - source: site
          destination: /srv/www
        - source: missing.conf
          destination: /srv/www
    `,
      { 'config/app.conf': 'x', 'site/index.html': '<p>' },
    );
    assert.deepEqual(found, []);
  });
});
