import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { FIXTURE_APPSPEC, FIXTURE_WORKSPACE, NEW_APPSPEC } from '../expected';
import { REPO_ROOT } from '../harness/paths';
import { goToLine, openFile } from '../harness/workbench';
import { readProblemRows, showProblemsPanel } from './problems-panel';

/**
 * Checks of "CodeDeploy: New AppSpec File" driven as a user drives it (Command Palette, explorer context
 * menu, quick pick) and asserted on what a user sees (editor text, notification, Problems panel) plus the
 * file on disk. Every wait names what it waits for, so a timeout reads as the step that did not happen.
 */

/** Waits for `locator` to reach `state`; on timeout throws `what` (the user-visible step that failed). */
async function waitFor(locator: Locator, what: string, timeoutMs: number, state: 'visible' | 'hidden' | 'detached' = 'visible'): Promise<void> {
  try {
    await locator.first().waitFor({ state, timeout: timeoutMs });
  } catch {
    throw new Error(`${what} (waited ${timeoutMs / 1000} s)`);
  }
}

/** Runs `check`; on failure saves a screenshot of the workbench before rethrowing, so the reason can be seen. */
async function withScreenshot(page: Page, screenshot: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    throw error;
  }
  await page.screenshot({ path: screenshot });
}

/** Picks the platform in the command's quick pick (a click accepts a single-select pick). */
async function pickPlatform(page: Page, timeoutMs: number): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: NEW_APPSPEC.platformLabel });
  await waitFor(row, `the platform quick pick did not offer "${NEW_APPSPEC.platformLabel}"`, timeoutMs);
  await row.first().click();
  await waitFor(page.locator('.quick-input-widget'), 'the quick pick did not close after picking the platform', timeoutMs, 'hidden');
}

/** The active editor's rendered lines holding `text` (the files here fit on screen, so all lines render). */
function activeEditorShowing(page: Page, text: string): Locator {
  return page.locator('.editor-group-container.active .editor-instance .view-lines', { hasText: text });
}

/**
 * Check: from the Command Palette with the root folder targeted (it already has an AppSpec), the command
 * writes nothing, makes the existing AppSpec the active editor and says so in a notification.
 */
export async function checkNewAppSpecExisting(page: Page, workspace: string, screenshot: string, timeoutMs = 30_000): Promise<void> {
  await withScreenshot(page, screenshot, async () => {
    const fixtureText = fs.readFileSync(path.join(REPO_ROOT, FIXTURE_WORKSPACE, FIXTURE_APPSPEC), 'utf8');
    await openFile(page, NEW_APPSPEC.otherFile);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await waitFor(input, 'the Command Palette did not open on F1', timeoutMs);
    await input.fill(`>${NEW_APPSPEC.paletteTitle}`);
    await waitFor(page.locator('.quick-input-list .monaco-list-row', { hasText: NEW_APPSPEC.paletteTitle }), `the Command Palette does not list "${NEW_APPSPEC.paletteTitle}"`, timeoutMs);
    await page.keyboard.press('Enter');
    await pickPlatform(page, timeoutMs);
    const toast = page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: NEW_APPSPEC.existingMessage });
    await waitFor(toast, `no notification "${NEW_APPSPEC.existingMessage}"`, timeoutMs);
    await waitFor(page.locator(`.tab.active[aria-label^="${FIXTURE_APPSPEC}"]`), `the existing ${FIXTURE_APPSPEC} did not become the active editor`, timeoutMs);
    await waitFor(activeEditorShowing(page, NEW_APPSPEC.fixtureMarker), `the active editor is not the fixture's AppSpec (no "${NEW_APPSPEC.fixtureMarker}")`, timeoutMs);
    assert.equal(fs.readFileSync(path.join(workspace, FIXTURE_APPSPEC), 'utf8'), fixtureText, 'the existing AppSpec was changed on disk');
    assert.deepEqual(fs.readdirSync(path.join(workspace, NEW_APPSPEC.emptyFolder)), [], `the command wrote into ${NEW_APPSPEC.emptyFolder}, which was not the target`);
  });
  await page.keyboard.press('Escape'); // lets the notification toast go, so it hides nothing in later screenshots
}

/**
 * Check: the explorer's context menu on an empty folder writes `appspec.yml` with the platform's template
 * there and opens it, and the template validates clean. "No problem" is only meaningful once the server
 * has validated the file, so the check first types a known error (its row must appear), then undoes it
 * (its row must go) and only then asserts the file has no row in the Problems panel.
 */
export async function checkNewAppSpecInFolder(page: Page, workspace: string, screenshot: string, timeoutMs = 30_000): Promise<void> {
  const target = path.join(workspace, NEW_APPSPEC.emptyFolder, FIXTURE_APPSPEC);
  await withScreenshot(page, screenshot, async () => {
    assert.equal(fs.existsSync(target), false, `${NEW_APPSPEC.emptyFolder}/${FIXTURE_APPSPEC} exists before the command ran`);
    const folderRow = page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${NEW_APPSPEC.emptyFolder}$`) }) });
    await waitFor(folderRow, `the Explorer does not show the folder ${NEW_APPSPEC.emptyFolder}`, timeoutMs);
    await folderRow.first().click({ button: 'right' });
    const menuItem = page.locator('.context-view .monaco-menu .action-item', { hasText: new RegExp(`^\\s*${NEW_APPSPEC.menuLabel}\\s*$`) });
    await waitFor(menuItem, `the folder's context menu has no "${NEW_APPSPEC.menuLabel}"`, timeoutMs);
    // The menu ignores a click's mouseup right after it opened (so the right-click cannot pick an item):
    // pointing at the item focuses it, and Enter runs the focused item as a keyboard user does.
    await menuItem.first().hover();
    await waitFor(page.locator('.context-view .monaco-menu .action-item.focused', { hasText: NEW_APPSPEC.menuLabel }), `pointing at "${NEW_APPSPEC.menuLabel}" did not focus it`, timeoutMs);
    await page.keyboard.press('Enter');
    await pickPlatform(page, timeoutMs);
    // The breadcrumbs show the active file's workspace path: it must be the new file, not the root's AppSpec.
    const crumbs = page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    await waitFor(crumbs.filter({ hasText: new RegExp(`^${NEW_APPSPEC.emptyFolder}$`) }), `the active editor is not ${NEW_APPSPEC.emptyFolder}/${FIXTURE_APPSPEC} (breadcrumbs)`, timeoutMs);
    await waitFor(activeEditorShowing(page, NEW_APPSPEC.templateMarker), `no editor opened with the ${NEW_APPSPEC.platformLabel} template (${NEW_APPSPEC.templateMarker})`, timeoutMs);
    const onDisk = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '(missing)';
    assert.ok(onDisk.includes(NEW_APPSPEC.templateMarker), `${NEW_APPSPEC.emptyFolder}/${FIXTURE_APPSPEC} on disk lacks ${NEW_APPSPEC.templateMarker}:\n${onDisk}`);
    await expectCleanAfterProbe(page, timeoutMs);
    assert.equal(fs.readFileSync(target, 'utf8'), onDisk, 'the new AppSpec changed on disk (the probe edit must stay unsaved)');
  });
}

/** Types the probe error into the focused new AppSpec, waits for its row, undoes it and expects no row for the file. */
async function expectCleanAfterProbe(page: Page, timeoutMs: number): Promise<void> {
  const { line, typed, code } = NEW_APPSPEC.probeEdit;
  await waitFor(page.locator('.editor-group-container.active .monaco-editor.focused'), 'the new AppSpec\'s editor did not take the focus', timeoutMs);
  await showProblemsPanel(page);
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click(); // the focus back in the editor after the panel opened
  await goToLine(page, line);
  await page.keyboard.press('End');
  await page.keyboard.type(typed);
  const probeRow = page.locator('.markers-panel .marker-code', { hasText: new RegExp(`^${code}$`) });
  await waitFor(probeRow, `typing "${typed}" after \`version: 0.0\` in the new AppSpec brought no ${code} row: the server did not validate the file`, timeoutMs);
  const probed = (await readProblemRows(page)).filter((row) => row.code === code);
  assert.deepEqual(probed.map((row) => row.folder), [NEW_APPSPEC.emptyFolder], `the ${code} row is not listed under ${NEW_APPSPEC.emptyFolder}`);
  // The tab's problem badge (a decoration class) follows the markers a little later; seeing it come here
  // makes its absence at the end mean "no problem", not "not rendered yet".
  const tabBadge = page.locator('.tab.active .monaco-icon-label[class*="-itemBadge-"]');
  await waitFor(tabBadge, `the new AppSpec's tab shows no problem badge for the ${code} error`, timeoutMs);
  await page.keyboard.press('Escape'); // a suggest widget the typing may have opened would take the undo
  await page.keyboard.press('Control+Z');
  await waitFor(page.locator('.tab.active.dirty'), 'undo did not bring the new AppSpec back to its saved text', timeoutMs, 'detached');
  await waitFor(probeRow, `the ${code} row stayed after undoing the probe edit`, timeoutMs, 'detached');
  await waitFor(tabBadge, 'the new AppSpec\'s tab still shows a problem badge after undoing the probe edit', timeoutMs, 'detached');
  const rows = (await readProblemRows(page)).filter((row) => row.folder === NEW_APPSPEC.emptyFolder);
  assert.deepEqual(rows, [], `the ${NEW_APPSPEC.platformLabel} template has problems`);
}
