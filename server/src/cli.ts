import { runCli } from './cli/run-cli';

// A reader that stops early (`appspec-lint . | head`) closes the pipe: that ends the output, not in a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

/** appspec-lint: checks AppSpec files and revision folders (see docs/rules.md and `--help`). */
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    // exitCode, not exit(): a large report piped to another program must be written out in full.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`appspec-lint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
