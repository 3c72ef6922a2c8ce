import { findEvent, hookableEventNames, platformsWithEvent } from '../../lifecycle';
import { didYouMean, suggest } from '../../suggest';
import { PLATFORM_NAMES } from '../../types';
import { isNullValue, asSeq } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

const EC2_HOOKABLE = hookableEventNames('ec2');

/**
 * E-HK-1/2/4/5, E-H-2: the agent accepts any event name and silently never runs scripts under a
 * name it does not know, under a reserved event, or under a traffic event without a load balancer.
 */
export const hookNames = ec2Rule('hook-names', ({ model, report }) => {
  for (const hook of model.hooks) {
    const event = findEvent('ec2', hook.name);
    if (!event) {
      const elsewhere = platformsWithEvent(hook.name).map((platform) => PLATFORM_NAMES[platform]);
      const suggestion = suggest(hook.name, EC2_HOOKABLE);
      const where = elsewhere.length > 0 ? ` It is an ${elsewhere.join(' and ')} event, not an EC2/On-Premises one.` : '';
      report(
        'unknown-hook',
        hook.field.key,
        `"${hook.name}" is not an EC2/On-Premises lifecycle event; the agent accepts it and its scripts never run.${where}${didYouMean(suggestion)} Events: ${EC2_HOOKABLE.join(', ')}.`,
        suggestion ? { replacement: suggestion } : undefined,
      );
    } else if (!event.scriptable) {
      report('reserved-hook', hook.field.key, `${hook.name} is reserved for CodeDeploy's own work and never runs scripts; the scripts listed here are silently skipped. Move them to ${hook.name === 'Install' || hook.name === 'DownloadBundle' ? 'BeforeInstall or AfterInstall' : `Before${hook.name} or After${hook.name}`}.`);
    } else if (event.traffic) {
      report('traffic-hook', hook.field.key, `${hook.name} runs only when the deployment group uses a load balancer (in-place) or in blue/green deployments; otherwise its scripts never run.`);
    }
    const list = asSeq(hook.field.value);
    if (isNullValue(hook.field.value) || (list && list.items.length === 0)) {
      report('empty-hook', hook.field.key, `${hook.name} has no scripts; the event runs and does nothing.`);
    }
  }
});
