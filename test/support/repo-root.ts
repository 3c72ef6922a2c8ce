import * as path from 'node:path';

/** The repository root: tests run compiled from out/test/…, so it is three levels above this file's output folder. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
