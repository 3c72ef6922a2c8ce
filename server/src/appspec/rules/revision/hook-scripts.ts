import type { AnyNode } from '../../yaml-nodes';
import { isInstanceLinuxPath } from '../ec2/ec2-facts';
import { ec2RevisionRule, type RevisionContext } from '../rule';
import type { Ec2Model } from '../../model';
import { didYouMeanPath, type RevisionLookup } from './revision-lookup';
import { withForwardSlashes, writtenPath } from './revision-path';
import { isWindowsAppSpec, resolveWritten } from './resolve-written';
import { linuxScriptFindings } from './script-content';

/**
 * E-HS-1, E-RUN-2/3/8: every hook `location` names a file inside the revision that can start.
 * Existence is judged against the revision root (the AppSpec's folder), exactly where the agent
 * looks; content checks read only the first few KB and only for Linux AppSpecs.
 */
export const hookScripts = ec2RevisionRule('hook-scripts', async (context) => {
  const windows = isWindowsAppSpec(context.model);
  const lookup = context.lookup(windows);
  for (const hook of context.model.hooks) {
    for (const script of hook.scripts) {
      const node = script.location?.value;
      const written = node ? writtenPath(node) : undefined;
      if (node && written !== undefined) await checkLocation(context, node, written.trim(), windows, lookup);
    }
  }
});

async function checkLocation(context: RevisionContext<Ec2Model>, node: AnyNode, written: string, windows: boolean, lookup: RevisionLookup): Promise<void> {
  const { report } = context;
  const { resolved, backslash } = await resolveWritten(written, windows, lookup);
  if (backslash) {
    const meant = withForwardSlashes(written);
    report('backslash-path', node, `\`${written}\` uses backslashes; a Linux agent reads them as part of the file name and looks for a file literally named "${written}". Write ${meant}.`, { replacement: meant });
  }
  switch (resolved.kind) {
    case 'drive':
      return; // absolute-location (ec2/script-location.ts) says it: a drive path never exists inside a revision
    case 'escapes':
      report('path-escapes-revision', node, `\`${written}\` climbs out of the revision root with ..; the agent has only the revision's files. Keep hook scripts inside the folder that holds the AppSpec.`);
      return;
    case 'root':
      report('script-is-directory', node, `\`${written}\` names the revision root itself; \`location\` must name the script file to run (e.g. scripts/start.sh).`);
      return;
    case 'missing':
      await reportMissing(context, node, written, resolved, lookup);
      return;
    case 'outside':
      report('path-escapes-revision', node, `${resolved.found.path} is a link to a file outside the revision; the bundle keeps only the link, which points to nothing on the instance. Copy the script into the revision instead.`, { path: resolved.found.path });
      return;
    case 'found':
      break;
  }
  const { path, stat } = resolved.found;
  if (stat.kind === 'directory') {
    report('script-is-directory', node, `${path} is a folder, not a script file; \`location\` must name the script to run inside it (e.g. ${path}/start.sh).`, { path });
    return;
  }
  if (stat.kind !== 'file' || windows) return; // Windows runs .ps1/.bat/.cmd/.exe as they are: no #! line, no mode bits
  for (const finding of linuxScriptFindings(path, await lookup.head(path), stat)) report(finding.code, node, finding.message, { path });
}

/**
 * A missing script is a warning, because CI often assembles the bundle (`/scripts/x.sh` next to a
 * `deploy/appspec.yml` that CI copies to the bundle root), and the corpus shows such files deploying.
 * A rooted path into an instance folder the revision lacks (`/opt/tomcat/bin/startup.sh`) is left to
 * the text rule's absolute-location error: one diagnostic per mistake.
 */
async function reportMissing(context: RevisionContext<Ec2Model>, node: AnyNode, written: string, missing: { relative: string; segments: string[]; rooted: boolean }, lookup: RevisionLookup): Promise<void> {
  const { relative, segments, rooted } = missing;
  // A path into an instance folder the revision lacks is the text rule's absolute-location error;
  // saying it twice would only add noise. The revision knowing no such folder confirms it.
  if (rooted && isInstanceLinuxPath(written) && !(await lookup.find(segments[0]))) return;
  const near = (await lookup.nearName(relative)) ?? (segments.length === 1 ? await lookup.oneFolderDown(relative) : undefined);
  const hint = didYouMeanPath(near, relative);
  const arguments_ = /\s/.test(written) ? ' (`location` takes the script path only, no interpreter or arguments)' : '';
  context.report('script-not-found', node, `${relative} is not in the revision${arguments_}; the agent looks for it relative to the folder holding the AppSpec and the event fails with ScriptMissing.${hint}`, { path: relative });
}
