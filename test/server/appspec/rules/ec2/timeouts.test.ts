import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const script = (timeout: string) => `version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: ${timeout}\n`;

describe('ec2: timeouts', () => {
  it('warns when the agent truncates the value, with the number it uses', () => {
    const [seconds] = expectAt(script('[["30s"]]'), 'timeout-not-integer', 'warning');
    assert.equal(seconds.data?.replacement, '30');
    const [fraction] = expectAt(script('[[1.9]]'), 'timeout-not-integer', 'warning');
    assert.equal(fraction.data?.replacement, '1');
  });

  it('rejects values that become zero or less, and true', () => {
    for (const value of ['"five minutes"', '0', '-10', '00', '0.5', 'true', '{s: 30}']) expectAt(script(`[[${value}]]`), 'invalid-timeout', 'error');
  });

  it('warns about a timeout over the one-hour limit of an event', () => {
    expectAt(script('[[7200]]'), 'timeout-over-limit', 'warning');
  });

  it('warns at the event name when the timeouts of one event add up to more than 3600 s', () => {
    const [found] = expectAt('version: 0.0\nos: linux\nhooks:\n  [[AfterInstall]]:\n    - location: a.sh\n      timeout: 3000\n    - location: b.sh\n      timeout: 900\n', 'event-timeout-sum', 'warning');
    assert.match(found.message, /3900/);
  });

  it('accepts whole numbers up to 3600, numeric strings, placeholders and no timeout', () => {
    for (const value of ['300', '3600', '"10"', '"${TIMEOUT}"', '']) expectClean(script(value));
    expectClean('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 1800\n    - location: b.sh\n      timeout: 1800\n');
  });
});
