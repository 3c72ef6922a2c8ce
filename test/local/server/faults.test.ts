import * as assert from 'node:assert/strict';
import { CreateApplicationCommand, GetApplicationCommand, ListApplicationsCommand } from '@aws-sdk/client-codedeploy';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { parseFaults } from '../../../local/src/faults';
import { startInProcess, startProcess, removeDir, tempDir } from '../support/endpoint';

/** The SDK's own retry strategy with a 5 ms back-off, so proving retries does not take seconds. */
const quickRetries = (attempts: number) => new ConfiguredRetryStrategy(attempts, () => 5);

describe('local endpoint: fault injection proves client retries', function () {
  it('throttles a share of calls with ThrottlingException; the SDK retries them to success', async function () {
    const local = await startInProcess({ faults: { throttleRate: 0.5, seed: 7 } });
    try {
      const client = local.codedeploy({ retryStrategy: quickRetries(12) });
      let attempts = 0;
      for (let index = 0; index < 10; index += 1) {
        const output = await client.send(new CreateApplicationCommand({ applicationName: `retry-${index}` }));
        attempts += output.$metadata.attempts ?? 1;
      }
      assert.ok(attempts > 10, `some calls were retried (${attempts} attempts for 10 calls)`);
      assert.equal(local.local.faultCounts.throttled, attempts - 10);
      const listed = await client.send(new ListApplicationsCommand({}));
      assert.equal(listed.applications?.length, 10, 'each create took effect exactly once');

      const noRetry = local.codedeploy({ maxAttempts: 1 });
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => noRetry.send(new GetApplicationCommand({ applicationName: 'retry-0' }))));
      const throttled = outcomes.filter((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).name === 'ThrottlingException');
      assert.ok(throttled.length > 0 && throttled.length < 20, `a share of calls was throttled (${throttled.length}/20)`);
    } finally {
      await local.stop();
    }
  });

  it('answers a share with 500 InternalFailure and adds latency, from the command line', async function () {
    const dataDir = await tempDir();
    const local = await startProcess(['--data', dataDir, '--faults', '5xx=0.5,latency=20,seed=3']);
    try {
      const client = local.codedeploy({ retryStrategy: quickRetries(12) });
      const started = Date.now();
      let attempts = 0;
      for (let index = 0; index < 5; index += 1) attempts += (await client.send(new ListApplicationsCommand({}))).$metadata.attempts ?? 1;
      assert.ok(attempts > 5, `5xx answers were retried (${attempts} attempts)`);
      assert.ok(Date.now() - started >= attempts * 20, 'each attempt waited the added latency');
      const single = local.codedeploy({ maxAttempts: 1 });
      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => single.send(new ListApplicationsCommand({}))));
      const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
      assert.ok(failed.length > 0);
      for (const outcome of failed) assert.equal(((outcome as PromiseRejectedResult).reason as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode, 500);
    } finally {
      await local.stop();
      await removeDir(dataDir);
    }
  });

  it('reads fault specs and rejects unknown ones', function () {
    assert.deepEqual(parseFaults('throttle=0.3, 5xx=0.1,latency=50,seed=2'), { throttleRate: 0.3, serverErrorRate: 0.1, latencyMs: 50, seed: 2 });
    assert.throws(() => parseFaults('explode=1'), /unknown fault/);
  });
});
