import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldReportModel } from '@rectify/testing';
import { dashboardHtml } from '../src/index.js';

// A real browser: Debian's Chromium. CI installs it (.ci/run) and must not skip this.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROMIUM}: the browser tests must run in CI`);

const OUT = join(import.meta.dirname, '..', '..', '..', '.tmp', 'report-html');
/** Payloads that would run if any name reached the markup unescaped; each sets a flag. */
const XSS = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><svg onload="window.__pwned=3">"'><iframe src="javascript:window.__pwned=4">`;

describe.skipIf(!available)('HTML dashboard in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => browser?.close());

  async function open(html: string, name: string) {
    const file = join(OUT, name);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  it('opens with no console error, no request beyond the file, four drawn charts, and a screenshot', async () => {
    const { page, problems, requests } = await open(dashboardHtml(await worldReportModel(), { locale: 'zh-CN' }), 'dashboard.html');
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    const charts = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().width * s.getBoundingClientRect().height));
    expect(charts).toHaveLength(4);
    for (const area of charts) expect(area).toBeGreaterThan(10_000);
    expect(await page.locator('details').count()).toBe(24);
    const png = await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: false });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    await page.close();
  });

  it('shows a script injected through every name as text and never runs it', async () => {
    const model = await worldReportModel({ hostile: XSS });
    const f = model.categories[0]!.findings[0]!;
    f.title = `${XSS}${f.title}`;
    f.measures[0]!.text = XSS;
    const { page, problems } = await open(dashboardHtml(model, { locale: 'zh-CN' }), 'dashboard-xss.html');
    await page.locator('details').first().evaluate((d) => d.setAttribute('open', ''));
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, iframe, img, body svg[onload]').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toContain(XSS);
    expect(await page.locator('summary').first().innerText()).toContain(XSS);
    expect(await page.locator('details li').first().innerText()).toContain(XSS);
    expect(problems).toEqual([]);
    await page.close();
  });
});
