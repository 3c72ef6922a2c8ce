import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InstallError, type InstallInstruction, type InstallPlan } from './install-plan';
import { ParentGuard } from './parent-guard';
import { isWithin } from './reroot';
import { lstatOrUndefined } from './safe-tree-writer';

/**
 * Carries out an install plan under rootDir and writes the cleanup list (what this deployment
 * created, relative to rootDir) even when a step fails, as the agent records each command it ran.
 */
export async function executeInstall(plan: InstallPlan, rootDir: string, cleanupFile: string): Promise<void> {
  const guard = await ParentGuard.create(rootDir);
  const done: string[] = [];
  try {
    for (const instruction of plan.instructions) {
      await execute(instruction, guard);
      done.push(path.relative(rootDir, target(instruction)).split(path.sep).join('/'));
    }
    for (const change of plan.modes) {
      const stat = await fs.lstat(change.target);
      // chmod on a link would change its target; links carry no mode of their own on Linux.
      if (!stat.isSymbolicLink()) await fs.chmod(change.target, change.mode);
    }
  } finally {
    await fs.mkdir(path.dirname(cleanupFile), { recursive: true });
    await fs.writeFile(cleanupFile, done.map((line) => `${line}\n`).join(''));
  }
}

function target(instruction: InstallInstruction): string {
  return instruction.kind === 'mkdir' ? instruction.directory : instruction.destination;
}

async function execute(instruction: InstallInstruction, guard: ParentGuard): Promise<void> {
  const rootDir = guard.rootDir;
  await guard.check(target(instruction));
  if (instruction.kind === 'mkdir') {
    try {
      await fs.mkdir(instruction.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.stat(instruction.directory)).isDirectory()) throw error;
    }
    return;
  }
  const { source, destination } = instruction;
  const stat = await lstatOrUndefined(source);
  if (!stat) throw new InstallError(`No such file or directory in the revision: ${path.basename(source)} (a files source that does not exist is copied as a file and fails here).`);
  await clearDestination(destination, rootDir);
  if (stat.isSymbolicLink()) {
    // E-FI-8: links are recreated, not followed; locally they must not point out of the instance.
    const linkTarget = await fs.readlink(source);
    const resolved = path.resolve(path.dirname(destination), linkTarget);
    if (path.isAbsolute(linkTarget) || !isWithin(rootDir, resolved)) {
      throw new InstallError(`The symbolic link ${path.basename(destination)} would point outside the local instance (${linkTarget}); the local agent does not create it.`);
    }
    await fs.symlink(linkTarget, destination);
    return;
  }
  await fs.copyFile(source, destination);
  await fs.chmod(destination, stat.mode & 0o777);
  await fs.utimes(destination, stat.atime, stat.mtime);
}

/** OVERWRITE replaces a file or link (never writing through the link); a folder in the way fails the copy. */
async function clearDestination(destination: string, rootDir: string): Promise<void> {
  const existing = await lstatOrUndefined(destination);
  if (!existing) return;
  if (existing.isDirectory()) throw new InstallError(`Cannot copy a file over the folder /${path.relative(rootDir, destination).split(path.sep).join('/')}.`);
  await fs.unlink(destination);
}
