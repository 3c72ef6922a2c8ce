import { ec2Rule } from '../rule';

/** E-Y-5, ECS-2: `Resources` belongs to ECS and Lambda AppSpecs; the EC2 agent never reads it. */
export const ignoredSections = ec2Rule('ignored-sections', ({ model, report }) => {
  for (const name of ['Resources', 'resources']) {
    const field = model.top.get(name);
    if (field) report('ignored-section', field.key, `\`${name}\` is an Amazon ECS / AWS Lambda section; the EC2/On-Premises agent ignores it. An EC2 AppSpec uses files, permissions and hooks.`);
  }
});
