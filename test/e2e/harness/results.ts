import * as fs from 'node:fs';
import * as path from 'node:path';

/** One counted check: a browser check, a set-up step that failed, or a test from the extension-host suite. */
export interface CheckOutcome {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  error?: string;
  ms?: number;
}

/** Collects outcomes, prints each as it lands, and writes the {passed, failed, skipped} counts file. */
export class Results {
  private readonly outcomes: CheckOutcome[] = [];

  /** Records an outcome and prints it at once, so a long run shows progress. */
  add(outcome: CheckOutcome): void {
    this.outcomes.push(outcome);
    const mark = outcome.state === 'passed' ? 'ok  ' : outcome.state === 'failed' ? 'FAIL' : 'skip';
    const time = outcome.ms === undefined ? '' : ` (${(outcome.ms / 1000).toFixed(1)} s)`;
    console.log(`  ${mark} ${outcome.name}${time}`);
    if (outcome.error) console.log(indent(outcome.error));
  }

  /** Runs `check`, recording it as passed or failed with the error's message; never throws. */
  async check(name: string, check: () => Promise<void>): Promise<boolean> {
    const start = Date.now();
    try {
      await check();
      this.add({ name, state: 'passed', ms: Date.now() - start });
      return true;
    } catch (error) {
      this.add({ name, state: 'failed', error: errorText(error), ms: Date.now() - start });
      return false;
    }
  }

  /** The totals in the shape scripts/run-tests.mjs reads. */
  counts(): { passed: number; failed: number; skipped: number } {
    const count = (state: CheckOutcome['state']): number => this.outcomes.filter((o) => o.state === state).length;
    return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  }

  /** Writes the counts to `file` (MOCHA_COUNTS_FILE) and a detailed report beside the screenshots. */
  write(countsFile: string | undefined, reportFile: string): void {
    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    fs.writeFileSync(reportFile, JSON.stringify({ counts: this.counts(), outcomes: this.outcomes }, null, 2));
    if (!countsFile) return;
    fs.mkdirSync(path.dirname(countsFile), { recursive: true });
    fs.writeFileSync(countsFile, JSON.stringify(this.counts()));
  }
}

/** An error's message (with playwright's call log, which says what it was waiting for). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function indent(text: string): string {
  return text.split('\n').map((line) => `       ${line}`).join('\n');
}
