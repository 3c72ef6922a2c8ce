import * as path from 'node:path';

/** A path as the user wants to read it: relative to the cwd when it lies below it, absolute otherwise. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative;
}
