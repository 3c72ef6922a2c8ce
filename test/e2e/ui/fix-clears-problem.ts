import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EXPECTED_DIAGNOSTICS, FIXTURE_APPSPEC, OS_FIX, diagnosticKeys, type ExpectedDiagnostic } from '../expected';
import { goToLine, openFile } from '../harness/workbench';
import { readProblemRows, showProblemsPanel } from './problems-panel';

/**
 * Check: typing the fix for `os: Linux` (the word replaced by `linux`) makes its row leave the Problems
 * panel while the other problems stay: validation follows the edit, without a save.
 */
export async function checkFixClearsProblem(page: Page, screenshot: string, timeoutMs = 30_000): Promise<void> {
  await openFile(page, FIXTURE_APPSPEC);
  await showProblemsPanel(page);
  await goToLine(page, OS_FIX.line);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft'); // selects the last word, `Linux`
  await page.keyboard.type(OS_FIX.replacement);
  const fixedRow = page.locator('.markers-panel .marker-code', { hasText: new RegExp(`^${OS_FIX.code}$`) });
  try {
    await fixedRow.first().waitFor({ state: 'detached', timeout: timeoutMs });
  } catch {
    await page.screenshot({ path: screenshot });
    throw new Error(`the ${OS_FIX.code} row was still in the Problems panel ${timeoutMs / 1000} s after typing the fix; rows: ${JSON.stringify(await readProblemRows(page))}`);
  }
  await page.keyboard.press('Escape'); // closes a suggest widget the typing may have opened
  await page.screenshot({ path: screenshot });
  const rows = await readProblemRows(page);
  const remaining = EXPECTED_DIAGNOSTICS.filter((d) => d.code !== OS_FIX.code);
  assert.deepEqual(diagnosticKeys(rows.map((row) => ({ ...row, severity: row.severity as ExpectedDiagnostic['severity'] }))), diagnosticKeys(remaining));
}
