import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM_PATH, CODE_SERVER_ENTRY, CODE_SERVER_INSTALLED_MARKER, REPO_ROOT } from './paths';

/**
 * Runs scripts/setup-e2e.sh (idempotent: about a second when everything is there) and throws with the
 * reason when code-server or Chromium is still missing, so the suite fails loudly instead of skipping.
 */
export function ensureInstalled(): void {
  const setup = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-e2e.sh')], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (setup.error) throw new Error(`scripts/setup-e2e.sh could not start: ${setup.error.message}`);
  if (setup.status !== 0) throw new Error(`scripts/setup-e2e.sh failed (exit ${setup.status ?? setup.signal}); its output is above`);
  for (const [what, file] of [
    ['code-server install marker', CODE_SERVER_INSTALLED_MARKER],
    ['code-server entry point', CODE_SERVER_ENTRY],
    ['Chromium', CHROMIUM_PATH],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${what} missing after set-up: ${path.relative(REPO_ROOT, file) || file}`);
  }
}
