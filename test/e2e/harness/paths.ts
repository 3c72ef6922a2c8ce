import * as path from 'node:path';

/**
 * Locations the harness uses, computed from where this file runs (out/test/e2e/harness/ in the repo),
 * so no absolute path of any machine is written into the project.
 */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** code-server's tool folder, installed by scripts/setup-e2e.sh (git-ignored). */
export const CODE_SERVER_DIR = path.join(REPO_ROOT, '.vscode-test', 'code-server');

/** code-server's entry point inside the tool folder. */
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written by scripts/setup-e2e.sh once every install step succeeded. */
export const CODE_SERVER_INSTALLED_MARKER = path.join(CODE_SERVER_DIR, '.installed-4.100.3');

/** Screenshots, the packaged .vsix, logs and per-run state (git-ignored). */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** The Debian Chromium the recipe drives with playwright-core. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The compiled in-extension-host mocha suite (a module exporting run()). */
export const SUITE_MODULE_DIR = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite');
