import { palette, useColor } from './colors';
import { cliVersion } from './cli-version';
import { parseCliOptions, UsageError, type CliOptions } from './cli-options';
import { displayPath } from './display-path';
import { findAppSpec, TargetError } from './find-appspec';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { HELP_TEXT } from './help-text';
import { lintFile } from './lint-file';
import { countSeverities, type LintResult } from './lint-result';

/** Where the CLI writes and what it knows of its surroundings; the real process in cli.ts. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean | undefined;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The contract's exit codes: clean, at least one error, usage or I/O problem. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_TROUBLE = 2;

/** Runs appspec-lint for one command line and returns the exit code (0 clean, 1 errors, 2 usage or I/O). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`appspec-lint: ${error.message}\nRun appspec-lint --help for usage.\n`);
    return EXIT_TROUBLE;
  }
  if (options.help) {
    io.stdout(HELP_TEXT);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${cliVersion()}\n`);
    return EXIT_OK;
  }

  const results: LintResult[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const argument of options.paths) {
    try {
      const target = await findAppSpec(argument, io.cwd);
      if (seen.has(target.file)) continue; // a folder and its AppSpec named together are checked once
      seen.add(target.file);
      const file = displayPath(target.file, io.cwd);
      results.push({ file, diagnostics: await lintFile(target, file, options) });
    } catch (error) {
      // Hostile input (unreadable files, odd file types, engine bugs) costs that path, never the run.
      problems.push(error instanceof TargetError ? error.message : `${argument}: could not be checked (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  io.stdout(render(options, results, problems, io));
  for (const problem of problems) io.stderr(`appspec-lint: ${problem}\n`);
  if (problems.length > 0) return EXIT_TROUBLE;
  const counts = countSeverities(results);
  if (counts.error > 0) return EXIT_ERRORS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr(`appspec-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}

function render(options: CliOptions, results: LintResult[], problems: string[], io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif({ results, problems, version: cliVersion() });
    case 'text':
      return formatText(results, palette(useColor(io.stdoutIsTTY, io.env)));
  }
}

