import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, rollup } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld } from '@rectify/testing';
import { run } from '../src/index.js';
import { io, say } from './in-process.js';

const NOW = '2023-11-20T10:00:00+08:00';

describe('rectify status --all', () => {
  it('ranks every organisation of the store, as the core rollup does, in either language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-status-all-'));
    const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    await buildWorld(store, 10);
    const inputs = [];
    for (const organisation of await store.organisations()) {
      inputs.push({ organisation, inspections: await store.inspections(organisation.id), findings: await store.findingsAsOf({ organisationId: organisation.id }, '2023-11-20') });
    }
    await store.close();
    const expected = rollup(inputs, '2023-11-20');

    const json = await say(dir, ['status', '--all', '--as-of', '2023-11-20', '--json'], NOW);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(expected);

    const zh = await say(dir, ['status', '--all', '--as-of', '2023-11-20'], NOW);
    expect(zh.code).toBe(0);
    const lines = zh.out.split('\n');
    expect(lines[0]).toBe('各单位整改情况 · 截至 2023年11月20日');
    expect(lines[1]).toMatch(new RegExp(`^1\\. 组织${expected.organisations[0]!.organisationId} \\(${expected.organisations[0]!.organisationId}\\) · 问题 10 · 整改率 \\d+\\.\\d% · 销号率 \\d+\\.\\d% · 逾期 ${expected.organisations[0]!.overdue} · `));
    expect(lines[2]).toMatch(/^2\. /);
    expect(lines.at(-1)).toMatch(new RegExp(`^合计 · 问题 20 · .* · 逾期 ${expected.all.overdue} · `));
    const en = await say(dir, ['status', '--all', '--as-of', '2023-11-20', '--lang', 'en'], NOW);
    expect(en.out.split('\n')[0]).toBe('Rectification by organisation · as of 20 November 2023');
  });

  it('needs a day, and takes no single organisation, inspection or unit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-status-all-'));
    expect((await say(dir, ['init'], NOW)).code).toBe(0);
    const noDay = await say(dir, ['status', '--all'], NOW);
    expect(noDay.code).toBe(2);
    expect(noDay.err).toContain('--all needs --as-of DATE');
    const withOrg = await say(dir, ['status', '--all', '--as-of', '2023-11-20', '--org', 'org-a'], NOW);
    expect(withOrg.code).toBe(2);
    expect(withOrg.err).toContain('--all is every organisation');
  });

  it('writes a supervising office\'s pages with --format html --all: a ranked index, each round linked to the dashboard report writes for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-report-all-'));
    const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    await buildWorld(store, 8);
    await store.close();
    const all = await say(dir, ['report', '--format', 'html', '--all', '--as-of', '2023-11-20', '-o', 'office'], NOW);
    expect(all.code, all.err).toBe(0);
    expect(all.out.split('\n')).toEqual(['office/index.html', 'office/org-a/ins-a.html', 'office/org-b/ins-b.html']);
    const index = readFileSync(join(dir, 'office', 'index.html'), 'utf8');
    expect(index).toContain('<title>各单位整改情况</title>');
    const links = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) expect(existsSync(join(dir, 'office', link))).toBe(true);
    // Each round's page is the dashboard rectify report writes for that organisation.
    const one = await say(dir, ['report', '--format', 'html', '--org', 'org-a', '--as-of', '2023-11-20', '-o', 'a.html'], NOW);
    expect(one.code, one.err).toBe(0);
    expect(readFileSync(join(dir, 'office', 'org-a', 'ins-a.html'), 'utf8')).toBe(readFileSync(join(dir, 'a.html'), 'utf8'));
    // Written again, nothing is replaced without --force.
    const again = await say(dir, ['report', '--format', 'html', '--all', '--as-of', '2023-11-20', '-o', 'office'], NOW);
    expect(again.code).toBe(2);
    expect(again.err).toContain('exists: add --force');
    // The dashboard by its name writes the same pages.
    const named = await say(dir, ['report', '--format', 'dashboard', '--all', '--as-of', '2023-11-20', '-o', 'named'], NOW);
    expect(named.code, named.err).toBe(0);
    expect(readFileSync(join(dir, 'named', 'index.html'), 'utf8')).toBe(index);
    expect((await say(dir, ['report', '--format', 'xlsx', '--all', '--as-of', '2023-11-20'], NOW)).err).toContain('--format html, not xlsx');
  });

  it('serves a supervising office\'s pages with serve --all: the ranking at /, each round\'s dashboard at the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-serve-all-'));
    const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
    await buildWorld(store, 8);
    await store.close();
    const out = io(dir, NOW);
    const server = (await run(['serve', '--all', '--port', '0'], out, {})) as { stop(): Promise<void> };
    try {
      const base = /(http:\/\/[^/]+)\//.exec(out.lines[0]!)![1]!;
      const index = await fetch(`${base}/?as-of=2023-11-20`);
      expect(index.status).toBe(200);
      const html = await index.text();
      expect(html).toContain('<title>各单位整改情况</title>');
      const links = [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      expect(links).toEqual(['/org-a/ins-a?as-of=2023-11-20', '/org-b/ins-b?as-of=2023-11-20']);
      // Each link is the dashboard report writes for that round, as of the same day.
      const page = await (await fetch(`${base}${links[0]}`)).text();
      const one = await say(dir, ['report', '--format', 'html', '--org', 'org-a', '--as-of', '2023-11-20', '-o', 'a.html'], NOW);
      expect(one.code, one.err).toBe(0);
      expect(page).toBe(readFileSync(join(dir, 'a.html'), 'utf8'));
      for (const missing of ['/org-a/ins-b', '/org-z/ins-a', '/org-a', '/reminders.ics', '/%E0/x']) expect((await fetch(`${base}${missing}`)).status, missing).toBe(404);
    } finally {
      await server.stop();
    }
    expect((await say(dir, ['serve', '--all', '--org', 'org-a', '--port', '0'], NOW)).err).toContain('--all is every organisation');
  });
});
