import { hookableEventNames, findEvent, platformsWithEvent } from '../../lifecycle';
import type { FunctionHook, ServiceModel } from '../../model';
import { didYouMean, suggest } from '../../suggest';
import { PLATFORM_NAMES, type FixData } from '../../types';
import { fieldIgnoringCase, isNullValue, writtenLike } from '../../yaml-nodes';
import { serviceRule } from '../rule';

/** AWS's AppSpec templates ship `- LifeCycleEvent: ""`, meant to be replaced; it is committed unchanged surprisingly often. */
const TEMPLATE_EVENT = 'LifeCycleEvent';

function list(names: readonly string[], conjunction: 'and' | 'or'): string {
  return names.length <= 2 ? names.join(` ${conjunction} `) : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** Why `hook.name` is not an event of the model's platform, with a replacement when one is clear. */
function explain(hook: FunctionHook, model: ServiceModel): { message: string; data?: FixData } | undefined {
  const platform = model.platform;
  const valid = hookableEventNames(platform);
  if (valid.includes(hook.name)) return undefined;
  const takes = `an ${PLATFORM_NAMES[platform]} AppSpec takes hooks only for ${list(valid, 'and')}`;
  if (hook.name === TEMPLATE_EVENT) {
    return { message: `\`${TEMPLATE_EVENT}\` is the placeholder of AWS's AppSpec template; replace it with the event to hook: ${list(valid, 'or')}.` };
  }
  const reserved = findEvent(platform, hook.name);
  if (reserved && !reserved.scriptable) return { message: `${hook.name} is run by CodeDeploy itself and takes no hook; ${takes}.` };
  const elsewhere = platformsWithEvent(hook.name).filter((other) => other !== platform);
  if (elsewhere.length > 0) return { message: `${hook.name} is an ${elsewhere.map((other) => PLATFORM_NAMES[other]).join(' and ')} event; ${takes}.` };
  const suggestion = suggest(hook.name, valid);
  return { message: `\`${hook.name}\` is not a lifecycle event; ${takes}.${didYouMean(suggestion)}`, data: suggestion ? { replacement: writtenLike(hook.field.key, suggestion) } : undefined };
}

/** ECS-10, LAM-5: hook event names per platform, with "did you mean"; a `Hooks:` left empty. */
export const serviceHooks = serviceRule('service-hooks', ['ecs', 'lambda'], ({ model, report }) => {
  const hooks = fieldIgnoringCase(model.root, 'Hooks');
  if (hooks && isNullValue(hooks.value)) {
    report('null-hooks', hooks.key, `\`${hooks.name}:\` has nothing under it (are its entries commented out?), so no hook runs; add \`- EventName: FunctionName\` items or remove the key.`);
  }
  for (const hook of model.hooks) {
    const problem = explain(hook, model);
    if (problem) report('invalid-hook-event', hook.field.key, problem.message, problem.data);
  }
});
