import { agentGlob } from '../../agent-values';
import type { PermissionEntry } from '../../model';
import { asSeq, items, stringValue } from '../../yaml-nodes';
import { ec2RevisionRule } from '../rule';
import { instancePath, InstalledFiles } from './installed-files';
import { isWindowsAppSpec } from './resolve-written';

/** A permissions entry as the agent matches it. */
interface Matcher {
  entry: PermissionEntry;
  object: string;
  /** Undefined for "**". */
  pattern?: RegExp;
  except: RegExp[];
  files: boolean;
}

/**
 * E-P-OBJ-3: every installed object may get its permissions from one entry only. The classic case:
 * a folder-wide entry (`object: /opt/app`, pattern "**") and a second entry for one copied file
 * under it (`object: /opt/app/run.sh`, mode 700) — the agent refuses the file's second setting and
 * the Install fails. Checked for entries whose object is a file the deployment copies; overlaps
 * between folder entries would need every installed file listed (the bundle preflight's job).
 */
export const permissionOverlaps = ec2RevisionRule('permission-overlaps', async ({ model, lookup, parsed, report }) => {
  if (isWindowsAppSpec(model) || model.permissions.length < 2) return;
  const matchers = model.permissions.map(matcherOf).filter((matcher): matcher is Matcher => matcher !== undefined && matcher.files);
  if (matchers.length < 2) return;
  const installed = await InstalledFiles.of(model, lookup(false));
  const lineOf = (entry: PermissionEntry) => parsed.positions.position(entry.node.range?.[0] ?? 0).line + 1;
  for (const [index, file] of matchers.entries()) {
    const objectNode = file.entry.fields.get('object')?.value;
    if (!objectNode || !(await installed.at(file.object)).some((candidate) => candidate.kind === 'file')) continue;
    const other = matchers.find((candidate, at) => candidate !== file && (candidate.object === file.object ? at < index : matches(candidate, file.object)));
    if (!other) continue;
    report(
      'permission-set-twice',
      objectNode,
      `${file.object} is a file this deployment copies, and the permissions entry on line ${lineOf(other.entry)} (object ${other.object}) already sets it; the agent refuses to set an object's permissions twice and the Install fails.${other.object === file.object ? ' Merge the two entries.' : ` Leave it out there (\`except: [${file.object.split('/').pop()}]\`, if it is directly in ${other.object}) or merge the entries.`}`,
    );
  }
});

function matcherOf(entry: PermissionEntry): Matcher | undefined {
  const object = instancePath(stringValue(entry.fields.get('object')?.value));
  if (object === undefined) return undefined;
  const type = entry.fields.get('type')?.value;
  const types = type ? asSeq(type) : undefined;
  const files = !type || (types !== undefined && items(types).some((item) => stringValue(item) === 'file'));
  const except = asSeq(entry.fields.get('except')?.value);
  const pattern = stringValue(entry.fields.get('pattern')?.value) ?? '**';
  return {
    entry,
    object,
    pattern: pattern === '**' ? undefined : agentGlob(pattern),
    except: except ? items(except).flatMap((item) => stringValue(item) ?? []).map(agentGlob) : [],
    files,
  };
}

/** E-P-PAT-1, E-P-EXC-1: "**" reaches every depth below the object; other patterns and except only immediate children. */
function matches(folder: Matcher, path: string): boolean {
  const prefix = folder.object === '/' ? '/' : `${folder.object}/`;
  if (!path.startsWith(prefix)) return false;
  const relative = path.slice(prefix.length);
  const child = !relative.includes('/');
  if (folder.pattern && !(child && folder.pattern.test(relative))) return false;
  return !(child && folder.except.some((glob) => glob.test(relative)));
}
