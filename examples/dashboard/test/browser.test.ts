import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDriver, openStore, type Store } from '@rectify/core';
import { buildSeedStore, SEED_SCOPE } from '@rectify/example-xiangqiao/src/history.js';
import { dashboardServer } from '../src/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROMIUM}`);

describe.skipIf(!available)('the dashboard example in headless Chromium', () => {
  let browser: Browser;
  let store: Store;
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    store = await openStore(memoryDriver());
    await buildSeedStore(store);
    const server = dashboardServer(store, SEED_SCOPE);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    close?.();
    await store?.close();
  });

  it('lists the 22 findings, filters them by status and words, and opens a finding\'s history', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(base);
    expect(await page.locator('#findings tbody tr').count()).toBe(22);

    await page.selectOption('select[name=status]', 'signed_off');
    await page.click('button[type=submit]');
    await page.waitForURL(/status=signed_off/);
    expect(await page.locator('#findings tbody tr').count()).toBe(5);
    expect(await page.locator('#count').innerText()).toContain('共 5 个问题');

    await page.selectOption('select[name=status]', '');
    await page.fill('input[name=q]', '财务');
    await page.click('button[type=submit]');
    const titles = await page.locator('#findings tbody tr td:first-child').allInnerTexts();
    // Words match a title or a measure: the finding named for it is among the few found.
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(22);
    expect(titles).toContain('财务档案资料管理不规范');

    await page.locator('#findings a').first().click();
    await page.waitForURL(/\/findings\//);
    const history = await page.locator('#history tbody tr').count();
    expect(history).toBeGreaterThan(5);
    expect(await page.locator('#history').innerText()).toContain('登记问题');
    expect(errors).toEqual([]);
    await page.close();
  });
});
