import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * Packages the built extension with vsce into `outDir` and returns the .vsix path. The bundles in dist/
 * are self-contained and .vscodeignore is an allow-list, so no node_modules go in (--no-dependencies).
 */
export function packageExtension(outDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; main?: string };
  if (manifest.main && !fs.existsSync(path.join(REPO_ROOT, manifest.main))) {
    throw new Error(`the extension's entry point ${manifest.main} is not built (is client/src/extension.ts on this branch? run npm run build)`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`vsce package failed (exit ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
  }
  return vsix;
}
