import * as assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from './support/archives';
import { appspec, deployTree, eventNamed, script, statuses } from './support/deploy';

/** Waits for a file a script writes (its pid, "started"), checking often; fails after `limitMs`. */
async function waitForFile(file: string, limitMs = 5000): Promise<string> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined && text.endsWith('\n')) return text.trim();
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${limitMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A killed orphan stays a zombie until PID 1 reaps it, which some containers do slowly; a zombie is dead. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Waits until the process is gone (the agent's SIGTERM/SIGKILL reached it). */
async function waitForExit(pid: number, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      throw new Error(`process ${pid} outlived its script's process group`);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function afterInstall(...locations: string[]): string {
  return appspec(`hooks:\n  AfterInstall:\n${locations.map((location) => `    - location: ${location}\n      timeout: 1\n`).join('')}`);
}

describe('local agent: hook scripts', function () {
  this.timeout(15000);
  let work: string;
  beforeEach(async () => {
    work = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(work);
  });

  it('fails the event with ScriptFailed on a non-zero exit, skips the event\'s later scripts and the later events', async () => {
    const run = await deployTree(work, {
      'appspec.yml': afterInstall('scripts/fail.sh', 'scripts/never.sh'),
      'scripts/fail.sh': script('echo "about to fail"; echo "config missing" >&2; exit 7'),
      'scripts/never.sh': script('touch never-ran'),
    });
    assert.equal(run.outcome.status, 'Failed');
    assert.deepEqual(statuses(run.outcome).slice(4), ['AfterInstall:Failed', 'ApplicationStart:Skipped', 'ValidateService:Skipped']);
    const diagnostics = eventNamed(run.outcome, 'AfterInstall').diagnostics;
    assert.deepEqual(diagnostics, {
      errorCode: 'ScriptFailed',
      scriptName: 'scripts/fail.sh',
      message: 'Script at specified location: scripts/fail.sh failed with exit code 7',
      logTail: 'LifecycleEvent - AfterInstall\nScript - scripts/fail.sh\n[stdout]about to fail\n[stderr]config missing\n',
    });
    await assert.rejects(fs.access(path.join(work, 'instance', 'root', 'never-ran')));
  });

  it('reports ScriptMissing for a location that is not in the revision', async () => {
    const run = await deployTree(work, { 'appspec.yml': afterInstall('/scripts/nope.sh') });
    const diagnostics = eventNamed(run.outcome, 'AfterInstall').diagnostics;
    assert.equal(diagnostics?.errorCode, 'ScriptMissing');
    assert.equal(diagnostics?.scriptName, '/scripts/nope.sh');
    assert.match(diagnostics?.message ?? '', /Script does not exist at specified location/);
  });

  it('kills the whole process group of a script that outlives its timeout (ScriptTimedOut)', async () => {
    const run = await deployTree(work, {
      'appspec.yml': afterInstall('hang.sh'),
      'hang.sh': script('sleep 30 &\necho $! > child.pid\nwait'),
    });
    const diagnostics = eventNamed(run.outcome, 'AfterInstall').diagnostics;
    assert.equal(diagnostics?.errorCode, 'ScriptTimedOut');
    assert.equal(diagnostics?.message, 'Script at specified location: hang.sh failed to complete in 1 seconds');
    await waitForExit(Number(await waitForFile(path.join(work, 'instance', 'root', 'child.pid'))));
  });

  it('fails a script that exits but leaves a child holding its output open, once the timeout passes', async () => {
    const started = Date.now();
    const run = await deployTree(work, {
      'appspec.yml': afterInstall('daemon.sh'),
      'daemon.sh': script('sleep 30 &\necho $! > daemon.pid\necho started\nexit 0'),
    });
    const diagnostics = eventNamed(run.outcome, 'AfterInstall').diagnostics;
    assert.equal(diagnostics?.errorCode, 'UnknownError');
    assert.equal(diagnostics?.message, 'Script at specified location: daemon.sh failed to close STDOUT');
    assert.ok(Date.now() - started >= 1000, 'the agent waited for the timeout');
    await waitForExit(Number(await waitForFile(path.join(work, 'instance', 'root', 'daemon.pid'))));
  });

  it('succeeds with a background process whose output is redirected, as the docs advise', async () => {
    const run = await deployTree(work, {
      'appspec.yml': afterInstall('daemon.sh'),
      'daemon.sh': script('sleep 0.2 > /dev/null 2>&1 &\nexit 0'),
    });
    assert.equal(run.outcome.status, 'Succeeded');
  });

  it('makes a non-executable script executable and runs a script without #! under /bin/sh', async () => {
    const run = await deployTree(work, {
      'appspec.yml': afterInstall('plain.sh', 'noshebang.sh'),
      'plain.sh': { content: '#!/bin/sh\necho plain > plain.out\n', mode: 0o644 },
      'noshebang.sh': { content: 'echo sh > noshebang.out\n', mode: 0o755 },
    });
    assert.equal(run.outcome.status, 'Succeeded', JSON.stringify(eventNamed(run.outcome, 'AfterInstall').diagnostics));
    assert.equal(await fs.readFile(path.join(work, 'instance', 'root', 'plain.out'), 'utf8'), 'plain\n');
    assert.equal(await fs.readFile(path.join(work, 'instance', 'root', 'noshebang.out'), 'utf8'), 'sh\n');
  });

  it('reports runas as ignored and still runs the script as the current user', async () => {
    const run = await deployTree(work, {
      'appspec.yml': appspec('hooks:\n  AfterInstall:\n    - location: who.sh\n      runas: deploy\n'),
      'who.sh': script('id -u > uid.out'),
    });
    assert.equal(run.outcome.status, 'Succeeded');
    assert.equal((await fs.readFile(path.join(work, 'instance', 'root', 'uid.out'), 'utf8')).trim(), String(process.getuid?.()));
    assert.match(eventNamed(run.outcome, 'AfterInstall').diagnostics?.logTail ?? '', /runas\/sudo ignored/);
  });

  it('keeps only the last 4 KB of a chatty event\'s output as logTail', async () => {
    const run = await deployTree(work, {
      'appspec.yml': afterInstall('chatty.sh'),
      'chatty.sh': script('i=0; while [ $i -lt 500 ]; do echo "line $i of output"; i=$((i+1)); done; exit 1'),
    });
    const tail = eventNamed(run.outcome, 'AfterInstall').diagnostics?.logTail ?? '';
    assert.ok(Buffer.byteLength(tail) <= 4096 && Buffer.byteLength(tail) > 4000, `tail is ${Buffer.byteLength(tail)} bytes`);
    assert.match(tail, /\[stdout\]line 499 of output\n$/);
  });

  it('stops on abort: kills the running script\'s group, skips the remaining events, outcome Stopped', async () => {
    const controller = new AbortController();
    const pidFile = path.join(work, 'instance', 'root', 'long.pid');
    const runPromise = deployTree(
      work,
      { 'appspec.yml': appspec('hooks:\n  AfterInstall:\n    - location: long.sh\n      timeout: 60\n'), 'long.sh': script('sleep 30 &\necho $! > long.pid\nwait') },
      { signal: controller.signal },
    );
    const childPid = Number(await waitForFile(pidFile));
    controller.abort();
    const run = await runPromise;
    assert.equal(run.outcome.status, 'Stopped');
    assert.deepEqual(statuses(run.outcome).slice(4), ['AfterInstall:Failed', 'ApplicationStart:Skipped', 'ValidateService:Skipped']);
    await waitForExit(childPid);
  });
});
