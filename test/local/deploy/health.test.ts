import * as assert from 'node:assert/strict';
import { cannotSucceed, planHealth, startableCount, succeeded } from '../../../local/src/deploy/health';
import { PREDEFINED_CONFIGS } from '../../../local/src/deploy/predefined-configs';

const config = (name: string) => PREDEFINED_CONFIGS.find((candidate) => candidate.deploymentConfigName === name)!;
const counts = (total: number, pending: number, inFlight: number, succeededCount: number, failed: number) => ({ total, pending, inFlight, succeeded: succeededCount, failed });

describe('local endpoint: minimum healthy hosts', function () {
  it('follows the documented nine-instance examples (HOST_COUNT 6 → 3 at once; FLEET_PERCENT 40 → 5 at once)', function () {
    const hostCount = planHealth({ minimumHealthyHosts: { type: 'HOST_COUNT', value: 6 } }, 9);
    assert.equal(startableCount(hostCount, counts(9, 9, 0, 0, 0)), 3);
    assert.equal(succeeded(hostCount, counts(9, 0, 0, 6, 3)), true);
    assert.equal(succeeded(hostCount, counts(9, 0, 0, 5, 4)), false);
    const percent = planHealth({ minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 40 } }, 9);
    assert.equal(startableCount(percent, counts(9, 9, 0, 0, 0)), 5);
    assert.equal(succeeded(percent, counts(9, 0, 0, 4, 5)), true);
  });

  it('OneAtATime: one at a time, fails on any instance but the last', function () {
    const plan = planHealth(config('CodeDeployDefault.OneAtATime'), 9);
    assert.equal(startableCount(plan, counts(9, 9, 0, 0, 0)), 1);
    assert.equal(startableCount(plan, counts(9, 8, 1, 0, 0)), 0);
    assert.equal(cannotSucceed(plan, counts(9, 8, 0, 0, 1)), true);
    assert.equal(cannotSucceed(plan, counts(9, 0, 0, 8, 1)), false);
    assert.equal(succeeded(plan, counts(9, 0, 0, 8, 1)), true);
    assert.equal(succeeded(planHealth(config('CodeDeployDefault.OneAtATime'), 1), counts(1, 0, 0, 0, 1)), false);
  });

  it('HalfAtATime and AllAtOnce', function () {
    const half = planHealth(config('CodeDeployDefault.HalfAtATime'), 9);
    assert.equal(startableCount(half, counts(9, 9, 0, 0, 0)), 4);
    assert.equal(succeeded(half, counts(9, 0, 0, 5, 4)), true);
    const all = planHealth(config('CodeDeployDefault.AllAtOnce'), 9);
    assert.equal(startableCount(all, counts(9, 9, 0, 0, 0)), 9);
    assert.equal(succeeded(all, counts(9, 0, 0, 1, 8)), true);
    assert.equal(succeeded(all, counts(9, 0, 0, 0, 9)), false);
  });

  it('reports a configuration no fleet of this size can meet', function () {
    assert.match(planHealth({ minimumHealthyHosts: { type: 'HOST_COUNT', value: 3 } }, 3).invalid ?? '', /at least 3 healthy instances/);
  });
});
