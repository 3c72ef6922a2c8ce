import { isTemplated } from '../../placeholders';
import { asSeq, items, stringValue } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

const TYPE_WORDS: Record<string, 'user' | 'group' | 'mask' | 'other'> = { u: 'user', user: 'user', g: 'group', group: 'group', m: 'mask', mask: 'mask', o: 'other', other: 'other' };
const isDefaultWord = (word: string): boolean => word === 'd' || word === 'default';

/** Why the agent's AceInfo rejects `[d[efault]:][u|g|m|o:][name]:perms`, or undefined when it accepts it. */
export function aclProblem(ace: string): string | undefined {
  const parts = ace.split(':').reverse();
  if (parts.length < 2 || parts.length > 4) return `it has ${parts.length} colon-separated part(s); an entry has 2 to 4: [d:][u|g|m|o:][name]:perms`;
  let isDefault = false;
  let type: string | undefined;
  let name = '';
  if (parts.length === 4) {
    if (!isDefaultWord(parts[3])) return `with four parts the first must be d or default, not "${parts[3]}"`;
    isDefault = true;
  }
  if (parts.length >= 3) {
    const word = parts[2];
    if (isDefaultWord(word)) {
      if (isDefault) return 'it says default twice';
      isDefault = true;
    } else if (TYPE_WORDS[word]) type = TYPE_WORDS[word];
    else return `"${word}" is not an entry type (u, g, m, o, or d for default)`;
  }
  const second = parts[1];
  if (TYPE_WORDS[second] === 'mask' || TYPE_WORDS[second] === 'other') {
    if (type === undefined) type = TYPE_WORDS[second];
    else name = second;
  } else {
    type ??= 'user';
    name = second;
  }
  if ((type === 'mask' || type === 'other') && name !== '') return `${type} entries take no name`;
  if (!isDefault && type !== 'mask' && name === '') return `the owning ${type === 'other' ? 'other' : type} entry is set with \`mode\`, not with acls (name a user or group, or use a d: default entry)`;
  const perms = parts[0];
  if (/^[0-7]$/.test(perms)) return undefined;
  const bad = perms.split('').find((char) => !'rwx-'.includes(char));
  return bad === undefined ? undefined : `the permissions "${perms}" contain "${bad}"; use r, w, x and - or one octal digit`;
}

/** E-P-ACL-2..5: each `acls` entry as the agent parses it. */
export const permissionAcls = ec2Rule('permission-acls', ({ model, report }) => {
  for (const entry of model.permissions) {
    const list = asSeq(entry.fields.get('acls')?.value);
    for (const item of list ? items(list) : []) {
      const ace = stringValue(item);
      if (!item || ace === undefined || isTemplated(ace)) continue;
      const problem = aclProblem(ace);
      if (problem) report('invalid-acl', item, `The agent rejects the ACL entry "${ace}": ${problem}. Form: [d:][u|g|m|o:][name]:perms, e.g. u:bob:rwx or d:g:web:r-x.`);
    }
  }
});
