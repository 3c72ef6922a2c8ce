/** AppSpec files by name, whatever folder or URI scheme they live in. */
const DEFAULT_NAME = /(^|\/)appspec\.(yml|yaml|json)$/i;

/**
 * Turns a VS Code-style glob (`**`, `*`, `?`, `{a,b}`) into a RegExp over a URI's path. Patterns
 * without a slash match the file name anywhere, as `files.associations` does.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      inBraces = true;
      source += '(?:';
    } else if (ch === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (ch === ',' && inBraces) source += '|';
    else source += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const anchored = glob.includes('/') ? `(?:^|/)${source.replace(/^\(\?:\.\*\/\)\?/, '(?:.*/)?')}$` : `(?:^|/)${source}$`;
  return new RegExp(anchored);
}

/** Decides from a document's URI whether it is an AppSpec, using the default names and the user's patterns. */
export class AppSpecSelector {
  private patterns: RegExp[] = [];

  setPatterns(globs: readonly string[]): void {
    this.patterns = globs.map(globToRegExp);
  }

  matches(uri: string): boolean {
    const path = uriPath(uri);
    return DEFAULT_NAME.test(path) || this.patterns.some((pattern) => pattern.test(path));
  }
}

/** The decoded path part of any URI (file:, untitled:, git:, vscode-vfs:), without query or fragment. */
export function uriPath(uri: string): string {
  const withoutScheme = uri.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, '');
  const path = withoutScheme.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
