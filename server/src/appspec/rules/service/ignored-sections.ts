import { PLATFORM_NAMES } from '../../types';
import { asMap } from '../../yaml-nodes';
import { serviceRule } from '../rule';

const EC2_SECTIONS = ['os', 'files', 'permissions', 'file_exists_behavior'];

/** ECS-2: EC2/On-Premises sections in an ECS or Lambda AppSpec do nothing (copied templates, cookiecutters). */
export const serviceIgnoredSections = serviceRule('service-ignored-sections', ['ecs', 'lambda'], ({ model, report }) => {
  for (const field of model.top.values()) {
    const ec2Hooks = field.name === 'hooks' && asMap(field.value) !== undefined;
    if (!EC2_SECTIONS.includes(field.name) && !ec2Hooks) continue;
    const what = ec2Hooks ? 'A `hooks` mapping of scripts' : `\`${field.name}\``;
    report(
      'ignored-section',
      field.key,
      `${what} is an EC2/On-Premises section; an ${PLATFORM_NAMES[model.platform]} deployment reads only version, Resources and Hooks, so it has no effect here.${ec2Hooks ? ' Service hooks are a `Hooks` list of `- EventName: LambdaFunction` items.' : ''}`,
    );
  }
});
