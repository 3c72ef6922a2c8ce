import * as assert from 'node:assert/strict';
import { revisionCodes } from '../../../../../server/src/appspec/codes/revision';
import { nodeFileAccess } from '../../../../../server/src/fs/node-file-access';
import type { FileAccess } from '../../../../../server/src/appspec/types';
import { dedent, diagnoseRevision, expectRevisionAt } from '../../../../support/appspec';
import { TempRevisions } from '../../../../support/temp-revision';

async function revisionFindings(source: string, files: FileAccess): Promise<string[]> {
  const all = await diagnoseRevision(dedent(source), { files });
  return all.filter((d) => d.code in revisionCodes || d.code === 'internal-error').map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
}

describe('revision: files sources', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  it('accepts the whole revision and sources that exist, files or folders, with or without a leading /', async () => {
    const revision = revisions.make({ 'public/index.html': '<p>', 'config/app.conf': 'x' });
    const findings = await revisionFindings(
      `
      version: 0.0
      os: linux
      files:
        - source: /
          destination: /var/www/app
        - source: .
          destination: /var/www/app
        - source: ./
          destination: /var/www/app
        - source: /public
          destination: /var/www/html
        - source: config/app.conf
          destination: /etc/app
      `,
      nodeFileAccess(revision.root),
    );
    assert.deepEqual(findings, []);
  });

  it('looks for an unquoted number under the name Ruby\'s to_s gives it: 1.0 stays "1.0"', async () => {
    const revision = revisions.make({ '1.0': 'x', '0x10': 'x' });
    const source = (written: string) => `version: 0.0\nos: linux\nfiles:\n  - source: ${written}\n    destination: /srv\n`;
    assert.deepEqual(await revisionFindings(source('1.0'), nodeFileAccess(revision.root)), []);
    assert.deepEqual(await revisionFindings(source('0x10'), nodeFileAccess(revision.root)), ['source-not-found@3:12']);
  });

  it('warns about a source that is not in the revision', async () => {
    const revision = revisions.make({ 'build/other': 'x' });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nfiles:\n  - source: [[build/output]]\n    destination: /opt/app\n', 'source-not-found', 'warning', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /Install fails/);
    assert.equal(found.data?.path, 'build/output');
  });

  it('says that wildcards are not expanded', async () => {
    const revision = revisions.make({ 'site-1.0.jar': 'x' });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nfiles:\n  - source: [[/site-*.jar]]\n    destination: /opt/app\n', 'source-not-found', 'warning', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /wildcards are not expanded/);
  });

  it('rejects .. out of the root and a link to a folder outside the tree', async () => {
    const outside = revisions.make({ 'shared/a.txt': 'x' });
    const revision = revisions.make({ 'shared': { link: outside.at('shared') } });
    await expectRevisionAt('version: 0.0\nos: linux\nfiles:\n  - source: [[../shared]]\n    destination: /opt/app\n  - source: [[shared]]\n    destination: /opt/app\n', 'path-escapes-revision', 'error', { files: nodeFileAccess(revision.root) });
  });

  it('flags a backslash source in a Linux AppSpec', async () => {
    const revision = revisions.make({ 'index.html': 'x' });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nfiles:\n  - source: [[\\index.html]]\n    destination: /var/www\n  - source: [[\\]]\n    destination: /var/www\n', 'backslash-path', 'warning', { files: nodeFileAccess(revision.root) });
    assert.equal(found.data?.replacement, '/index.html');
  });

  it('accepts Windows sources written with backslashes, in any letter case', async () => {
    const revision = revisions.make({ 'Index.html': 'x', 'Site/web.config': 'x' });
    const findings = await revisionFindings(
      `
      version: 0.0
      os: windows
      files:
        - source: \\index.html
          destination: c:\\inetpub\\wwwroot
        - source: \\
          destination: 'C:\\inetpub\\wwwroot'
        - source: .\\site\\Web.config
          destination: C:\\inetpub\\wwwroot
      `,
      nodeFileAccess(revision.root),
    );
    assert.deepEqual(findings, []);
  });

  it('rejects a Windows drive path as a source', async () => {
    const revision = revisions.make({});
    await expectRevisionAt('version: 0.0\nos: windows\nfiles:\n  - source: [[C:\\build\\app]]\n    destination: C:\\app\n', 'path-escapes-revision', 'error', { files: nodeFileAccess(revision.root) });
  });
});
