import { ec2RevisionRule } from '../rule';
import { didYouMeanPath } from './revision-lookup';
import { withForwardSlashes, writtenPath } from './revision-path';
import { isWindowsAppSpec, resolveWritten } from './resolve-written';

/**
 * E-FI-1, E-FI-4: every `files` source exists inside the revision. `source` is always relative to
 * the revision root; `/` (or `\` on Windows) is the whole revision. A file or a folder both work.
 */
export const fileSources = ec2RevisionRule('file-sources', async ({ model, lookup: lookupFor, report }) => {
  const windows = isWindowsAppSpec(model);
  const lookup = lookupFor(windows);
  for (const mapping of model.files) {
    const node = mapping.source?.value;
    const value = node ? writtenPath(node) : undefined;
    if (!node || value === undefined) continue;
    const written = value.trim();
    const { resolved, backslash } = await resolveWritten(written, windows, lookup);
    if (backslash) {
      const meant = withForwardSlashes(written);
      report('backslash-path', node, `\`${written}\` uses backslashes; a Linux agent reads them as part of the file name and looks for an entry literally named "${written}". Write ${meant}.`, { replacement: meant });
    }
    switch (resolved.kind) {
      case 'drive':
        report('path-escapes-revision', node, `\`${written}\` is a path on the instance, but \`source\` is always relative to the revision root; the agent looks for it inside the revision. Use \\ for the whole revision or a path inside it, and put instance paths in \`destination\`.`);
        break;
      case 'escapes':
        report('path-escapes-revision', node, `\`${written}\` climbs out of the revision root with ..; the agent can copy only the revision's own files.`);
        break;
      case 'outside':
        report('path-escapes-revision', node, `${resolved.found.path} is a link to something outside the revision; the agent copies the link itself, not what it points to, so the files will not be there on the instance.`, { path: resolved.found.path });
        break;
      case 'missing': {
        const near = await lookup.nearName(resolved.relative);
        const wildcard = /[*?[]/.test(written) ? ' `source` is a literal path: wildcards are not expanded.' : '';
        report('source-not-found', node, `${resolved.relative} is not in the revision; the agent looks for it relative to the folder holding the AppSpec and the Install fails copying it.${wildcard}${didYouMeanPath(near, resolved.relative)}`, { path: resolved.relative });
        break;
      }
      case 'root':
      case 'found':
        break;
    }
  }
});
