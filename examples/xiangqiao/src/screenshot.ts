import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Debian puts Chromium; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Opens an HTML file in headless Chromium and saves a PNG of its first screen.
 * Answers false, doing nothing, when there is no Chromium on this machine.
 */
export async function screenshot(htmlFile: string, pngFile: string): Promise<boolean> {
  if (!existsSync(CHROMIUM)) return false;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
    await page.screenshot({ path: pngFile });
    return true;
  } finally {
    await browser.close();
  }
}
