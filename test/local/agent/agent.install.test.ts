import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listTree, makeTempDir, removeTempDir, writeTree } from './support/archives';
import { appspec, deployTree, eventNamed, type DeployOptions } from './support/deploy';
import type { TreeEntry } from './support/archives';

const SITE: Record<string, TreeEntry> = {
  'site/index.html': '<p>v1</p>',
  'site/bin/run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
  'site/cache': { directory: true },
  'site/latest': { symlink: 'index.html' },
  'conf/app.conf': 'port=80\n',
};

describe('local agent: Install', () => {
  let work: string;
  let root: string;
  const at = (instancePath: string) => path.join(root, ...instancePath.split('/').filter(Boolean));
  const read = (instancePath: string) => fs.readFile(at(instancePath), 'utf8');
  const exists = (instancePath: string) => fs.lstat(at(instancePath)).then(() => true, () => false);
  const deploy = (files: string, tree: Record<string, TreeEntry>, options: DeployOptions = {}) => deployTree(work, { 'appspec.yml': appspec(files), ...tree }, options);

  beforeEach(async () => {
    work = await makeTempDir();
    root = path.join(work, 'instance', 'root');
  });
  afterEach(async () => {
    await removeTempDir(work);
  });

  it('copies a file into its destination folder and a folder\'s contents into its destination, under the instance root', async () => {
    const run = await deploy('files:\n  - source: conf/app.conf\n    destination: /etc/app\n  - source: /site\n    destination: /srv/www\n', SITE);
    assert.equal(run.outcome.status, 'Succeeded', JSON.stringify(eventNamed(run.outcome, 'Install').diagnostics));
    assert.deepEqual(await listTree(root), ['etc/', 'etc/app/', 'etc/app/app.conf', 'srv/', 'srv/www/', 'srv/www/bin/', 'srv/www/bin/run.sh', 'srv/www/cache/', 'srv/www/index.html', 'srv/www/latest']);
    assert.equal((await fs.stat(at('/srv/www/bin/run.sh'))).mode & 0o777, 0o755);
    assert.equal(await fs.readlink(at('/srv/www/latest')), 'index.html');
  });

  it('copies the whole revision, AppSpec included, for `source: /`, and keeps `..` and `~` inside the instance', async () => {
    const run = await deploy('files:\n  - source: /\n    destination: ../../../../opt/app\n  - source: conf/app.conf\n    destination: ~/conf\n', { 'conf/app.conf': 'x' });
    assert.equal(run.outcome.status, 'Succeeded');
    assert.ok(await exists('/opt/app/appspec.yml'));
    assert.ok(await exists('/opt/app/conf/app.conf'));
    assert.ok(await exists('/root/conf/app.conf'));
  });

  describe('file_exists_behavior against a file the deployment did not install', () => {
    const files = 'files:\n  - source: site\n    destination: /srv/www\n';
    beforeEach(async () => {
      await writeTree(root, { 'srv/www/index.html': 'hand-made' });
    });

    it('DISALLOW (the default) fails the Install and leaves the file alone', async () => {
      const run = await deploy(files, SITE);
      const install = eventNamed(run.outcome, 'Install');
      assert.equal(install.status, 'Failed');
      assert.equal(install.diagnostics?.errorCode, 'UnknownError');
      assert.equal(install.diagnostics?.message, 'The deployment failed because a specified file already exists at this location: /srv/www/index.html');
      assert.equal(await read('/srv/www/index.html'), 'hand-made');
    });

    it('OVERWRITE replaces it', async () => {
      const run = await deploy(files, SITE, { fileExistsBehavior: 'OVERWRITE' });
      assert.equal(run.outcome.status, 'Succeeded');
      assert.equal(await read('/srv/www/index.html'), '<p>v1</p>');
    });

    it('RETAIN keeps it, installs the rest, and the next deployment does not remove it', async () => {
      const run = await deploy(files, SITE, { fileExistsBehavior: 'RETAIN' });
      assert.equal(run.outcome.status, 'Succeeded');
      assert.equal(await read('/srv/www/index.html'), 'hand-made');
      assert.ok(await exists('/srv/www/bin/run.sh'));
      const next = await deploy('', {});
      assert.equal(next.outcome.status, 'Succeeded');
      assert.equal(await read('/srv/www/index.html'), 'hand-made');
      assert.equal(await exists('/srv/www/bin/run.sh'), false);
    });

    it('an AppSpec file_exists_behavior wins over the deployment\'s', async () => {
      const run = await deploy(`${files}file_exists_behavior: OVERWRITE\n`, SITE, { fileExistsBehavior: 'DISALLOW' });
      assert.equal(run.outcome.status, 'Succeeded');
      assert.equal(await read('/srv/www/index.html'), '<p>v1</p>');
    });
  });

  it('removes what the previous deployment of the group installed before copying (E-FI-9)', async () => {
    await writeTree(root, { 'srv/www/user-notes.txt': 'keep me' });
    const files = 'files:\n  - source: site\n    destination: /srv/www\n  - source: extra\n    destination: /opt/extra\n';
    assert.equal((await deploy(files, { ...SITE, 'extra/a.txt': 'a' })).outcome.status, 'Succeeded');
    // Same destinations again with DISALLOW: nothing collides, because the old copies are gone first.
    const second = await deploy('files:\n  - source: site\n    destination: /srv/www\n', { 'site/index.html': '<p>v2</p>' });
    assert.equal(second.outcome.status, 'Succeeded', JSON.stringify(eventNamed(second.outcome, 'Install').diagnostics));
    assert.deepEqual(await listTree(at('/srv')), ['www/', 'www/index.html', 'www/user-notes.txt']);
    assert.equal(await read('/srv/www/index.html'), '<p>v2</p>');
    assert.equal(await exists('/opt'), false, 'folders the first deployment created and nothing else uses are removed');
  });

  it('cleans up after folders made read-only by the bundle or by `mode: 555`, as root could', async () => {
    const files = 'files:\n  - source: app\n    destination: /opt/app\npermissions:\n  - object: /opt/app\n    mode: 555\n    type: [directory]\n';
    const tree: Record<string, TreeEntry> = { 'app/locked/a.txt': 'a', 'app/locked': { directory: true, mode: 0o555 } };
    assert.equal((await deploy(files, tree)).outcome.status, 'Succeeded');
    assert.equal((await fs.stat(at('/opt/app/locked'))).mode & 0o777, 0o555);
    const second = await deploy(files, tree);
    assert.equal(second.outcome.status, 'Succeeded', JSON.stringify(eventNamed(second.outcome, 'Install').diagnostics));
    assert.equal(await read('/opt/app/locked/a.txt'), 'a');
  });

  it('refuses to install a link that would point out of the instance', async () => {
    const run = await deploy('files:\n  - source: d1/d2\n    destination: /\n', { 'd1/d2/up': { symlink: '../../d1/keep.txt' }, 'd1/keep.txt': 'k' });
    assert.equal(eventNamed(run.outcome, 'Install').status, 'Failed');
    assert.match(eventNamed(run.outcome, 'Install').diagnostics?.message ?? '', /link up would point outside the local instance/);
    assert.deepEqual(await listTree(root), []);
  });

  it('fails the Install when two mappings copy to the same file, or a source is missing', async () => {
    const twice = await deploy('files:\n  - source: a/x.txt\n    destination: /srv\n  - source: b/x.txt\n    destination: /srv\n', { 'a/x.txt': 'a', 'b/x.txt': 'b' });
    assert.match(eventNamed(twice.outcome, 'Install').diagnostics?.message ?? '', /two source files .* same destination \(\/srv\/x\.txt\)/);
    const missing = await deploy('files:\n  - source: build/output\n    destination: /srv\n', {}, { deploymentGroupId: 'dg-other' });
    assert.equal(eventNamed(missing.outcome, 'Install').status, 'Failed');
    assert.match(eventNamed(missing.outcome, 'Install').diagnostics?.message ?? '', /No such file or directory/);
  });

  describe('permissions', () => {
    const files = 'files:\n  - source: app\n    destination: /opt/app\n';
    const tree: Record<string, TreeEntry> = {
      'app/run.sh': '#!/bin/sh\n',
      'app/debug.sh': '#!/bin/sh\n',
      'app/readme.txt': 'r',
      'app/lib/deep.sh': '#!/bin/sh\n',
    };

    it('sets mode on installed objects matching pattern and not except (immediate children only), and on a file object', async () => {
      const run = await deploy(
        `${files}permissions:\n  - object: /opt/app\n    pattern: "*.sh"\n    except: [debug.sh]\n    mode: 750\n    type: [file]\n  - object: /opt/app/readme.txt\n    mode: "0600"\n  - object: /opt/app/lib\n    mode: 711\n    owner: www\n`,
        tree,
      );
      assert.equal(run.outcome.status, 'Succeeded', JSON.stringify(eventNamed(run.outcome, 'Install').diagnostics));
      const mode = async (instancePath: string) => (await fs.stat(at(instancePath))).mode & 0o777;
      assert.equal(await mode('/opt/app/run.sh'), 0o750);
      assert.equal(await mode('/opt/app/debug.sh'), 0o644, 'excepted');
      assert.equal(await mode('/opt/app/readme.txt'), 0o600);
      assert.equal(await mode('/opt/app/lib/deep.sh'), 0o711, '`**` reaches every depth');
      assert.match(eventNamed(run.outcome, 'Install').diagnostics?.logTail ?? '', /\/opt\/app\/lib: owner\/group not applied/);
    });

    it('fails the Install when one object is matched by two entries', async () => {
      const run = await deploy(`${files}permissions:\n  - object: /opt/app\n    mode: 755\n  - object: /opt/app/run.sh\n    mode: 700\n`, tree);
      assert.match(eventNamed(run.outcome, 'Install').diagnostics?.message ?? '', /permissions setting for \(\/opt\/app\/run\.sh\) is specified more than once/);
    });

    it('fails the Install for a pattern or a default ACL on a file object, as the editor warns', async () => {
      const pattern = await deploy(`${files}permissions:\n  - object: /opt/app/readme.txt\n    pattern: "*.txt"\n`, tree);
      assert.match(eventNamed(pattern.outcome, 'Install').diagnostics?.message ?? '', /file \/opt\/app\/readme\.txt cannot have a pattern or except/);
      const acl = await deploy(`${files}permissions:\n  - object: /opt/app/readme.txt\n    acls:\n      - u:bob:rw\n      - d:u:bob:rw\n`, tree, { deploymentGroupId: 'dg-acl' });
      assert.match(eventNamed(acl.outcome, 'Install').diagnostics?.message ?? '', /file \/opt\/app\/readme\.txt cannot have default ACL entries/);
    });

    it('reads an unquoted octal-looking mode as the agent does (0644 is 420)', async () => {
      const run = await deploy(`${files}permissions:\n  - object: /opt/app/readme.txt\n    mode: 0644\n`, tree);
      assert.equal(run.outcome.status, 'Succeeded');
      assert.equal((await fs.stat(at('/opt/app/readme.txt'))).mode & 0o777, 0o420);
    });
  });
});
