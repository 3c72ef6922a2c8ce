import { asSeq, items, scalarValue, stringValue } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

/**
 * E-P-PAT-1, E-P-EXC-1: any `pattern` but "**", and every `except` entry, is matched against the
 * names of the immediate children of `object`, so one containing `/` can never match.
 */
export const permissionPatterns = ec2Rule('permission-patterns', ({ model, report }) => {
  for (const entry of model.permissions) {
    const pattern = entry.fields.get('pattern');
    const text = stringValue(pattern?.value);
    if (pattern?.value && text !== undefined && text !== '**' && text.includes('/')) {
      const last = text.split('/').pop() ?? '';
      report('pattern-never-matches', pattern.value, `\`pattern\` "${text}" never matches: apart from "**" (everything below object), a pattern is compared with the names of object's immediate children, and a name has no /.${last ? ` Use "${last}" for immediate children, or "**" with a narrower object.` : ''}`, last ? { replacement: `"${last}"` } : undefined);
    }
    const except = asSeq(entry.fields.get('except')?.value);
    for (const item of except ? items(except) : []) {
      const name = scalarValue(item);
      if (item && typeof name === 'string' && name.includes('/')) {
        report('pattern-never-matches', item, `The \`except\` entry "${name}" never matches: except entries are compared with the names of object's immediate children, and a name has no /.`);
      }
    }
  }
});
