// Runs the test suites and prints the one line CI reads: `N passed, N failed` from the real counts.
// usage: node scripts/run-tests.mjs unit|e2e|all
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const which = process.argv[2] ?? 'all';
const resultsDir = path.resolve('test-results');
fs.mkdirSync(resultsDir, { recursive: true });

/** Each suite writes its counts to a JSON file; a suite that writes none counts as one failure. */
const suites = {
  unit: { command: [process.execPath, [path.resolve('node_modules/mocha/bin/mocha.js')]], counts: 'unit.json' },
  e2e: { command: [process.execPath, [path.resolve('out/test/e2e/harness/run-e2e.js')]], counts: 'e2e.json' },
};

const selected = which === 'all' ? Object.keys(suites) : [which];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of selected) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown suite: ${name} (expected unit, e2e or all)`);
    process.exit(2);
  }
  const countsFile = path.join(resultsDir, suite.counts);
  fs.rmSync(countsFile, { force: true });
  const [cmd, args] = suite.command;
  const run = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, MOCHA_COUNTS_FILE: countsFile },
  });
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(countsFile, 'utf8'));
  } catch {
    console.error(`${name}: the suite reported no counts (exit ${run.status ?? run.signal}); counted as one failure`);
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // a crash after the last test still fails
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped ?? 0} skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped ?? 0;
}
if (passed + failed === 0) failed = 1; // running no test is a failure, not a success
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
