import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EXPECTED_DIAGNOSTICS, FIXTURE_APPSPEC, diagnosticKeys, type ExpectedDiagnostic } from '../expected';
import { openFile } from '../harness/workbench';

/** One rendered row of the Problems panel, read from the DOM as a user reads it. */
export interface ProblemRow {
  file: string;
  /** The folder VS Code shows beside the file name ('' at the workspace root): tells same-named files apart. */
  folder: string;
  severity: ExpectedDiagnostic['severity'] | 'unknown';
  message: string;
  code: string;
  line: number;
}

/** Opens the Problems panel (Ctrl+Shift+M toggles it, so only when it is not already showing). */
export async function showProblemsPanel(page: Page): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible' });
}

/** Reads every rendered row: file rows set the file, marker rows carry severity, message, code and `[Ln N, Col M]`. */
export async function readProblemRows(page: Page): Promise<ProblemRow[]> {
  const raw = await page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      file: row.querySelector('.resource-label-container .label-name')?.textContent ?? null,
      folder: row.querySelector('.resource-label-container .label-description')?.textContent ?? '',
      icon: row.querySelector('.marker-icon')?.className ?? '',
      message: row.querySelector('.marker-message')?.textContent ?? '',
      code: row.querySelector('.marker-code')?.textContent ?? '',
      position: row.querySelector('.marker-line')?.textContent ?? '',
    })),
  );
  const problems: ProblemRow[] = [];
  let file = '';
  let folder = '';
  for (const row of raw) {
    if (row.file !== null) {
      file = row.file;
      folder = row.folder.trim();
      continue;
    }
    const line = /Ln (\d+)/.exec(row.position);
    problems.push({ file, folder, severity: severityOf(row.icon), message: row.message, code: row.code, line: line ? Number(line[1]) : 0 });
  }
  return problems;
}

function severityOf(iconClass: string): ProblemRow['severity'] {
  if (/\berror\b/.test(iconClass)) return 'error';
  if (/\bwarning\b/.test(iconClass)) return 'warning';
  if (/\binfo\b/.test(iconClass)) return 'information';
  return 'unknown';
}

/**
 * Check (a): with the broken AppSpec open, the Problems panel lists exactly the expected diagnostics,
 * each with its code at its line and severity. Waits for the rows to render (the server's first publish).
 */
export async function checkProblemsPanel(page: Page, screenshot: string, timeoutMs = 60_000): Promise<void> {
  await openFile(page, FIXTURE_APPSPEC);
  await showProblemsPanel(page);
  const expected = diagnosticKeys(EXPECTED_DIAGNOSTICS);
  const shownKeys = (rows: ProblemRow[]): string[] => diagnosticKeys(rows.map((row) => ({ ...row, severity: row.severity as ExpectedDiagnostic['severity'] })));
  // The first row appears with the server's first publish; then wait for exactly the expected rows
  // (a publish for an older state may come first) and on timeout assert what is shown, for the diff.
  const firstRow = page.locator('.markers-panel .marker-code').first();
  await firstRow.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async () => {
    await page.screenshot({ path: screenshot });
    throw new Error(`the Problems panel showed no problem for ${FIXTURE_APPSPEC} within ${timeoutMs / 1000} s`);
  });
  const rows = await pollRows(page, (current) => shownKeys(current).join() === expected.join(), timeoutMs);
  await page.screenshot({ path: screenshot });
  assert.deepEqual(rows.map((row) => row.file).filter((file) => file !== FIXTURE_APPSPEC), [], 'problems listed for files other than the AppSpec');
  assert.deepEqual(shownKeys(rows), expected);
  for (const row of rows) assert.ok(row.message.trim().length > 10, `the ${row.code} row has no useful message: "${row.message}"`);
}

/** Re-reads the rendered rows until `done` holds for them or `timeoutMs` passes; returns the last rows read. */
async function pollRows(page: Page, done: (rows: ProblemRow[]) => boolean, timeoutMs: number): Promise<ProblemRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readProblemRows(page);
    if (done(rows) || Date.now() > deadline) return rows;
    await page.waitForTimeout(250); // re-render interval, not a wait for the result
  }
}
