import * as path from 'node:path';

/** The agent runs as root, so `~` in a destination is root's home. */
const AGENT_HOME = '/root';

/**
 * Maps an instance path from the AppSpec (`/srv/app`) to its place under the local instance's
 * root folder (`<rootDir>/srv/app`). Relative paths resolve against `/`, the agent daemon's
 * working directory, and `..` cannot climb above `/`, so the result is always inside rootDir.
 */
export function rerootPath(rootDir: string, instancePath: string): string {
  const expanded = instancePath.trim().replace(/^~(?=\/|$)/, AGENT_HOME);
  const absolute = path.posix.resolve('/', expanded);
  return path.join(rootDir, ...absolute.split('/').filter((segment) => segment !== ''));
}

/** True when `target` is `base` or below it (plain path comparison, no file-system access). */
export function isWithin(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
