import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadState, saveStateAtomic } from '../../../local/src/state/persist';
import { emptyState } from '../../../local/src/state/types';
import { removeDir, tempDir } from '../support/endpoint';

describe('local endpoint: state file', function () {
  let dir: string;

  beforeEach(async function () {
    dir = await tempDir();
  });

  afterEach(async function () {
    await removeDir(dir);
  });

  it('round-trips dates as dates and date-like strings as strings, leaving no temporary file', async function () {
    const file = path.join(dir, 'state.json');
    const state = emptyState();
    const created = new Date('2026-11-22T05:00:00.123Z');
    state.applications.app = { applicationName: 'app', applicationId: 'id', createTime: created, computePlatform: 'Server' };
    state.revisions.push({ applicationName: 'app', key: 'k', location: {}, info: { description: '2026-11-22T05:00:00.123Z' } });
    saveStateAtomic(file, state);
    const loaded = loadState(file);
    assert.ok(loaded.applications.app?.createTime instanceof Date);
    assert.equal(loaded.applications.app.createTime.getTime(), created.getTime());
    assert.equal(loaded.revisions[0]?.info.description, '2026-11-22T05:00:00.123Z');
    assert.deepEqual(await fs.readdir(dir), ['state.json']);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
  });

  it('starts empty without a file and refuses a file of another format', async function () {
    assert.deepEqual(loadState(path.join(dir, 'none.json')), emptyState());
    const other = path.join(dir, 'other.json');
    await fs.writeFile(other, '{"applications":{}}');
    assert.throws(() => loadState(other), /unsupported state file format/);
  });
});
