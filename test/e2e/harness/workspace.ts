import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_WORKSPACE } from '../expected';
import { REPO_ROOT, RESULTS_DIR } from './paths';

/** A fresh copy of the fixture workspace (modes kept), so edits made by one window never leak into another. */
export function freshWorkspace(name: string): string {
  const target = path.join(RESULTS_DIR, 'workspaces', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(REPO_ROOT, FIXTURE_WORKSPACE), target, { recursive: true });
  return target;
}
