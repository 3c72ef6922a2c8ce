import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { COMPLETION_PROBE, FIXTURE_APPSPEC } from '../expected';
import { goToLine, openFile } from '../harness/workbench';

/** Labels of the suggest widget's rendered rows (aria-label is "Label, Kind"). */
export async function readSuggestions(page: Page): Promise<string[]> {
  return page
    .locator('.suggest-widget.visible .monaco-list-row')
    .evaluateAll((rows) => rows.map((row) => (row.getAttribute('aria-label') ?? '').split(',')[0]?.trim() ?? ''));
}

/**
 * Check (b): typing a hook-name prefix on a new line inside `hooks:` and pressing Ctrl+Space shows the
 * hook names in the suggest widget. Word-based suggestions are off in the run's settings and the prefix
 * matches no word of the file, so the rows can only come from the language server.
 */
export async function checkHookCompletion(page: Page, screenshot: string, timeoutMs = 30_000): Promise<void> {
  await openFile(page, FIXTURE_APPSPEC);
  await goToLine(page, COMPLETION_PROBE.insertAboveLine);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type(`${COMPLETION_PROBE.indent}${COMPLETION_PROBE.prefix}`);
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.suggest-widget.visible');
  try {
    for (const name of COMPLETION_PROBE.expected) {
      await widget.locator('.monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    }
  } catch {
    await page.screenshot({ path: screenshot });
    const shown = (await widget.isVisible()) ? (await widget.innerText()).replace(/\s+/g, ' ') : '(no suggest widget)';
    throw new Error(`Ctrl+Space after "${COMPLETION_PROBE.prefix}" inside hooks: did not offer ${COMPLETION_PROBE.expected.join(', ')} within ${timeoutMs / 1000} s; shown: ${shown}`);
  }
  await page.screenshot({ path: screenshot });
  const labels = await readSuggestions(page);
  for (const name of COMPLETION_PROBE.expected) assert.ok(labels.includes(name), `suggestions lack ${name}: ${labels.join(', ')}`);
  await page.keyboard.press('Escape');
}
