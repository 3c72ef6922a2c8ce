import { PLATFORM_NAMES } from '../../types';
import { asSeq, fieldIgnoringCase, items } from '../../yaml-nodes';
import { serviceRule } from '../rule';

/** ECS-3, LAM-2: the service deploys exactly one resource; each extra item is reported where it is. */
export const resourceCount = serviceRule('resource-count', ['ecs', 'lambda'], ({ model, report }) => {
  const field = fieldIgnoringCase(model.root, 'Resources');
  const list = asSeq(field?.value);
  if (!field || !list) return; // absent or not a list: the structural layer reports it
  const entries = items(list);
  const what = model.platform === 'ecs' ? 'one ECS service (`TargetService`)' : 'one Lambda function';
  if (entries.length === 0) {
    report('resource-count', list, `\`Resources\` is empty; an ${PLATFORM_NAMES[model.platform]} AppSpec deploys exactly ${what}.`);
    return;
  }
  entries.slice(1).forEach((entry, index) => {
    report(
      'resource-count',
      entry ?? field.key,
      `An ${PLATFORM_NAMES[model.platform]} AppSpec deploys exactly ${what}; this is resource ${index + 2} of ${entries.length}. Deploy each in its own deployment with its own AppSpec.`,
    );
  });
});
