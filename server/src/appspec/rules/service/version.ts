import { isTemplated } from '../../placeholders';
import { describeNode, fields, scalarValue } from '../../yaml-nodes';
import { serviceRule } from '../rule';

/**
 * ECS-1, LAM-1: `version` is required and 0.0. Unlike the EC2 agent, the service accepts the
 * quoted "0.0" (generators such as ecspresso emit it and deploy), so only other values are wrong.
 */
export const serviceVersion = serviceRule('service-version', ['ecs', 'lambda'], ({ model, parsed, report }) => {
  const version = model.top.get('version');
  if (!version) {
    const start = model.root.range?.[0] ?? 0;
    // In appspec.json the fix goes just inside the opening brace, before the first key.
    const json = model.root.flow === true && parsed.text[start] === '{' && fields(model.root).length > 0;
    const at = json ? start + 1 : start;
    report('missing-version', { start: at, end: at }, 'The AppSpec has no `version`; add `version: 0.0` at the top.', { replacement: json ? '"version": 0.0, ' : 'version: 0.0\n' });
    return;
  }
  const value = scalarValue(version.value);
  if (value === 0 || (typeof value === 'string' && (/^\s*0(\.0+)?\s*$/.test(value) || isTemplated(value)))) return;
  report('invalid-version', version.value ?? version.key, `\`version\` must be 0.0 (the only AppSpec version); found ${describeNode(version.value)}.`, { replacement: '0.0' });
});
