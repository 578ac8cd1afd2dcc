import { describe, expect, it } from 'vitest';
import { memoryDriver, openStore, rollup, type RollupInput } from '@rectify/core';
import { buildWorld } from '@rectify/testing';
import { supervisionHtml } from '../src/index.js';

const XSS = '<img src=x onerror=alert(1)>"\'&';

async function inputs(hostile = ''): Promise<RollupInput[]> {
  const store = await openStore(memoryDriver());
  await buildWorld(store, 6);
  const out: RollupInput[] = [];
  for (const organisation of await store.organisations()) {
    out.push({
      organisation: { ...organisation, name: `${hostile}${organisation.name}` },
      inspections: (await store.inspections(organisation.id)).map((i) => ({ ...i, title: `${hostile}${i.title}` })),
      findings: await store.findingsAsOf({ organisationId: organisation.id }, '2023-11-20'),
    });
  }
  await store.close();
  return out;
}

describe('supervisionHtml', () => {
  it('ranks the organisations with their rounds and links each round where href says, the same bytes each time', async () => {
    const r = rollup(await inputs(), '2023-11-20');
    const html = supervisionHtml(r, { locale: 'zh-CN', href: (o, i) => (o === 'org-a' ? `${o}/${i}.html` : undefined) });
    expect(html).toContain('<title>各单位整改情况</title>');
    expect([...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1])).toEqual(['org-a/ins-a.html']);
    const order = [...html.matchAll(/<tr class="organisation"><td class="num">(\d+)<\/td><th scope="row">([^<]+)<\/th>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual(r.organisations.map((o, i) => `${i + 1} ${o.name}`));
    expect(html).toContain(`<td class="num">${r.all.total}</td>`);
    expect(supervisionHtml(r, { locale: 'zh-CN', href: (o, i) => (o === 'org-a' ? `${o}/${i}.html` : undefined) })).toBe(html);
    expect(supervisionHtml(r, { locale: 'en' })).toContain('<title>Rectification by organisation</title>');
  });

  it('prints names as text, never markup, and runs no script', async () => {
    const html = supervisionHtml(rollup(await inputs(XSS), '2023-11-20'), { locale: 'zh-CN', href: () => `x"><script>alert(1)</script>` });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain("default-src 'none'");
  });
});
