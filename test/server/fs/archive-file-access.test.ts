import * as assert from 'node:assert/strict';
import { revisionCodes } from '../../../server/src/appspec/codes/revision';
import { archiveFileAccess, type ArchiveEntry } from '../../../server/src/fs/archive-file-access';
import { diagnoseRevision } from '../../support/appspec';

const bytes = (text: string) => new TextEncoder().encode(text);

const BUNDLE: ArchiveEntry[] = [
  { path: 'myapp/appspec.yml', kind: 'file', mode: 0o644 },
  { path: 'myapp/scripts/start.sh', kind: 'file', mode: 0o755, firstBytes: bytes('#!/bin/bash\necho hi\n') },
  { path: 'myapp/scripts/crlf.sh', kind: 'file', mode: 0o644, firstBytes: bytes('#!/bin/bash\r\necho hi\r\n') },
  { path: 'myapp/scripts/current', kind: 'symlink', mode: 0o777, target: 'start.sh' },
  { path: 'myapp/scripts/escape', kind: 'symlink', mode: 0o777, target: '../../other/x.sh' },
  { path: 'myapp/scripts/etc', kind: 'symlink', mode: 0o777, target: '/etc/passwd' },
  { path: 'myapp/scripts/loop', kind: 'symlink', mode: 0o777, target: 'loop' },
  { path: 'other/x.sh', kind: 'file', mode: 0o755 },
  { path: '../../evil.sh', kind: 'file', mode: 0o755 },
];

describe('fs: FileAccess over a bundle entry list', () => {
  const files = archiveFileAccess(BUNDLE, { root: 'myapp' });

  it('stats files and the folders the entries imply, with the owner-executable bit', async () => {
    assert.deepEqual(await files.stat('scripts/start.sh'), { kind: 'file', executable: true, size: 20, outsideRoot: false });
    assert.deepEqual(await files.stat('scripts/crlf.sh'), { kind: 'file', executable: false, size: 22, outsideRoot: false });
    assert.equal((await files.stat('scripts'))?.kind, 'directory');
    assert.equal((await files.stat('.'))?.kind, 'directory');
    assert.equal(await files.stat('scripts/none.sh'), undefined);
    assert.equal(await files.stat('scripts/start.sh/x'), undefined);
  });

  it('treats a zip without unix modes as executable, as the file-system access does', async () => {
    assert.equal((await archiveFileAccess([{ path: 'run.sh', kind: 'file', mode: 0 }]).stat('run.sh'))?.executable, true);
  });

  it('follows links inside the root and calls links that leave it outside, loops included', async () => {
    assert.equal((await files.stat('scripts/current'))?.kind, 'file');
    assert.equal(await files.readText('scripts/current', 11), '#!/bin/bash');
    for (const link of ['scripts/escape', 'scripts/etc', 'scripts/loop', '../other/x.sh']) assert.equal((await files.stat(link))?.outsideRoot, true, link);
    assert.equal(await files.readText('scripts/escape', 100), undefined);
  });

  it('lists a folder and leaves out entries that climb out of the archive', async () => {
    assert.deepEqual((await files.list('scripts'))?.map((entry) => `${entry.name}:${entry.kind}`).sort(), ['crlf.sh:file', 'current:other', 'escape:other', 'etc:other', 'loop:other', 'start.sh:file']);
    assert.deepEqual((await archiveFileAccess(BUNDLE).list('.'))?.map((entry) => entry.name).sort(), ['myapp', 'other']);
    assert.equal(await files.list('scripts/start.sh'), undefined);
  });

  it('reads at most the requested bytes, and nothing when the first bytes were not extracted', async () => {
    assert.equal(await files.readText('scripts/start.sh', 2), '#!');
    assert.equal(await files.readText('appspec.yml', 100), undefined);
  });

  it('gives the revision checks the same verdicts as a folder on disk', async () => {
    const appspec = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n    - location: scripts/crlf.sh\n    - location: scripts/escape\n    - location: /scripts/missing.sh\n';
    const found = (await diagnoseRevision(appspec, { files })).filter((d) => d.code in revisionCodes).map((d) => `${d.code}@${d.range.start.line}`);
    assert.deepEqual(found, ['script-crlf@5', 'script-not-executable@5', 'path-escapes-revision@6', 'script-not-found@7']);
  });
});
