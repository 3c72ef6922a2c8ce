import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { SUITE_RESULTS_ENV, type SuiteResults } from '../expected';

/**
 * The extension-test entry point VS Code calls inside the real extension host (the contract of
 * `extensionTestsPath`, shared by code-server's payload URL and @vscode/test-electron). It runs every
 * `*.test.js` beside it with mocha and writes the results to a file, because in code-server nobody
 * watches the extension host's exit code: the harness reads that file instead.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, forbidOnly: true });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const results: SuiteResults = { passed: 0, failed: 0, skipped: 0, tests: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      results.passed += 1;
      results.tests.push({ title: test.fullTitle(), state: 'passed' });
    });
    runner.on('fail', (test, error: Error) => {
      results.failed += 1;
      results.tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message });
    });
    runner.on('pending', (test) => {
      results.skipped += 1;
      results.tests.push({ title: test.fullTitle(), state: 'skipped' });
    });
  });
  writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} of ${results.passed + results.failed} extension tests failed`);
}

/** Where the harness expects the results: its env var, else test-results/e2e/ in the repository. */
function writeResults(results: SuiteResults): void {
  const file = process.env[SUITE_RESULTS_ENV] ?? path.resolve(__dirname, '..', '..', '..', '..', 'test-results', 'e2e', 'suite-results.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file); // atomic: the harness never reads half a file
}
