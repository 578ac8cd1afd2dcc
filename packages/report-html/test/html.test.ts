import { describe, expect, it } from 'vitest';
import { reportModelOf, testReportRenderer, worldReportModel } from '@rectify/testing';
import { dashboardHtml, escapeHtml, htmlDashboardRenderer, LIGHT_COLOURS, renderSvg, statusByCategoryOption } from '../src/index.js';

/** The page's visible text, roughly as a browser decodes it (tags dropped, entities decoded). */
function visibleText(html: string): string {
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

testReportRenderer({
  renderer: htmlDashboardRenderer,
  mediaType: 'text/html; charset=utf-8',
  extension: '.html',
  signature: new TextEncoder().encode('<!doctype html>'),
  // Inert: the markup holds the text escaped, so it reads back exactly and no tag of it survives.
  inert: (html, hostile) => html.includes(escapeHtml(hostile)) && visibleText(html).includes(hostile),
});

describe('HTML dashboard', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('draws four charts, the tables and every finding with its history', async () => {
    const model = await worldReportModel();
    const html = dashboardHtml(model, { locale: 'zh-CN' });
    expect(html.match(/<svg /g)).toHaveLength(4);
    const findings = model.categories.flatMap((c) => c.findings);
    expect(html.match(/<details /g)).toHaveLength(findings.length);
    // The overdue table lists exactly the analysis's overdue findings.
    expect(model.analysis.overdue.length).toBeGreaterThan(0);
    const overdueTable = html.slice(html.indexOf('逾期未完成问题'), html.indexOf('即将到期问题'));
    expect(overdueTable.match(/<tr>/g)!.length - 1).toBe(model.analysis.overdue.length);
    // A finding's history lists each of its events, named in Chinese.
    const signed = findings.find((f) => f.status === 'signed_off')!;
    const details = html.slice(html.indexOf(`id="f-${signed.id}"`));
    expect(details.slice(0, details.indexOf('</details>'))).toContain('销号');
    expect(signed.history.length).toBeGreaterThan(5);
    // Each finding with a light shows it as a pill in its summary, none without.
    for (const f of findings) {
      const summary = html.slice(html.indexOf(`id="f-${f.id}"`)).split('</summary>')[0]!;
      expect(summary.includes('class="badge light'), f.id).toBe(f.light !== undefined);
      if (f.light !== undefined) expect(summary).toContain(`light-${f.light}`);
    }
    expect(findings.some((f) => f.light === 'red')).toBe(true);
    // Under the figures, how many show each light.
    const count = (l: string) => findings.filter((f) => f.light === l).length;
    expect(html).toContain(`<p class="lights">预警：`);
    for (const [l, zh] of [['red', '红灯'], ['yellow', '黄灯'], ['green', '绿灯']] as const) expect(html).toContain(`light-${l}" style="background:${LIGHT_COLOURS[l]}">● ${zh} ${count(l)}</span>`);
  });

  it('names units and people from the directory, and shows totals that match the model', async () => {
    const model = await worldReportModel({ hostile: '名' });
    const text = visibleText(dashboardHtml(model, { locale: 'zh-CN' }));
    expect(text).toContain('名u-law');
    expect(text).toContain('名分管领导');
    expect(text).toMatch(new RegExp(`${model.totals.total}\\s+问题总数`));
    expect(text).toMatch(new RegExp(`${model.analysis.overdue.length}\\s+逾期`));
  });

  it('shows completions on time, within an extension and late, listing those not on time', async () => {
    const world = await worldReportModel();
    // The world completes everything on time; one late and one extended finding are added to what the analysis says.
    const late = { findingId: 'x1', title: '<b>迟</b>', outcome: 'late' as const, originalDeadline: '2023-09-30', deadline: '2023-09-30', completedOn: '2023-10-09' };
    const extended = { ...late, findingId: 'x2', title: '延期的', outcome: 'within_extension' as const, deadline: '2023-10-31', completedOn: '2023-10-20' };
    const o = { ...world.analysis.deadlineOutcomes, late: 1, withinExtension: 1, findings: [late, extended] };
    const model = { ...world, analysis: { ...world.analysis, deadlineOutcomes: o } };
    const text = visibleText(dashboardHtml(model, { locale: 'zh-CN' }));
    expect(text).toContain(`按期完成 ${o.onTime} · 延期后按期完成 ${o.withinExtension} · 逾期完成 ${o.late}`);
    const html = dashboardHtml(model, { locale: 'zh-CN' });
    const section = html.slice(html.indexOf('按期完成情况'));
    const rows = section.slice(0, section.indexOf('</table>')).match(/<tr>/g)!.length - 1;
    expect(rows).toBe(2);
    expect(section).toContain('&lt;b&gt;迟&lt;/b&gt;');
    expect(visibleText(section)).toMatch(/延期的\s+2023-09-30\s+2023-10-31\s+2023-10-20\s+延期后按期完成/);
  });

  it('says so instead of drawing a chart when there is no history or no period', () => {
    const html = dashboardHtml(reportModelOf(['问题']), { locale: 'en' });
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('No history was given');
    expect(html).toContain('No concentrated rectification period is set.');
  });

  it('keeps users\' text out of the charts\' markup and numbers charts by their place, not by a counter', async () => {
    const model = await worldReportModel({ hostile: '<b>zr7-' });
    const a = renderSvg(statusByCategoryOption(model, 'zh-CN'), { width: 400, height: 200 }, 'k');
    const b = renderSvg(statusByCategoryOption(model, 'zh-CN'), { width: 400, height: 200 }, 'k');
    expect(a).toBe(b);
    expect(a).not.toContain('<b>');
    expect(a).toContain('&lt;b&gt;zr7-');
    expect(a).not.toMatch(/(id|class)="zr\d/);
  });

  it('has no script and forbids every request in its content security policy', async () => {
    const html = dashboardHtml(await worldReportModel(), { locale: 'zh-CN' });
    expect(html).not.toMatch(/<script|javascript:/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('writes English labels for the en locale', async () => {
    const html = dashboardHtml(await worldReportModel(), { locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Lagging units');
    expect(html).toContain('signed off');
    expect(html).not.toContain('问题总数');
  });
});
