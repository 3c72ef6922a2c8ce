import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { agentGlob, isDefaultAclEntry } from '../../../server/src/appspec/agent-values';
import type { AgentAppSpec, PermissionSpec } from './agent-appspec';
import { isWithin, rerootPath } from './reroot';
import type { FileExistsBehavior } from './types';

export type InstallInstruction = { kind: 'mkdir'; directory: string } | { kind: 'copy'; source: string; destination: string };

export interface ModeChange {
  target: string;
  mode: number;
}

/** What the Install event will do, in order, with local (re-rooted) paths. */
export interface InstallPlan {
  instructions: InstallInstruction[];
  modes: ModeChange[];
  /** Settings the local agent does not apply (owner, ACLs, SELinux), for the deployment log. */
  notes: string[];
}

/** The Install event fails with this message (the agent raises the same kinds of error). */
export class InstallError extends Error {
  override readonly name = 'InstallError';
}

export interface PlanContext {
  revisionDir: string;
  /** `<instanceDir>/root`: where `/` of the instance is. */
  rootDir: string;
  /** The deployment's default; the AppSpec's file_exists_behavior wins. */
  fileExistsBehavior: FileExistsBehavior;
}

/**
 * Builds the Install instructions as the agent's installer does (E-FI-1..9, E-FEB, E-P-OBJ):
 * run after the previous deployment's cleanup, so only files nobody installed count as existing.
 */
export async function planInstall(spec: AgentAppSpec, context: PlanContext): Promise<InstallPlan> {
  const builder = new PlanBuilder(context.rootDir);
  const behavior = spec.fileExistsBehavior ?? context.fileExistsBehavior;
  for (const file of spec.files) {
    const source = revisionSource(context.revisionDir, file.source);
    const destination = rerootPath(context.rootDir, file.destination);
    if (await isDirectory(source)) {
      await builder.missingAncestors(destination);
      await builder.directoryCopy(source, destination, behavior, new Set());
    } else {
      const target = path.join(destination, path.basename(source));
      await builder.missingAncestors(target);
      await builder.normalCopy(source, target, behavior);
    }
  }
  for (const permission of spec.permissions) await builder.permissions(permission);
  return builder.plan();
}

/** E-FI-1: sources are relative to the revision even with a leading `/`; leaving the revision is refused locally. */
function revisionSource(revisionDir: string, written: string): string {
  const source = path.join(revisionDir, ...written.split('/').filter((segment) => segment !== ''));
  if (!isWithin(revisionDir, source)) throw new InstallError(`The files source ${written} leaves the revision; the local agent only copies files from the revision.`);
  return source;
}

class PlanBuilder {
  private readonly instructions: InstallInstruction[] = [];
  private readonly copyTargets = new Map<string, string>();
  private readonly mkdirTargets = new Set<string>();
  private readonly permissionTargets = new Set<string>();
  private readonly modes: ModeChange[] = [];
  private readonly notes: string[] = [];

  constructor(private readonly rootDir: string) {}

  plan(): InstallPlan {
    return { instructions: this.instructions, modes: this.modes, notes: this.notes };
  }

  /** The agent creates (and later removes) every missing folder above a destination. */
  async missingAncestors(destination: string): Promise<void> {
    const missing: string[] = [];
    let parent = path.dirname(destination);
    while (parent !== this.rootDir && isWithin(this.rootDir, parent) && !(await exists(parent))) {
      missing.unshift(parent);
      parent = path.dirname(parent);
    }
    for (const directory of missing) this.mkdir(directory);
  }

  /** E-FI-3: a folder's contents go into destination; links to folders are followed, as the agent's File.directory? does. */
  async directoryCopy(source: string, destination: string, behavior: FileExistsBehavior, visiting: Set<string>): Promise<void> {
    const real = await fs.realpath(source);
    if (visiting.has(real)) throw new InstallError(`The revision has a symbolic link loop at ${source}; the copy would never end.`);
    visiting.add(real);
    if (!(await isDirectory(destination))) this.mkdir(destination);
    const names = (await fs.readdir(source)).sort();
    for (const name of names) {
      const entry = path.join(source, name);
      if (await isDirectory(entry)) await this.directoryCopy(entry, path.join(destination, name), behavior, visiting);
      else await this.normalCopy(entry, path.join(destination, name), behavior);
    }
    visiting.delete(real);
  }

  /** E-FEB-4 against what is on disk now (after cleanup). */
  async normalCopy(source: string, destination: string, behavior: FileExistsBehavior): Promise<void> {
    if (await exists(destination)) {
      if (behavior === 'DISALLOW') throw new InstallError(`The deployment failed because a specified file already exists at this location: ${this.instancePath(destination)}`);
      if (behavior === 'RETAIN') return;
    }
    this.copy(source, destination);
  }

  async permissions(permission: PermissionSpec): Promise<void> {
    const object = rerootPath(this.rootDir, permission.object);
    let matches: string[] = [];
    if (this.copyTargets.has(object)) {
      if (!permission.types.includes('file')) return;
      if (permission.pattern !== '**' || permission.except.length > 0) {
        throw new InstallError(`The permissions entry for the file ${permission.object} cannot have a pattern or except (they apply to folders).`);
      }
      if (permission.acls.some(isDefaultAclEntry)) {
        throw new InstallError(`The permissions entry for the file ${permission.object} cannot have default ACL entries (they apply to folders).`);
      }
      matches = [object];
    } else if (this.mkdirTargets.has(object) || (await isDirectory(object))) {
      matches = this.matchesBelow(object, permission);
    }
    for (const match of matches) this.setPermissions(match, permission);
    if (matches.length > 0) this.noteUnapplied(permission);
  }

  /** E-P-PAT-1, E-P-EXC-1, E-P-TYPE-1, E-P-OBJ-1: installed objects strictly below `object`. */
  private matchesBelow(object: string, permission: PermissionSpec): string[] {
    const candidates: Array<[string, 'file' | 'directory']> = [
      ...[...this.copyTargets.keys()].map((target): [string, 'file'] => [target, 'file']),
      ...[...this.mkdirTargets].map((target): [string, 'directory'] => [target, 'directory']),
    ];
    return candidates
      .filter(([target, type]) => {
        if (target === object || !isWithin(object, target) || !permission.types.includes(type)) return false;
        const relative = path.relative(object, target).split(path.sep).join('/');
        const child = !relative.includes('/');
        if (permission.pattern !== '**' && !(child && agentGlob(permission.pattern).test(relative))) return false;
        return !(child && permission.except.some((glob) => agentGlob(glob).test(relative)));
      })
      .map(([target]) => target);
  }

  private setPermissions(target: string, permission: PermissionSpec): void {
    if (this.permissionTargets.has(target)) {
      throw new InstallError(`The deployment failed because the permissions setting for (${this.instancePath(target)}) is specified more than once in the application specification file.`);
    }
    this.permissionTargets.add(target);
    if (permission.mode !== undefined) this.modes.push({ target, mode: permission.mode });
  }

  private noteUnapplied(permission: PermissionSpec): void {
    const skipped = [
      permission.owner !== undefined || permission.group !== undefined ? 'owner/group' : undefined,
      permission.acls.length > 0 ? 'acls' : undefined,
      permission.hasContext ? 'SELinux context' : undefined,
    ].filter((what): what is string => what !== undefined);
    if (skipped.length > 0) this.notes.push(`permissions for ${permission.object}: ${skipped.join(', ')} not applied (local instances keep the current user's ownership and no ACL or SELinux labels).`);
  }

  private mkdir(directory: string): void {
    if (this.copyTargets.has(directory)) throw this.fileAndFolder(directory);
    if (this.mkdirTargets.has(directory)) return;
    this.mkdirTargets.add(directory);
    this.instructions.push({ kind: 'mkdir', directory });
  }

  /** E-FI-6 and E-FI-7: one destination, one source; a path is a file or a folder, not both. */
  private copy(source: string, destination: string): void {
    const earlier = this.copyTargets.get(destination);
    if (earlier !== undefined) {
      throw new InstallError(`The deployment failed because the application specification file specifies two source files (${path.basename(source)} and ${path.basename(earlier)}) for the same destination (${this.instancePath(destination)}).`);
    }
    if (this.mkdirTargets.has(destination)) throw this.fileAndFolder(destination);
    this.copyTargets.set(destination, source);
    this.instructions.push({ kind: 'copy', source, destination });
  }

  private fileAndFolder(target: string): InstallError {
    return new InstallError(`The deployment failed because ${this.instancePath(target)} would be both a file and a folder.`);
  }

  /** Messages name the instance path the author wrote (`/srv/app/x`), not the local folder. */
  instancePath(local: string): string {
    return `/${path.relative(this.rootDir, local).split(path.sep).join('/')}`;
  }
}

async function exists(target: string): Promise<boolean> {
  try {
    await fs.stat(target);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await fs.stat(target)).isDirectory();
  } catch {
    return false;
  }
}
