import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

/** The recipe's flags: no sandbox (root in a container), no GPU, no background traffic to Google. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches the Debian Chromium headless, failing with the reason when it cannot start. `configDir`
 * receives what Chromium writes outside its profile (crash reports), which would land in ~/.config.
 */
export async function launchBrowser(configDir: string): Promise<Browser> {
  try {
    const env = { ...process.env, XDG_CONFIG_HOME: configDir };
    return await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, env, timeout: 60_000 });
  } catch (error) {
    throw new Error(`headless Chromium (${CHROMIUM_PATH}) could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A new page the size of a laptop screen, so screenshots show the workbench as a user sees it. */
export async function newWorkbenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}
