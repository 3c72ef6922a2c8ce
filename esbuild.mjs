// Bundles the four entry points into dist/. Each bundle is self-contained so the packaged
// extension ships no node_modules.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

/** @type {Array<{ in: string, out: string, external?: string[] }>} */
const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'local/src/main.ts', out: 'local' },
];

const fs = await import('node:fs');
const contexts = [];
for (const entry of entries) {
  if (!fs.existsSync(entry.in)) continue; // an entry point appears when its front exists
  contexts.push(
    await esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: 'dist',
      sourcemap: true,
      external: entry.external ?? [],
      logLevel: 'warning',
      banner: entry.out === 'cli' || entry.out === 'local' ? { js: '#!/usr/bin/env node' } : undefined,
    }),
  );
}
for (const ctx of contexts) {
  if (watch) await ctx.watch();
  else {
    await ctx.rebuild();
    await ctx.dispose();
  }
}
