import { isDefaultAclEntry } from '../../agent-values';
import type { PermissionEntry } from '../../model';
import { asSeq, items, stringValue } from '../../yaml-nodes';
import { ec2RevisionRule } from '../rule';
import { instancePath, InstalledFiles } from './installed-files';
import { isWindowsAppSpec } from './resolve-written';

/**
 * E-P-OBJ-2, E-P-ACL-6: a permissions entry whose `object` is a file this deployment copies applies
 * to that file alone (when its `type` includes file), and the agent then refuses what only a folder
 * can have, failing the Install: a `pattern` other than "**", `except` entries, default ACL entries.
 */
export const filePermissions = ec2RevisionRule('file-permissions', async ({ model, lookup: lookupFor, report }) => {
  if (isWindowsAppSpec(model) || model.permissions.length === 0) return;
  const installed = await InstalledFiles.of(model, lookupFor(false));
  for (const entry of model.permissions) {
    const object = instancePath(stringValue(entry.fields.get('object')?.value));
    if (object === undefined || !appliesToFiles(entry)) continue;
    const source = (await installed.at(object)).find((candidate) => candidate.kind === 'file')?.source;
    if (source === undefined) continue;
    const what = `\`${object}\` is a file this deployment copies (from ${source}), so this entry sets that one file`;
    const pattern = entry.fields.get('pattern');
    const patternText = stringValue(pattern?.value);
    if (pattern?.value && patternText !== undefined && patternText !== '**') {
      report('file-object-pattern', pattern.value, `${what}, and the agent refuses a \`pattern\` on a file: the Install fails. Remove \`pattern\`, or set \`object\` to the folder holding the files.`);
    }
    const except = asSeq(entry.fields.get('except')?.value);
    if (except && except.items.length > 0) {
      report('file-object-pattern', except, `${what}, and the agent refuses \`except\` entries on a file: the Install fails. Remove \`except\`, or set \`object\` to the folder holding the files.`);
    }
    const acls = asSeq(entry.fields.get('acls')?.value);
    for (const acl of acls ? items(acls) : []) {
      const text = stringValue(acl);
      if (acl && text !== undefined && isDefaultAclEntry(text)) {
        report('default-acl-on-file', acl, `${what}, and default ACL entries (${text.trim().split(':')[0]}:) belong to folders: the agent refuses them on a file and the Install fails. Remove this entry, or set \`object\` to the folder.`);
      }
    }
  }
});

/** `type` absent means both files and folders (E-P-TYPE-1). */
function appliesToFiles(entry: PermissionEntry): boolean {
  const type = entry.fields.get('type');
  if (!type?.value) return true;
  const list = asSeq(type.value);
  return list !== undefined && items(list).some((item) => stringValue(item) === 'file');
}
