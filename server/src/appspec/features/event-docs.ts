import { DEFAULT_SCRIPT_TIMEOUT_SECONDS, EVENTS_BY_PLATFORM, LIFECYCLE_EVENT_LIMIT_SECONDS, SCRIPT_ENVIRONMENT, findEvent, platformsWithEvent } from '../lifecycle';
import { PLATFORM_NAMES, type Platform } from '../types';

/** Markdown that explains a lifecycle event on a platform: when it runs, what it can run, which revision, env and limits. */
export function describeEvent(platform: Platform, name: string): string | undefined {
  const event = findEvent(platform, name);
  if (!event) {
    const elsewhere = platformsWithEvent(name);
    if (elsewhere.length === 0) return undefined;
    return `**${name}** is not a lifecycle event of ${PLATFORM_NAMES[platform]} deployments (it exists on ${elsewhere.map((p) => PLATFORM_NAMES[p]).join(' and ')}); it never runs here.`;
  }
  const order = EVENTS_BY_PLATFORM[platform].map((e) => (e.name === name ? `**${e.name}**` : e.scriptable ? e.name : `${e.name}ᴿ`)).join(' → ');
  const lines = [`**${name}** (${PLATFORM_NAMES[platform]} lifecycle event)`, '', event.description, ''];
  if (!event.scriptable) {
    lines.push(platform === 'ec2' ? 'Reserved: CodeDeploy runs this event itself; scripts listed under it **never run**.' : 'Reserved: CodeDeploy runs this event itself; it cannot have a hook.');
  } else if (platform === 'ec2') {
    lines.push(
      event.revision === 'last-successful'
        ? '**Runs from the last successful revision** on the instance: its AppSpec and scripts, not the ones in this revision. A broken script here breaks later deployments until one runs with "ignore ApplicationStop failures".'
        : 'Runs the scripts of **this** revision.',
    );
    if (event.traffic) lines.push('', 'Traffic event: runs only when the deployment group has a load balancer, or in blue/green deployments.');
    lines.push('', `Scripts run one after another; the first failure fails the event. Default script timeout ${DEFAULT_SCRIPT_TIMEOUT_SECONDS} s; the whole event must finish within ${LIFECYCLE_EVENT_LIMIT_SECONDS} s.`);
    lines.push('', 'Environment variables: ' + SCRIPT_ENVIRONMENT.map((variable) => `\`${variable.name}\``).join(', ') + '.');
  } else {
    lines.push(`Value: the name or ARN of a Lambda function. It must report back with PutLifecycleEventHookExecutionStatus within one hour (${LIFECYCLE_EVENT_LIMIT_SECONDS} s), or the deployment fails.`);
    if (event.traffic) lines.push('', 'Traffic event.');
  }
  lines.push('', `Order: ${order}`);
  return lines.join('\n');
}

/** Markdown listing the variables the agent exports to hook scripts. */
export function describeScriptEnvironment(): string {
  return SCRIPT_ENVIRONMENT.map((variable) => `- \`${variable.name}\`: ${variable.description}`).join('\n');
}
