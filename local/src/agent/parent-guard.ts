import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InstallError } from './install-plan';
import { isWithin } from './reroot';

/**
 * Vets the folder a write or delete happens in: its real path must be inside the instance root,
 * whatever links the root holds, and it is made writable by its owner when it is not. The real
 * agent runs as root, for whom a `mode: 555` folder from an earlier deployment is no obstacle;
 * the local agent runs as the user and owns everything under the instance root, so it restores
 * the access root would have had. A checked folder stays good for the guard's lifetime: the
 * install and cleanup only ever replace files and links, never folders.
 */
export class ParentGuard {
  private readonly checked = new Set<string>();

  private constructor(
    private readonly realRoot: string,
    readonly rootDir: string,
  ) {}

  static async create(rootDir: string): Promise<ParentGuard> {
    await fs.mkdir(rootDir, { recursive: true });
    return new ParentGuard(await fs.realpath(rootDir), rootDir);
  }

  /** Throws InstallError when `target`'s folder is reached through a link leaving the root. */
  async check(target: string): Promise<void> {
    const parent = path.dirname(target);
    if (this.checked.has(parent)) return;
    const real = await fs.realpath(parent);
    if (!isWithin(this.realRoot, real)) {
      throw new InstallError(`/${path.relative(this.rootDir, target).split(path.sep).join('/')} is reached through a link that leaves the local instance; the local agent writes only inside it.`);
    }
    const stat = await fs.stat(real);
    if ((stat.mode & 0o300) !== 0o300) await fs.chmod(real, stat.mode | 0o700);
    this.checked.add(parent);
  }
}

/** Removes a folder tree the agent made, including folders a bundle marked read-only. */
export async function removeTree(dir: string): Promise<void> {
  try {
    await fs.rm(dir, { recursive: true, force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EACCES' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    await makeOwnerWritable(dir);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function makeOwnerWritable(dir: string): Promise<void> {
  const stat = await fs.lstat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) return;
  await fs.chmod(dir, stat.mode | 0o700);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await makeOwnerWritable(path.join(dir, entry.name));
  }
}
