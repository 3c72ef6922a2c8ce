import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { SUITE_RESULTS_ENV } from '../expected';
import { REPO_ROOT, RESULTS_DIR, SUITE_MODULE_DIR } from './paths';
import { freshWorkspace } from './workspace';

/**
 * Runs the same in-extension-host suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron,
 * for machines that can download VS Code (these cannot; the e2e harness uses code-server instead).
 * usage: npm run build && node out/test/e2e/harness/run-electron.js
 */
async function main(): Promise<void> {
  const workspace = freshWorkspace('electron');
  await runTests({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE_MODULE_DIR,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { [SUITE_RESULTS_ENV]: path.join(RESULTS_DIR, 'electron-suite-results.json') },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
