import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RevisionFixArguments } from '../appspec/features/index';
import { scriptTemplate } from '../appspec/features/templates';
import { revisionRootOf } from './revision-files';

function isArguments(value: unknown): value is RevisionFixArguments {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.uri === 'string' && typeof candidate.path === 'string' && ['create-script', 'make-executable', 'convert-crlf', 'add-shebang'].includes(String(candidate.kind));
}

/**
 * Runs a fix that changes a revision file (create a script, chmod +x, CRLF → LF). The target must
 * stay inside the AppSpec's folder: arguments come over the wire, so they are checked again here.
 * Returns what was done, for the log, or throws with a message for the user.
 */
export async function applyRevisionFix(value: unknown): Promise<string> {
  if (!isArguments(value)) throw new Error('Invalid arguments for the revision fix.');
  const root = revisionRootOf(value.uri);
  if (!root) throw new Error('Revision files can only be changed for AppSpec files on disk.');
  const target = path.resolve(root, ...value.path.split('/'));
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`The path leaves the revision folder: ${value.path}`);
  switch (value.kind) {
    case 'create-script': {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // 'wx' never overwrites a script that appeared since the diagnostic was computed.
      await fs.writeFile(target, scriptTemplate(value.path, value.event), { flag: 'wx', mode: 0o755 });
      await fs.chmod(target, 0o755);
      return `Created ${value.path}`;
    }
    case 'make-executable': {
      const stat = await fs.stat(target);
      // Executable for whoever may read it, as chmod +x does.
      await fs.chmod(target, stat.mode | ((stat.mode & 0o444) >> 2) | 0o100);
      return `Made ${value.path} executable`;
    }
    case 'convert-crlf': {
      const text = await fs.readFile(target, 'utf8');
      await fs.writeFile(target, text.replace(/\r\n/g, '\n'));
      return `Converted ${value.path} to LF line endings`;
    }
    case 'add-shebang': {
      const text = (await fs.readFile(target, 'utf8')).replace(/^\uFEFF/, '');
      if (!text.startsWith('#!')) await fs.writeFile(target, `#!/bin/bash\n${text}`);
      else await fs.writeFile(target, text);
      return `Added #!/bin/bash to ${value.path}`;
    }
  }
}
