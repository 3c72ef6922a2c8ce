import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { NEW_APPSPEC, SUITE_RESULTS_ENV } from '../expected';
import { checkFixClearsProblem } from '../ui/fix-clears-problem';
import { checkHookCompletion } from '../ui/hook-completion';
import { checkNewAppSpecExisting, checkNewAppSpecInFolder } from '../ui/new-appspec';
import { checkProblemsPanel } from '../ui/problems-panel';
import { launchBrowser, newWorkbenchPage } from './browser';
import { checkPackageContents } from './check-package';
import { CodeServer, installExtension, prepareDirs } from './code-server';
import { ensureInstalled } from './ensure-installed';
import { runExtensionTests } from './extension-tests';
import { packageExtension } from './package-extension';
import { RESULTS_DIR } from './paths';
import { Results, errorText } from './results';
import { openWorkbench } from './workbench';
import { freshWorkspace } from './workspace';

/**
 * The end-to-end suite: package the extension, install the .vsix into a fresh code-server, check in
 * headless Chromium what a user sees (Problems panel, completion), then run the mocha suite inside the
 * real extension host. Writes {passed, failed, skipped} to MOCHA_COUNTS_FILE. A step that cannot run
 * (no code-server, no Chromium, no build) is a failed test with the reason, never a skip.
 */
const WHOLE_RUN_LIMIT_MS = 10 * 60_000;

const results = new Results();
const shot = (name: string): string => path.join(RESULTS_DIR, `${name}.png`);

/** Runs a set-up step, timing it; a throw becomes one failed outcome named after the step. */
async function step<T>(name: string, action: () => T | Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    const value = await action();
    console.log(`e2e: ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    return value;
  } catch (error) {
    results.add({ name: `set-up: ${name}`, state: 'failed', error: errorText(error), ms: Date.now() - start });
    throw new StepFailed();
  }
}

class StepFailed extends Error {}

/** The running code-server, for the watchdog and signal handlers: it runs in its own process group. */
let server: CodeServer | undefined;

async function main(): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  let browser: Browser | undefined;
  try {
    await step('install code-server and Chromium (scripts/setup-e2e.sh)', ensureInstalled);
    const vsix = await step('package the extension with vsce', () => packageExtension(RESULTS_DIR));
    await results.check('the .vsix ships the extension and server bundles and nothing outside the allow-list', async () => checkPackageContents(vsix));
    const dirs = await step('prepare fresh code-server folders', () => prepareDirs(path.join(RESULTS_DIR, 'run')));
    await step(`install ${path.basename(vsix)} into code-server offline`, () => installExtension(dirs, vsix));
    const uiWorkspace = freshWorkspace('ui');
    // An empty folder for New AppSpec File to write into (git keeps no empty folder in the fixture).
    fs.mkdirSync(path.join(uiWorkspace, NEW_APPSPEC.emptyFolder));
    const suiteWorkspace = freshWorkspace('suite');
    const suiteResults = path.join(RESULTS_DIR, 'suite-results.json');
    const started = await step('start code-server', () => CodeServer.start(dirs, uiWorkspace, { [SUITE_RESULTS_ENV]: suiteResults }));
    server = started;
    const launched = await step('start headless Chromium', () => launchBrowser(path.join(dirs.home, 'chromium')));
    browser = launched;
    const page = await step('open the workbench on the fixture workspace', async () => {
      const opened = await newWorkbenchPage(launched);
      await openWorkbench(opened, started.url(uiWorkspace));
      return opened;
    });
    await results.check('Problems panel lists the broken AppSpec\'s diagnostics at their lines', () => checkProblemsPanel(page, shot('problems-panel')));
    await results.check('typing the fix for `os: Linux` removes its problem, the others stay', () => checkFixClearsProblem(page, shot('problem-fixed')));
    await results.check('completion inside hooks: offers hook names', () => checkHookCompletion(page, shot('hook-completion')));
    await results.check('New AppSpec File from the Command Palette opens the root\'s existing AppSpec and says so', () =>
      checkNewAppSpecExisting(page, uiWorkspace, shot('new-appspec-existing')),
    );
    await results.check('New AppSpec File from a folder\'s context menu writes and opens the Lambda template, which has no problem', () =>
      checkNewAppSpecInFolder(page, uiWorkspace, shot('new-appspec-folder')),
    );
    await page.context().close();
    const suite = await step('run the mocha suite in the extension host (payload URL)', () =>
      runExtensionTests(launched, started, suiteWorkspace, suiteResults, shot('extension-tests')),
    );
    for (const test of suite.tests) results.add({ name: `extension host: ${test.title}`, state: test.state, error: test.error });
    if (suite.tests.length === 0) results.add({ name: 'extension host: the suite ran no test', state: 'failed' });
  } catch (error) {
    if (!(error instanceof StepFailed)) results.add({ name: 'e2e harness', state: 'failed', error: errorText(error) });
  } finally {
    await browser?.close().catch(() => undefined);
    server?.stop();
    await server?.stopped();
  }
}

/** Ends the run early: stops code-server (not reached by our signals), records why, and exits. */
function abort(reason: string): void {
  server?.stop();
  results.add({ name: 'e2e harness', state: 'failed', error: reason });
  results.write(process.env.MOCHA_COUNTS_FILE, path.join(RESULTS_DIR, 'report.json'));
  process.exit(1);
}

setTimeout(() => abort(`the run took longer than ${WHOLE_RUN_LIMIT_MS / 60_000} minutes`), WHOLE_RUN_LIMIT_MS).unref();
process.once('SIGINT', () => abort('interrupted (SIGINT)'));
process.once('SIGTERM', () => abort('terminated (SIGTERM)'));

const startedAt = Date.now();
void main().then(() => {
  results.write(process.env.MOCHA_COUNTS_FILE, path.join(RESULTS_DIR, 'report.json'));
  const { passed, failed, skipped } = results.counts();
  console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; screenshots in test-results/e2e/`);
  process.exit(failed === 0 ? 0 : 1);
});
