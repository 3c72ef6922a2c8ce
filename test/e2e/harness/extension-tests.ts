import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { SuiteResults } from '../expected';
import { newWorkbenchPage } from './browser';
import type { CodeServer } from './code-server';
import { REPO_ROOT, SUITE_MODULE_DIR } from './paths';
import { waitForFile } from './wait-for-file';

/**
 * Runs the mocha suite in test/e2e/suite inside code-server's real extension host: the workbench URL's
 * payload names the extension under development (this repository, with the same dist/ that was packaged)
 * and the tests module, as @vscode/test-electron does for desktop VS Code. The suite writes its results
 * to `resultsFile` (passed to code-server's environment), which this reads.
 */
export async function runExtensionTests(browser: Browser, server: CodeServer, workspace: string, resultsFile: string, screenshot: string, timeoutMs = 180_000): Promise<SuiteResults> {
  fs.rmSync(resultsFile, { force: true });
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['extensionTestsPath', remote(SUITE_MODULE_DIR)],
  ];
  const page = await newWorkbenchPage(browser);
  try {
    await page.goto(server.url(workspace, { payload: JSON.stringify(payload) }));
    const text = await waitForFile(resultsFile, timeoutMs, () => (page.isClosed() ? 'the workbench page closed before the suite reported' : undefined));
    if (!page.isClosed()) await page.screenshot({ path: screenshot });
    return JSON.parse(text) as SuiteResults;
  } catch (error) {
    if (!page.isClosed()) await page.screenshot({ path: screenshot });
    throw error;
  } finally {
    await page.context().close();
  }
}
