import { isTemplated } from '../../placeholders';
import { asMap, fieldMap, isNullValue, stringValue } from '../../yaml-nodes';
import { ec2Rule } from '../rule';
import { rangeProblem } from './selinux-range';

/** E-P-CTX-1..4: the SELinux `context` as the agent reads and applies it. */
export const permissionContext = ec2Rule('permission-context', ({ model, report }) => {
  for (const entry of model.permissions) {
    const field = entry.fields.get('context');
    const context = asMap(field?.value);
    if (!field || !context) continue;
    const keys = fieldMap(context);
    const type = keys.get('type');
    if (type && isNullValue(type.value)) report('context-missing-type', type.key, 'The SELinux `type` is empty; the agent rejects a context without one. Give a type such as httpd_sys_content_t.');
    const user = keys.get('user');
    if (user) {
      const name = keys.has('name');
      report('context-user-ignored', user.key, `The agent reads the SELinux user from \`name\`, not \`user\`; this value is silently ignored.${name ? '' : ' Rename the key to name.'}`, name ? undefined : { replacement: 'name' });
    }
    const range = keys.get('range');
    if (!range || isNullValue(range.value)) {
      report('context-missing-range', range?.key ?? field.key, 'A context without `range` crashes the Install as soon as it applies to a file (the agent dereferences the missing range). Add one, e.g. range: s0.');
      continue;
    }
    const text = stringValue(range.value);
    if (text === undefined || isTemplated(text)) continue; // other shapes are the schema's
    const problem = rangeProblem(text);
    if (problem) report('invalid-selinux-range', range.value!, `The agent rejects the SELinux range "${text}": ${problem}. Form: s<N>[-s<M>][:c<a>[.c<b>],…], e.g. s0 or s0-s0:c0.c1023.`);
  }
});
