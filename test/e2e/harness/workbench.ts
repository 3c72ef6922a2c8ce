import type { Page } from 'playwright-core';

/**
 * Workbench gestures a user makes, expressed with the keyboard and the visible DOM. Every helper waits
 * for what the user would wait for (a view, a tab, a widget) rather than for a fixed time.
 */

/** Opens the workbench at `url` and waits until the Explorer shows the workspace's files. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 90_000): Promise<void> {
  await page.goto(url, { timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor to have focus. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label^="${fileName}"]`).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible' });
}

/** Runs a command by its title from the Command Palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor to the start of a 1-based line with Go to Line (Ctrl+G). */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:1`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col 1` }).first().waitFor({ state: 'visible' });
}
