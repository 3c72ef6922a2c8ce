import * as assert from 'node:assert/strict';
import { nodeFileAccess } from '../../../../../server/src/fs/node-file-access';
import { dedent, diagnoseRevision, expectRevisionAt } from '../../../../support/appspec';
import { TempRevisions } from '../../../../support/temp-revision';

const CODES = new Set(['file-object-pattern', 'default-acl-on-file']);

describe('revision: permissions on copied files', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  it('refuses a pattern, except entries and default ACLs on a file the deployment copies', async () => {
    const revision = revisions.make({ 'config/app.conf': 'x', 'site/index.html': '<p>' });
    const files = nodeFileAccess(revision.root);
    const head = 'version: 0.0\nos: linux\nfiles:\n  - source: config/app.conf\n    destination: /etc/app/\n  - source: /\n    destination: /srv\npermissions:\n';
    const [pattern] = await expectRevisionAt(`${head}  - object: /etc/app/app.conf\n    pattern: [["*.conf"]]\n    mode: 640\n`, 'file-object-pattern', 'error', { files });
    assert.match(pattern.message, /`\/etc\/app\/app\.conf` is a file this deployment copies \(from config\/app\.conf\).*Install fails/);
    const except = (await diagnoseRevision(`${head}  - object: /srv/site/index.html\n    except: [a.html]\n`, { files })).filter((d) => d.code === 'file-object-pattern');
    assert.deepEqual(except.map((d) => [d.range.start, d.range.end]), [[{ line: 9, character: 12 }, { line: 9, character: 20 }]], 'at the except list');
    const [acl] = await expectRevisionAt(`${head}  - object: //srv//site/index.html\n    acls:\n      - u:deploy:rw\n      - [[d:u:deploy:rw]]\n`, 'default-acl-on-file', 'error', { files });
    assert.match(acl.message, /default ACL entries \(d:\) belong to folders/);
  });

  it('accepts the same keys on folders, on files the entry does not apply to, and on paths nothing copies', async () => {
    const revision = revisions.make({ 'config/app.conf': 'x', 'site/index.html': '<p>' });
    const text = dedent(`
      version: 0.0
      os: linux
      files:
        - source: config/app.conf
          destination: /etc/app
        - source: site
          destination: /srv/site
      permissions:
        - object: /etc/app
          pattern: "*.conf"
          acls: [d:u:deploy:rw]
        - object: /srv/site/index.html
          type: [directory]
          pattern: "*.html"
        - object: /srv/site/index.html
          pattern: "**"
          acls: [u:deploy:rw]
        - object: /etc/app/other.conf
          pattern: "*.conf"
    `);
    const found = (await diagnoseRevision(text, { files: nodeFileAccess(revision.root) })).filter((d) => CODES.has(d.code));
    assert.deepEqual(found, []);
  });
});
