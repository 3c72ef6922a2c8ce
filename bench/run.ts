import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchModule, BenchRow } from './bench-row';
import { incrementalParseBench } from './engine/incremental-parse';
import { engineValidation } from './engine/validation';
import { agentOverheadBench } from './local/agent-overhead';
import { localEndpointDeploy } from './local/endpoint-deploy';
import { languageServerBench } from './lsp/lsp-bench';

/**
 * The benchmark registry: every module under bench/<area>/ that exports a BenchModule is listed
 * here, in the order its rows are printed. A new module is imported and appended; nothing else changes.
 */
const MODULES: readonly BenchModule[] = [engineValidation, incrementalParseBench, languageServerBench, agentOverheadBench, localEndpointDeploy];

/** Where the figures go as JSON (git-ignored), relative to the repository root. */
const RESULTS_DIR = 'bench-results';

interface GroupResult {
  module: string;
  rows: BenchRow[];
  error?: string;
}

function format(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function printTable(results: readonly GroupResult[]): void {
  const lines: string[][] = [['group', 'benchmark', 'value', 'unit', 'target', 'ok']];
  for (const { module, rows, error } of results) {
    if (error) lines.push([module, `FAILED: ${error}`, '', '', '', 'no']);
    for (const row of rows) lines.push([module, row.note ? `${row.name} (${row.note})` : row.name, format(row.value), row.unit, row.target ?? '', row.ok === undefined ? '' : row.ok ? 'yes' : 'NO']);
  }
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const render = (line: string[]) => line.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ').trimEnd();
  console.log(render(lines[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines.slice(1)) console.log(render(line));
}

/**
 * Runs the registered modules (all, or the groups named on the command line: `npm run bench -- lsp`),
 * prints one table and writes bench-results/bench.json. `--strict` exits 1 on a missed target.
 */
async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = named.filter((name) => !MODULES.some((module) => module.name === name));
  if (unknown.length > 0) throw new Error(`No benchmark group ${unknown.join(', ')}; the groups are ${MODULES.map((module) => module.name).join(', ')}.`);
  const results: GroupResult[] = [];
  for (const module of MODULES.filter((candidate) => named.length === 0 || named.includes(candidate.name))) {
    try {
      results.push({ module: module.name, rows: await module.run() });
    } catch (error) {
      results.push({ module: module.name, rows: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  // Context for reading the figures: absolute times depend on the machine and its load; ratios are within this run.
  const machine = { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: os.cpus().length, loadAverage: Number(os.loadavg()[0].toFixed(2)) };
  console.log(`node ${machine.node}, ${machine.platform}, ${machine.cpus} CPUs, load average ${machine.loadAverage}\n`);
  printTable(results);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'bench.json');
  const report = { date: new Date().toISOString(), ...machine, results };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nfigures written to ${file}`);
  const missed = results.some((group) => group.error !== undefined || group.rows.some((row) => row.ok === false));
  if (missed) console.log('at least one target was missed or a benchmark failed');
  if (missed && process.argv.includes('--strict')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
