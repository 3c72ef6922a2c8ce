import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The package version, read from the manifest beside the bundle (dist/cli.js → package.json),
 * so the CLI reports the version it was shipped with without a build step writing it in.
 */
export function cliVersion(from: string = __dirname): string {
  let folder = from;
  for (let depth = 0; depth < 5; depth++) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version?: unknown; bin?: Record<string, unknown> };
      if (manifest.bin && 'appspec-lint' in manifest.bin && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no manifest here: look one folder up
    }
    folder = path.dirname(folder);
  }
  return 'unknown';
}
