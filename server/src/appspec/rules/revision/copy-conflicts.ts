import { ec2RevisionRule } from '../rule';
import { InstalledFiles, type Copy } from './installed-files';
import { isWindowsAppSpec } from './resolve-written';

/**
 * E-FI-6, E-FI-7: the Install fails when two mappings copy a file to the same place, or when one
 * copies a file where another makes a folder. Checked for every mapping whose source is a file
 * (against all other mappings); two folders copied over each other would need the revision listed
 * in full, which is the bundle preflight's job. The same source mapped twice to the same folder is
 * duplicate-file-mapping's finding.
 */
export const copyConflicts = ec2RevisionRule('copy-conflicts', async ({ model, lookup, parsed, report }) => {
  if (isWindowsAppSpec(model) || model.files.length < 2) return;
  const installed = await InstalledFiles.of(model, lookup(false));
  const lineOf = (other: Copy) => parsed.positions.position(other.mapping.node.range?.[0] ?? 0).line + 1;
  for (const [index, copy] of installed.copies.entries()) {
    if (copy.kind !== 'file' || !copy.mapping.source) continue;
    const target = InstalledFiles.targetOf(copy);
    for (const other of await installed.at(target, copy)) {
      const otherIndex = installed.copies.indexOf(other.copy);
      if (other.kind === 'directory') {
        report('copy-conflict', copy.mapping.source.pair, `This mapping copies the file ${copy.source} to ${target}, where the mapping on line ${lineOf(other.copy)} makes a folder; a path cannot be both and the Install fails.`);
        break;
      }
      // Two files at one place: said once, at the later mapping; the same file mapped twice is duplicate-file-mapping's.
      const sameMapping = other.copy.kind === 'file' && other.source === copy.source;
      if (sameMapping || (other.copy.kind === 'file' && otherIndex > index)) continue;
      report('copy-conflict', copy.mapping.source.pair, `This mapping copies ${copy.source} to ${target}, where the mapping on line ${lineOf(other.copy)} already copies ${other.source}; the agent refuses two source files for one destination and the Install fails.`);
      break;
    }
  }
});
