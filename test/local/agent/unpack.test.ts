import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BundleRejectedError, unpackBundle } from '../../../local/src/agent';
import { listTree, makeTempDir, rawTar, rawZip, removeTempDir, tarFolder, writeTree, zipFolder, type RawEntry } from './support/archives';
import { deployBundle, eventNamed, statuses } from './support/deploy';

const REVISION = {
  'appspec.yml': 'version: 0.0\nos: linux\n',
  'scripts/start.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o755 },
  'config/secret.conf': { content: 'key=value\n', mode: 0o600 },
  'config/current': { symlink: 'secret.conf' },
  'logs': { directory: true as const },
};

async function modeOf(file: string): Promise<number> {
  return (await fs.lstat(file)).mode & 0o777;
}

describe('local agent: unpacking bundles', () => {
  let work: string;
  let target: string;
  beforeEach(async () => {
    work = await makeTempDir();
    target = path.join(work, 'instance', 'agent', 'deployment-archive');
    await writeTree(path.join(work, 'revision'), REVISION);
  });
  afterEach(async () => {
    await removeTempDir(work);
  });

  for (const type of ['zip', 'tar', 'tgz'] as const) {
    it(`unpacks a ${type} with unix modes, links and empty folders kept`, async () => {
      const bundle = path.join(work, `bundle.${type}`);
      if (type === 'zip') await zipFolder(path.join(work, 'revision'), bundle);
      else await tarFolder(path.join(work, 'revision'), bundle, type === 'tgz');
      await unpackBundle(bundle, type, target);
      assert.deepEqual(await listTree(target), ['appspec.yml', 'config/', 'config/current', 'config/secret.conf', 'logs/', 'scripts/', 'scripts/start.sh']);
      assert.equal(await modeOf(path.join(target, 'scripts', 'start.sh')), 0o755);
      assert.equal(await modeOf(path.join(target, 'config', 'secret.conf')), 0o600);
      assert.equal(await fs.readlink(path.join(target, 'config', 'current')), 'secret.conf');
    });
  }

  it('strips a single top-level folder that holds the AppSpec (E-LOC-1), and only then', async () => {
    const wrapped = path.join(work, 'wrapped.zip');
    await zipFolder(path.join(work, 'revision'), wrapped, 'myapp/');
    await unpackBundle(wrapped, 'zip', target);
    assert.ok((await listTree(target)).includes('appspec.yml'));

    await writeTree(path.join(work, 'no-appspec'), { 'site/index.html': '<p>hi</p>' });
    const plain = path.join(work, 'plain.tgz');
    await tarFolder(path.join(work, 'no-appspec'), plain, true);
    await unpackBundle(plain, 'tgz', target);
    assert.deepEqual(await listTree(target), ['site/', 'site/index.html']);
  });

  describe('hostile bundles are rejected with nothing written outside', () => {
    let outside: string;
    beforeEach(async () => {
      outside = path.join(work, 'outside');
      await fs.mkdir(outside);
    });

    async function assertRejected(bundle: string, type: 'zip' | 'tar' | 'tgz', reason: RegExp): Promise<void> {
      await assert.rejects(unpackBundle(bundle, type, target), (error: unknown) => error instanceof BundleRejectedError && reason.test(error.message));
      assert.deepEqual(await fs.readdir(outside), [], 'nothing was written next to the instance');
      assert.deepEqual(await fs.readdir(path.dirname(target)), [], 'no partial revision is left behind');
    }

    // Absolute names point into `outside` (known only per test), so a bug would show there.
    const absolute = '<outside>/evil-absolute.txt';
    const zipCases: Array<[string, Array<{ name: string; content?: string; symlink?: string }>, RegExp]> = [
      ['a ../ entry', [{ name: 'appspec.yml', content: 'x' }, { name: '../../../outside/evil.txt', content: 'pwned' }], /leaves the revision|not a zip/],
      ['an absolute entry', [{ name: absolute, content: 'pwned' }], /absolute|not a zip/],
      ['a link pointing out', [{ name: 'escape', symlink: '../../../outside' }], /points outside/],
      ['a link to an absolute path', [{ name: 'passwd', symlink: '/etc/passwd' }], /absolute path/],
      ['a write through a link', [{ name: 'inner', symlink: '.' }, { name: 'inner/x.txt', content: 'x' }], /below a file or symbolic link/],
    ];
    for (const [what, entries, reason] of zipCases) {
      it(`zip: ${what}`, async () => {
        const bundle = path.join(work, 'hostile.zip');
        await rawZip(bundle, entries.map((entry) => ({ ...entry, name: entry.name.replace('<outside>', outside) })));
        await assertRejected(bundle, 'zip', reason);
      });
    }

    const tarCases: Array<[string, RawEntry[], RegExp]> = [
      ['a ../ entry', [{ name: 'appspec.yml', content: 'x' }, { name: '../../../outside/evil.txt', content: 'pwned' }], /leaves the revision/],
      ['an absolute entry', [{ name: absolute, content: 'pwned' }], /absolute path/],
      ['a link pointing out', [{ name: 'escape', type: 'SymbolicLink', linkpath: '../../../outside' }, { name: 'escape/evil.txt', content: 'pwned' }], /points outside/],
      ['a hard link to a file outside', [{ name: 'passwd', type: 'Link', linkpath: '/etc/passwd' }], /absolute path/],
    ];
    for (const [what, entries, reason] of tarCases) {
      for (const type of ['tar', 'tgz'] as const) {
        it(`${type}: ${what}`, async () => {
          const bundle = path.join(work, `hostile.${type}`);
          await rawTar(bundle, entries.map((entry) => ({ ...entry, name: entry.name.replace('<outside>', outside) })), type === 'tgz');
          await assertRejected(bundle, type, reason);
        });
      }
    }

    it('fails DownloadBundle with UnknownError and installs nothing', async () => {
      const bundle = path.join(work, 'hostile.tgz');
      await rawTar(bundle, [{ name: 'appspec.yml', content: 'version: 0.0\nos: linux\n' }, { name: '../../../../outside/evil.txt', content: 'pwned' }], true);
      const run = await deployBundle(work, bundle, { bundleType: 'tgz' });
      assert.equal(run.outcome.status, 'Failed');
      assert.deepEqual(statuses(run.outcome).slice(0, 3), ['ApplicationStop:Succeeded', 'DownloadBundle:Failed', 'BeforeInstall:Skipped']);
      const diagnostics = eventNamed(run.outcome, 'DownloadBundle').diagnostics;
      assert.equal(diagnostics?.errorCode, 'UnknownError');
      assert.match(diagnostics?.message ?? '', /leaves the revision folder: \.\.\/\.\.\/\.\.\/\.\.\/outside\/evil\.txt/);
      assert.deepEqual(await fs.readdir(outside), []);
      assert.deepEqual(await listTree(path.join(work, 'instance', 'root')), []);
    });
  });
});
