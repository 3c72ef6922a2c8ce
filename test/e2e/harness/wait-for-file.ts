import * as fs from 'node:fs';

/**
 * Resolves with `file`'s text once it exists, or rejects after `timeoutMs`. It polls the condition at a
 * short interval (the file is written by another process), and stops early when `abort` says why.
 */
export async function waitForFile(file: string, timeoutMs: number, abort: () => string | undefined = () => undefined): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    const reason = abort();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`no results within ${timeoutMs / 1000} s (expected ${file})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
