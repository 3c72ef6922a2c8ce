import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from '../bench-row';
import { percentile } from '../timing';
import { largeAppSpec, typicalAppSpec } from './appspec-samples';
import { LspProcess } from './lsp-process';

export interface LspBenchOptions {
  /** The built language server (default dist/server.js). */
  serverPath?: string;
  /** JSON Schema yaml-language-server validates against (default schemas/appspec-ec2.schema.json). */
  schemaPath?: string;
  /** Edits timed per document (default 200 for the typical file, 30 for the large one). */
  edits?: { typical: number; large: number };
  /** Edits sent before RSS is read (default 1,000). */
  rssEdits?: number;
}

/** Timed edits that leave a syntax error in the text (an opened quote). */
const BROKEN_EDITS = 20;

/** Spreads successive edits evenly over the document's lines. */
const GOLDEN_RATIO = 0.6180339887;

/** Gap between timed edits: longer than the server's burst window, as between a person's keystrokes. */
const PAUSE_MS = 60;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


const round = (value: number) => Math.round(value * 100) / 100;

interface ServerUnderTest {
  name: string;
  start(root: string): Promise<LspProcess>;
}

/**
 * The language-server benchmark: time from didChange to publishDiagnostics (p50, p95) for a typical
 * AppSpec and a 5,000-line one, completion latency, start to first diagnostics, RSS after 1,000
 * edits; then yaml-language-server on the same files with the project's JSON Schema, and the ratios.
 */
export async function benchLanguageServers(options: LspBenchOptions = {}): Promise<BenchRow[]> {
  const repo = path.resolve(__dirname, '../../..');
  const serverPath = options.serverPath ?? path.join(repo, 'dist/server.js');
  const schemaPath = path.resolve(options.schemaPath ?? path.join(repo, 'schemas/appspec-ec2.schema.json'));
  const yamlServer = require.resolve('yaml-language-server/bin/yaml-language-server');
  const edits = options.edits ?? { typical: 200, large: 60 };
  const rssEdits = options.rssEdits ?? 1000;

  const servers: ServerUnderTest[] = [
    { name: 'codedeploy', start: (root) => LspProcess.start(serverPath, ['--stdio'], pathToFileURL(root).href, () => ({})) },
    {
      name: 'yaml-language-server',
      start: (root) => {
        const settings = { validate: true, completion: true, hover: true, schemas: { [pathToFileURL(schemaPath).href]: ['**/appspec.yml', 'appspec.yml'] }, schemaStore: { enable: false } };
        return LspProcess.start(yamlServer, ['--stdio'], pathToFileURL(root).href, (section) => (section === 'yaml' ? settings : section === 'editor' ? { tabSize: 2 } : null)).then(async (server) => {
          await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: settings } });
          return server;
        });
      },
    },
  ];

  const rows: BenchRow[] = [];
  const p95: Record<string, Record<string, number>> = {};
  const problems: Record<string, Record<string, number>> = {};
  for (const server of servers) {
    for (const [label, text, count] of [['typical', typicalAppSpec(), edits.typical], ['5,000-line', largeAppSpec(), edits.large]] as const) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-bench-'));
      try {
        for (const script of ['stop', 'backup', 'configure', 'start', 'validate', 's0', 's1', 's2', 's3', 's4']) {
          fs.mkdirSync(path.join(root, 'scripts'), { recursive: true });
          fs.writeFileSync(path.join(root, 'scripts', `${script}.sh`), '#!/bin/bash\n', { mode: 0o755 });
        }
        // The files sections' sources exist, as they would in a built revision.
        for (const match of text.matchAll(/source: (build\/part\d+)/g)) fs.mkdirSync(path.join(root, match[1]), { recursive: true });
        const uri = pathToFileURL(path.join(root, 'appspec.yml')).href;
        fs.writeFileSync(path.join(root, 'appspec.yml'), text);
        const started = process.hrtime.bigint();
        const lsp = await server.start(root);
        const first = await lsp.open(uri, text);
        const startMs = Number(process.hrtime.bigint() - started) / 1e6;
        const samples: number[] = [];
        let reported = first.diagnostics.length;
        const lines = text.split('\n');
        for (let i = 0; i < count; i++) {
          await pause(PAUSE_MS);
          // A comment typed at the end of a line that wanders through the whole document (top, middle,
          // end: every later line moves) keeps the document's problems the same from edit to edit.
          const edited = lines.slice();
          const line = Math.floor(((i * GOLDEN_RATIO) % 1) * (lines.length - 1));
          edited[line] = `${edited[line]} # edit ${i}`;
          const result = await lsp.timeChange(uri, edited.join('\n'));
          samples.push(result.ms);
          reported = result.diagnostics;
        }
        // Typing passes through broken states: an opened quote, wandering like the edits above. From the
        // broken top-level entry on, such a text is parsed in one go.
        const broken: number[] = [];
        for (let i = 0; i < BROKEN_EDITS; i++) {
          await pause(PAUSE_MS);
          const edited = lines.slice();
          let line = Math.floor(((i * GOLDEN_RATIO) % 1) * (lines.length - 1));
          while (!edited[line].includes(': ')) line = (line + 1) % lines.length;
          edited[line] = edited[line].replace(': ', ': "');
          broken.push((await lsp.timeChange(uri, edited.join('\n'))).ms);
        }
        await lsp.change(uri, text);
        const completion: number[] = [];
        const hookLine = lines.findIndex((line) => line.startsWith('hooks:')) + 1;
        for (let i = 0; i < 50; i++) completion.push(await lsp.timeCompletion(uri, hookLine, 2));
        const bench = `${server.name}, ${label} AppSpec`;
        rows.push(
          { name: `${bench}: start to first diagnostics`, value: round(startMs), unit: 'ms' },
          { name: `${bench}: didChange → diagnostics p50`, value: round(percentile(samples, 50)), unit: 'ms' },
          { name: `${bench}: didChange → diagnostics p95`, value: round(percentile(samples, 95)), unit: 'ms' },
          { name: `${bench}: didChange → diagnostics p95, text with a syntax error`, value: round(percentile(broken, 95)), unit: 'ms' },
          { name: `${bench}: completion p50`, value: round(percentile(completion, 50)), unit: 'ms' },
          { name: `${bench}: completion p95`, value: round(percentile(completion, 95)), unit: 'ms' },
          { name: `${bench}: problems reported`, value: reported, unit: 'diagnostics' },
        );
        (p95[server.name] ??= {})[label] = percentile(samples, 95);
        (problems[server.name] ??= {})[label] = reported;
        // RSS after a long session of edits, typed as VS Code sends them (one line changed per edit,
        // incremental sync), back to back, the last one awaited. The target is for the typical file;
        // the 5,000-line one is shown for our server only (yaml-language-server needs minutes for it).
        if (label === 'typical' || server.name === 'codedeploy') {
          await lsp.change(uri, text); // back to the text as opened, whose last line is empty
          const last = lines.length - 1;
          let written = '';
          for (let i = 0; i < rssEdits - 1; i++) {
            const next = `# rss ${i}`;
            await lsp.editLine(uri, last, written.length, next);
            written = next;
          }
          await lsp.timed(uri, () => lsp.editLine(uri, last, written.length, '# rss done'));
          const rss = await lsp.rssMb();
          const target = server.name === 'codedeploy' && label === 'typical' ? { target: '< 80 MB', ok: rss !== undefined && rss < 80 } : {};
          if (rss !== undefined) rows.push({ name: `${bench}: RSS after ${rssEdits} edits`, value: round(rss), unit: 'MB', ...target });
        }
        await lsp.stop();
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  }
  for (const label of ['typical', '5,000-line']) {
    const ours = p95.codedeploy?.[label];
    const theirs = p95['yaml-language-server']?.[label];
    if (ours !== undefined && theirs !== undefined && theirs > 0) {
      const more = (problems.codedeploy?.[label] ?? 0) - (problems['yaml-language-server']?.[label] ?? 0);
      rows.push({ name: `${label} AppSpec: p95 time-to-diagnostics, codedeploy / yaml-language-server`, value: round(ours / theirs), unit: '×', target: '≤ 0.25', ok: ours / theirs <= 0.25 });
      rows.push({ name: `${label} AppSpec: problems reported, codedeploy − yaml-language-server`, value: more, unit: 'diagnostics', target: '> 0', ok: more > 0 });
    }
  }
  return rows;
}

/** The group bench/run.ts lists: the language server against yaml-language-server. */
export const languageServerBench: BenchModule = { name: 'lsp', run: () => benchLanguageServers() };

/** `node out/bench/lsp/lsp-bench.js [SCHEMA]`: runs the benchmark alone and prints the table. */
if (require.main === module) {
  benchLanguageServers({ schemaPath: process.argv[2] }).then(
    (rows) => {
      for (const row of rows) process.stdout.write(`${row.name.padEnd(86)} ${String(row.value).padStart(9)} ${row.unit}${row.target ? `  (target ${row.target}: ${row.ok ? 'met' : 'MISSED'})` : ''}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
