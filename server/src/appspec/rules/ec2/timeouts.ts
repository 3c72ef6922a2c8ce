import { LIFECYCLE_EVENT_LIMIT_SECONDS } from '../../lifecycle';
import { isTemplated } from '../../placeholders';
import { readTimeout, type TimeoutReading } from '../../agent-values';
import { scalarSource, scalarValue, type Field } from '../../yaml-nodes';
import type { Ec2Model } from '../../model';
import { ec2Rule, type RuleContext } from '../rule';

type Reading = TimeoutReading | 'skip';

/** The agent's reading of the value; placeholders such as `${TIMEOUT}` are left to the rendered file. */
function readTimeoutField(field: Field): Reading {
  const value = scalarValue(field.value);
  if (typeof value === 'string' && isTemplated(value)) return 'skip';
  return readTimeout(field.value);
}

function checkTimeout(field: Field, report: RuleContext<Ec2Model>['report']): number | undefined {
  const reading = readTimeoutField(field);
  const written = scalarSource(field.value) ?? '';
  const target = field.value ?? field.key;
  if (reading === 'skip' || reading === 'default') {
    if (scalarValue(field.value) === false) report('timeout-not-integer', target, '`timeout: false` is ignored; the default of 3600 seconds applies. Write a number of seconds.', { replacement: '3600' });
    return undefined;
  }
  if (reading === 'crash') {
    report('invalid-timeout', target, '`timeout` must be a whole number of seconds such as 300; the agent crashes converting this value.');
    return undefined;
  }
  if (reading.seconds <= 0) {
    const read = reading.exact ? '' : ` (the agent reads "${written}" as ${reading.seconds})`;
    report('invalid-timeout', target, `\`timeout\` must be a positive number of seconds; the agent rejects ${reading.seconds}${read}.`);
    return undefined;
  }
  if (!reading.exact) {
    report('timeout-not-integer', target, `The agent reads \`timeout: ${written}\` as ${reading.seconds} seconds (Ruby to_i); write ${reading.seconds} to say so.`, { replacement: String(reading.seconds) });
  }
  if (reading.seconds > LIFECYCLE_EVENT_LIMIT_SECONDS) {
    report('timeout-over-limit', target, `A timeout of ${reading.seconds} seconds is over the ${LIFECYCLE_EVENT_LIMIT_SECONDS}-second limit of a lifecycle event; the service fails the event after one hour, whatever the script's timeout.`, { replacement: String(LIFECYCLE_EVENT_LIMIT_SECONDS) });
  }
  return reading.seconds;
}

/** E-HS-2/3: timeouts as the agent converts them, and the one-hour ceiling per lifecycle event. */
export const timeouts = ec2Rule('timeouts', ({ model, report }) => {
  for (const hook of model.hooks) {
    const explicit: number[] = [];
    for (const script of hook.scripts) {
      if (!script.timeout) continue;
      const seconds = checkTimeout(script.timeout, report);
      if (seconds !== undefined) explicit.push(seconds);
    }
    const sum = explicit.reduce((total, seconds) => total + seconds, 0);
    if (explicit.length > 1 && sum > LIFECYCLE_EVENT_LIMIT_SECONDS) {
      report('event-timeout-sum', hook.field.key, `The script timeouts of ${hook.name} add up to ${sum} seconds (${explicit.join(' + ')}); a lifecycle event may take at most ${LIFECYCLE_EVENT_LIMIT_SECONDS} seconds, so the service can fail the event before the scripts time out.`);
    }
  }
});
