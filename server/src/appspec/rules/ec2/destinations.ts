import { ec2Rule } from '../rule';
import { declaredOs, isDrivePath, pathText } from './ec2-facts';

/** Extensions that name files; a folder named like this is rare, a destination meant as a file name is common. */
const FILE_EXTENSIONS = /\.(conf|config|cfg|ini|json|ya?ml|xml|html?|js|css|txt|properties|env|jar|war|zip|sh|py|rb|php|exe|dll|ps1|bat|cmd|service|sql|toml|md|log)$/i;

/**
 * E-FI-2, E-FI-5: destinations are folders on the instance; a relative one resolves against the
 * agent's working directory, and a file is copied into the destination, never renamed to it.
 */
export const destinations = ec2Rule('destinations', ({ model, report }) => {
  const windows = declaredOs(model) === 'windows';
  for (const mapping of model.files) {
    const node = mapping.destination?.value;
    const destination = pathText(node);
    if (!node || destination === undefined) continue;
    const absolute = windows ? isDrivePath(destination) || /^[\\/]/.test(destination) : destination.startsWith('/');
    // On Linux a drive path is os-path-mismatch's finding; one diagnostic per mistake.
    if (!absolute && !(isDrivePath(destination) && !windows)) {
      const example = windows ? 'C:\\inetpub\\wwwroot' : '/var/www/html';
      const where = destination.startsWith('~') ? 'the home folder of the user the agent runs as (usually root)' : "the agent's working directory, not a folder you chose";
      report('relative-destination', node, `\`destination\` "${destination}" is not an absolute path; the agent resolves it against ${where}. Write the full path, e.g. ${example}.`);
      continue;
    }
    if (!absolute) continue;
    const name = destination.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
    if (!/[\\/]$/.test(destination) && FILE_EXTENSIONS.test(name)) {
      const source = pathText(mapping.source?.value) ?? 'the source';
      const base = source.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || source;
      const joiner = windows ? '\\' : '/';
      report('destination-looks-like-file', node, `\`destination\` is always a folder: a source file is copied into it under its own name (${destination}${joiner}${base}), and a file cannot be renamed through files. Use the parent folder as destination, and rename in a hook if needed.`);
    }
  }
});
