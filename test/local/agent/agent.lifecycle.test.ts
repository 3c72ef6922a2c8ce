import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from './support/archives';
import { appspec, deployTree, eventNamed, IN_PLACE_EVENTS, IN_PLACE_LB_EVENTS, script, statuses } from './support/deploy';

const HOOKED = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'];

/** A revision whose every hook appends "<revision> <event> <variables>" to trace.log in the working directory. */
function tracingRevision(revision: string, events = HOOKED) {
  const hooks = events.map((event) => `  ${event}:\n    - location: scripts/trace.sh\n`).join('');
  return {
    'appspec.yml': appspec(`hooks:\n${hooks}`),
    'scripts/trace.sh': script(`echo "${revision} $LIFECYCLE_EVENT $DEPLOYMENT_ID $APPLICATION_NAME $DEPLOYMENT_GROUP_NAME $DEPLOYMENT_GROUP_ID \${BUNDLE_BUCKET:-none} \${BUNDLE_KEY:-none}" >> trace.log`),
  };
}

async function traceLines(work: string): Promise<string[]> {
  const text = await fs.readFile(path.join(work, 'instance', 'root', 'trace.log'), 'utf8');
  return text.trim().split('\n');
}

describe('local agent: lifecycle', () => {
  let work: string;
  beforeEach(async () => {
    work = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(work);
  });

  it('runs every in-place event in order on a first deployment, skipping ApplicationStop with nothing to stop', async () => {
    const run = await deployTree(work, tracingRevision('r1'), { revisionEnvironment: { BUNDLE_BUCKET: 'bucket-a', BUNDLE_KEY: 'app/r1.zip', SECRET_THING: 'x' } });
    assert.equal(run.outcome.status, 'Succeeded');
    assert.deepEqual(statuses(run.outcome), IN_PLACE_EVENTS.map((name) => `${name}:Succeeded`));
    // onEvent: InProgress then the end, per event, in order.
    assert.deepEqual(
      run.seen.map((event) => `${event.lifecycleEventName}:${event.status}`),
      IN_PLACE_EVENTS.flatMap((name) => [`${name}:InProgress`, `${name}:Succeeded`]),
    );
    const id = run.deploymentId;
    assert.deepEqual(await traceLines(work), [
      `r1 BeforeInstall ${id} LocalApp LocalGroup dg-local-1 bucket-a app/r1.zip`,
      `r1 AfterInstall ${id} LocalApp LocalGroup dg-local-1 bucket-a app/r1.zip`,
      `r1 ApplicationStart ${id} LocalApp LocalGroup dg-local-1 bucket-a app/r1.zip`,
      `r1 ValidateService ${id} LocalApp LocalGroup dg-local-1 bucket-a app/r1.zip`,
    ]);
    for (const event of run.outcome.events) {
      assert.ok(event.startTime && event.endTime && event.endTime >= event.startTime, `${event.lifecycleEventName} has times`);
      assert.equal(event.diagnostics?.errorCode, 'Success');
    }
    assert.match(eventNamed(run.outcome, 'ApplicationStop').diagnostics?.logTail ?? '', /no previous successful revision/);
  });

  it('runs ApplicationStop and the block-traffic hooks from the last successful revision, the rest from the new one', async () => {
    await deployTree(work, tracingRevision('r1'), { events: IN_PLACE_LB_EVENTS });
    await fs.rm(path.join(work, 'instance', 'root', 'trace.log'));
    const run = await deployTree(work, tracingRevision('r2'), { events: IN_PLACE_LB_EVENTS });
    assert.equal(run.outcome.status, 'Succeeded');
    assert.deepEqual(statuses(run.outcome), IN_PLACE_LB_EVENTS.map((name) => `${name}:Succeeded`));
    const lines = (await traceLines(work)).map((line) => line.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(lines, [
      'r1 BeforeBlockTraffic',
      'r1 AfterBlockTraffic',
      'r1 ApplicationStop',
      'r2 BeforeInstall',
      'r2 AfterInstall',
      'r2 ApplicationStart',
      'r2 ValidateService',
      'r2 BeforeAllowTraffic',
      'r2 AfterAllowTraffic',
    ]);
  });

  it('unpacks tar and tgz bundles as well as zip', async () => {
    for (const bundleType of ['tar', 'tgz'] as const) {
      const run = await deployTree(work, tracingRevision(bundleType, ['AfterInstall']), { bundleType, deploymentGroupId: `dg-${bundleType}` });
      assert.equal(run.outcome.status, 'Succeeded', JSON.stringify(run.outcome.events));
    }
    assert.deepEqual((await traceLines(work)).map((line) => line.split(' ')[0]), ['tar', 'tgz']);
  });

  it('fails BeforeInstall with UnknownError when the agent would reject the AppSpec, and skips the rest', async () => {
    const run = await deployTree(work, { 'appspec.yml': 'version: 1.0\nos: linux\n' });
    assert.equal(run.outcome.status, 'Failed');
    assert.deepEqual(statuses(run.outcome), ['ApplicationStop:Succeeded', 'DownloadBundle:Succeeded', 'BeforeInstall:Failed', 'Install:Skipped', 'AfterInstall:Skipped', 'ApplicationStart:Skipped', 'ValidateService:Skipped']);
    const diagnostics = eventNamed(run.outcome, 'BeforeInstall').diagnostics;
    assert.equal(diagnostics?.errorCode, 'UnknownError');
    assert.match(diagnostics?.message ?? '', /appspec\.yml.*version/i);
  });

  it('rejects `os: windows` as a Linux agent does', async () => {
    const run = await deployTree(work, { 'appspec.yml': 'version: 0.0\nos: windows\n' });
    const diagnostics = eventNamed(run.outcome, 'BeforeInstall').diagnostics;
    assert.equal(run.outcome.status, 'Failed');
    assert.match(diagnostics?.message ?? '', /os "windows" is not supported/);
  });

  it('fails BeforeInstall when the bundle has only appspec.yaml (hooks look for appspec.yml only)', async () => {
    const run = await deployTree(work, { 'appspec.yaml': appspec() });
    assert.equal(eventNamed(run.outcome, 'BeforeInstall').status, 'Failed');
    assert.match(eventNamed(run.outcome, 'BeforeInstall').diagnostics?.message ?? '', /did not find an AppSpec file/);
  });

  it('keeps a broken previous revision from blocking the next deployment only with ignoreApplicationStopFailures', async () => {
    await deployTree(work, { 'appspec.yml': appspec('hooks:\n  ApplicationStop:\n    - location: stop.sh\n'), 'stop.sh': script('echo stopping; exit 3') });
    const blocked = await deployTree(work, { 'appspec.yml': appspec() });
    assert.equal(blocked.outcome.status, 'Failed');
    const stop = eventNamed(blocked.outcome, 'ApplicationStop');
    assert.equal(stop.diagnostics?.errorCode, 'ScriptFailed');
    assert.equal(stop.diagnostics?.scriptName, 'stop.sh');
    assert.equal(eventNamed(blocked.outcome, 'DownloadBundle').status, 'Skipped');

    const forgiven = await deployTree(work, { 'appspec.yml': appspec() }, { ignoreApplicationStopFailures: true });
    assert.equal(forgiven.outcome.status, 'Succeeded');
    assert.match(eventNamed(forgiven.outcome, 'ApplicationStop').diagnostics?.logTail ?? '', /failure is ignored/);
  });

  it('keeps the five newest unpacked revisions of a group, as the agent\'s max_revisions default', async () => {
    for (let i = 0; i < 7; i++) assert.equal((await deployTree(work, { 'appspec.yml': appspec() })).outcome.status, 'Succeeded');
    const kept = (await fs.readdir(path.join(work, 'instance', 'agent', 'dg-local-1'))).length;
    assert.equal(kept, 5);
  });

  it('writes every script line to the deployment\'s scripts.log under the agent folder', async () => {
    const run = await deployTree(work, { 'appspec.yml': appspec('hooks:\n  AfterInstall:\n    - location: a.sh\n'), 'a.sh': script('echo to-out; echo to-err >&2') });
    const log = await fs.readFile(path.join(work, 'instance', 'agent', 'dg-local-1', run.deploymentId, 'logs', 'scripts.log'), 'utf8');
    assert.match(log, /LifecycleEvent - AfterInstall\n.*Script - a\.sh\n.*\[stdout\]to-out\n.*\[stderr\]to-err\n/);
    assert.match(eventNamed(run.outcome, 'AfterInstall').diagnostics?.logTail ?? '', /^LifecycleEvent - AfterInstall\nScript - a\.sh\n/);
  });
});
