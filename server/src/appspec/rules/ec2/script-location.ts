import { isTemplated } from '../../placeholders';
import { rubyScalarText } from '../../agent-values';
import { describeNode, isNullValue, isScalar } from '../../yaml-nodes';
import { ec2Rule } from '../rule';
import { allScripts, declaredOs, isDrivePath, isInstanceLinuxPath } from './ec2-facts';

/** Interpreters people put in front of the script, expecting a shell command line. */
const INTERPRETERS = /^(sh|bash|zsh|dash|ksh|source|\.|sudo|python[23]?|node|ruby|perl|php|java|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)$/i;

/**
 * E-H-4, E-HS-1, E-HS-5: `location` is a file path joined to the revision root (a leading `/`
 * included) and run without a shell, so commands, arguments and instance paths never work.
 */
export const scriptLocation = ec2Rule('script-location', ({ model, report }) => {
  const os = declaredOs(model);
  for (const { script } of allScripts(model)) {
    const field = script.location;
    if (!field) continue; // the schema reports the missing key
    const node = field.value;
    if (isNullValue(node)) {
      report('missing-location', field.key, '`location` is empty; the agent rejects a script with no location. Give the script\'s path in the revision, e.g. scripts/start.sh.');
      continue;
    }
    if (!isScalar(node)) {
      report('invalid-type', node ?? field.key, `\`location\` must be the script's path as text; found ${describeNode(node)}.`);
      continue;
    }
    const text = rubyScalarText(node);
    if (text === undefined) continue; // a timestamp: the document rule reports what the loader refuses
    const location = text.trim();
    if (location === '') {
      report('missing-location', node, '`location` is blank; the agent rejects a script with no location. Give the script\'s path in the revision, e.g. scripts/start.sh.');
      continue;
    }
    if (isTemplated(location)) continue;

    const words = location.split(/\s+/);
    if (words.length > 1 && (INTERPRETERS.test(words[0]) || words.slice(1).some((word) => word.startsWith('-')))) {
      const script = INTERPRETERS.test(words[0]) ? words.find((word, index) => index > 0 && !word.startsWith('-')) : words[0];
      report('location-with-arguments', node, `\`location\` is a path to one script file, run directly without a shell; "${location}" is a command line, so the agent looks for a file with that whole name and fails with ScriptMissing.${script ? ` Point it at the script (${script}) and put the command in the script.` : ''}`, script ? { replacement: script } : undefined);
      continue;
    }
    if (words.length > 1 && os !== 'windows') {
      report('location-with-spaces', node, `The agent builds the command line without quoting, so "${location}" is split at the space and the script does not run. Rename the file or folder without spaces.`);
    }
    if (isDrivePath(location) || (location.startsWith('/') && isInstanceLinuxPath(location))) {
      report('absolute-location', node, `\`location\` is always relative to the revision root: the agent runs <revision>/${location.replace(/^[A-Za-z]:/, '').replace(/^[\\/]+/, '')}, not ${location} on the instance, and fails with ScriptMissing if the bundle has no such file. Put the script in the revision, or call ${location} from a script that is.`);
    } else if (location.startsWith('/')) {
      const relative = location.replace(/^\/+/, '');
      report('leading-slash-location', node, `The leading / is ignored: the agent runs ${relative} from the revision root, not /${relative} on the instance.`, { replacement: relative });
    }
  }
});
