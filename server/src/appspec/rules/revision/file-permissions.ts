import { isDefaultAclEntry } from '../../agent-values';
import type { Ec2Model, PermissionEntry } from '../../model';
import { asSeq, items, stringValue } from '../../yaml-nodes';
import { ec2RevisionRule } from '../rule';
import type { RevisionLookup } from './revision-lookup';
import { parseRevisionPath, writtenPath } from './revision-path';
import { isWindowsAppSpec } from './resolve-written';

/** A `files` mapping as the Install carries it out: what it copies (a file, or a folder's contents) and where. */
interface Copy {
  /** Revision-relative POSIX path of the source, `.` for the whole revision. */
  source: string;
  kind: 'file' | 'directory';
  /** The instance folder it copies into, normalised (`/` or `/a/b`). */
  destination: string;
}

/**
 * E-P-OBJ-2, E-P-ACL-6: a permissions entry whose `object` is a file this deployment copies applies
 * to that file alone (when its `type` includes file), and the agent then refuses what only a folder
 * can have, failing the Install: a `pattern` other than "**", `except` entries, default ACL entries.
 */
export const filePermissions = ec2RevisionRule('file-permissions', async ({ model, lookup: lookupFor, report }) => {
  if (isWindowsAppSpec(model) || model.permissions.length === 0) return;
  const lookup = lookupFor(false);
  const copies = await copiesOf(model, lookup);
  for (const entry of model.permissions) {
    const object = instancePath(stringValue(entry.fields.get('object')?.value));
    if (object === undefined || !appliesToFiles(entry)) continue;
    const source = await copiedFile(object, copies, lookup);
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

/** The mappings whose source is in the revision, by destination (missing or escaping sources are other rules' findings). */
async function copiesOf(model: Ec2Model, lookup: RevisionLookup): Promise<Map<string, Copy[]>> {
  const copies = new Map<string, Copy[]>();
  const add = (copy: Copy) => {
    const list = copies.get(copy.destination);
    if (list) list.push(copy);
    else copies.set(copy.destination, [copy]);
  };
  for (const mapping of model.files) {
    const written = writtenPath(mapping.source?.value);
    const destination = instancePath(stringValue(mapping.destination?.value));
    if (written === undefined || destination === undefined) continue;
    const path = parseRevisionPath(written, false);
    if (path.kind !== 'inside') continue;
    if (path.relative === '.') {
      add({ source: '.', kind: 'directory', destination });
      continue;
    }
    const found = await lookup.find(path.relative);
    if (found && !found.stat.outsideRoot && found.stat.kind !== 'other') add({ source: found.path, kind: found.stat.kind, destination });
  }
  return copies;
}

/**
 * The revision file a mapping copies to `object` (E-FI-2/3: a file goes into the destination
 * folder, a folder's contents below it), looked up by the object's ancestor folders: a long
 * AppSpec has thousands of mappings and permissions entries.
 */
async function copiedFile(object: string, copies: ReadonlyMap<string, Copy[]>, lookup: RevisionLookup): Promise<string | undefined> {
  for (let folder = parentOf(object); folder !== undefined; folder = parentOf(folder)) {
    const below = object.slice(folder === '/' ? 1 : folder.length + 1);
    for (const copy of copies.get(folder) ?? []) {
      if (copy.kind === 'file') {
        if (below === copy.source.split('/').pop()) return copy.source;
        continue;
      }
      const found = await lookup.find(copy.source === '.' ? below : `${copy.source}/${below}`);
      if (found?.stat.kind === 'file' && !found.stat.outsideRoot) return found.path;
    }
  }
  return undefined;
}

/** `/a/b` → `/a` → `/` → undefined. */
function parentOf(path: string): string | undefined {
  if (path === '/') return undefined;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** `type` absent means both files and folders (E-P-TYPE-1). */
function appliesToFiles(entry: PermissionEntry): boolean {
  const type = entry.fields.get('type');
  if (!type?.value) return true;
  const list = asSeq(type.value);
  return list !== undefined && items(list).some((item) => stringValue(item) === 'file');
}

/** An absolute instance path with repeated and trailing slashes removed; undefined for anything else. */
function instancePath(written: string | undefined): string | undefined {
  const value = written?.trim();
  if (!value?.startsWith('/')) return undefined;
  const collapsed = value.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
