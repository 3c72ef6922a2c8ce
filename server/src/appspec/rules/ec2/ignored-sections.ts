import { asSeq } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

/** What is lost when the agent skips a capitalised section. */
const CAPITALISED: Readonly<Record<string, string>> = {
  Hooks: 'none of its scripts ever run',
  Files: 'none of its files are copied',
  Permissions: 'none of its permissions are applied',
};

/**
 * E-Y-5, ECS-2: the agent reads exact lower-case keys. `Resources` and list-style `Hooks` belong to
 * ECS and Lambda AppSpecs; `Hooks`/`Files`/`Permissions` written as EC2 sections are misspellings.
 */
export const ignoredSections = ec2Rule('ignored-sections', ({ model, report }) => {
  for (const name of ['Resources', 'resources']) {
    const field = model.top.get(name);
    if (field) report('ignored-section', field.key, `\`${name}\` is an Amazon ECS / AWS Lambda section; the EC2/On-Premises agent ignores it. An EC2 AppSpec uses files, permissions and hooks.`);
  }
  for (const [name, loss] of Object.entries(CAPITALISED)) {
    const field = model.top.get(name);
    if (!field) continue;
    const lower = name.toLowerCase();
    if (name === 'Hooks' && asSeq(field.value)) {
      report('ignored-section', field.key, '`Hooks` as a list of `- Event: function` is the ECS/Lambda form; the EC2/On-Premises agent ignores it, so none of these hooks run. EC2 hooks are `hooks:` with `Event:` then `- location: script`.');
    } else {
      report('unknown-key', field.key, `\`${name}\` is silently ignored: the agent's keys are case-sensitive, so ${loss}.${model.top.has(lower) ? '' : ` Did you mean ${lower}?`}`, model.top.has(lower) ? undefined : { replacement: lower });
    }
  }
});
