import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { stringValue } from '../../yaml-nodes';
import { revisionPath } from '../links';
import { fixData, revisionFix, textAt, type QuickFixContext, type RevisionFixKind } from './quick-fix';

/** The revision-relative path a file diagnostic is about: the engine's data, else the value it points at. */
function targetPath(diagnostic: Diagnostic, context: QuickFixContext): string | undefined {
  const data = fixData(diagnostic);
  const written = typeof data.path === 'string' ? data.path : textAt(context, diagnostic.range).replace(/^["']|["']$/g, '');
  if (!written.trim()) return undefined;
  const model = context.analysis.model;
  const windows = model?.platform === 'ec2' && stringValue(model.top.get('os')?.value) === 'windows';
  const path = revisionPath(written, windows);
  return path === '.' || path.startsWith('..') ? undefined : path;
}

function fileFix(kind: RevisionFixKind, title: (path: string) => string) {
  return (diagnostic: Diagnostic, context: QuickFixContext): CodeAction[] => {
    if (!context.fileFixes) return [];
    const path = targetPath(diagnostic, context);
    if (!path) return [];
    const event = typeof fixData(diagnostic).event === 'string' ? String(fixData(diagnostic).event) : undefined;
    return [revisionFix(title(path), diagnostic, { uri: context.uri, kind, path, event })];
  };
}

/** Creates the missing script from a template, executable, with a shebang. */
export const createScript = fileFix('create-script', (path) => `Create ${path} (executable, from a template)`);

/** chmod +x on the script. */
export const makeExecutable = fileFix('make-executable', (path) => `Make ${path} executable`);

/** Rewrites the script's CRLF line endings as LF. */
export const convertCrlf = fileFix('convert-crlf', (path) => `Convert ${path} to LF line endings`);

/** Puts `#!/bin/bash` (and drops a byte-order mark) at the top of the script. */
export const addShebang = fileFix('add-shebang', (path) => `Add #!/bin/bash to ${path}`);
