import { createServer, type Server } from 'node:http';
import {
  eventLabel,
  FINDING_STATUSES,
  formatDay,
  nameOf,
  STATUS_LABELS,
  type FindingState,
  type Store,
} from '@rectify/core';
import { escapeHtml as e, STATUS_COLOURS } from '@rectify/report-html';

/** What the dashboard shows: one inspection of one organisation. */
export interface DashboardScope {
  organisationId: string;
  inspectionId: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
const STYLE = `body{font:14px/1.6 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d1d9e0;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}.badge{color:#fff;border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap}
form{display:flex;gap:8px;flex-wrap:wrap;margin:16px 0}select,input,button{font:inherit;padding:4px 8px}a{color:#0969da}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${e(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

const badge = (f: FindingState) => `<span class="badge" style="background:${STATUS_COLOURS[f.status]}">${e(STATUS_LABELS[f.status]['zh-CN'])}</span>`;

/** The filters the list understands, read from the query string. */
export interface Filters {
  status?: string;
  category?: string;
  unit?: string;
  q?: string;
}

/** The findings that pass the filters, in the store's order. */
export function filterFindings(findings: readonly FindingState[], filters: Filters): FindingState[] {
  return findings.filter((f) =>
    (!filters.status || f.status === filters.status) &&
    (!filters.category || f.finding.categoryId === filters.category) &&
    (!filters.unit || f.assignment?.leadUnitId === filters.unit) &&
    (!filters.q || f.finding.title.includes(filters.q) || f.measures.some((m) => m.text.includes(filters.q!))));
}

/**
 * The dashboard's web server: `/` lists the findings with filters (status, category,
 * lead unit, words), `/findings/ID` shows one finding with its measures and history.
 * Everything is rendered on the server from the store on each request, escaped, with
 * no script: the filters are a plain form.
 */
export function dashboardServer(store: Store, scope: DashboardScope): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, html: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      if (req.method !== 'GET') return send(405, page('405', '<p>Read-only.</p>'));
      const inspection = await store.inspection(scope);
      const organisation = await store.organisation(scope.organisationId);
      if (!inspection || !organisation) return send(404, page('404', '<p>No such inspection.</p>'));
      const findings = (await store.findings({ ...scope, limit: 1000 })).items;
      const unit = (id: string | undefined) => (id ? e(nameOf(organisation.units, id)) : '');
      const detail = /^\/findings\/([^/]+)$/.exec(url.pathname);
      if (detail) {
        const f = findings.find((x) => x.finding.id === decodeURIComponent(detail[1]!));
        if (!f) return send(404, page('404', '<p>No such finding. <a href="/">Back to the list</a></p>'));
        const history = await store.history(scope, f.finding.id);
        return send(200, page(f.finding.title, [
          '<p><a href="/">← 问题清单</a></p>',
          `<h1>${e(f.finding.title)} ${badge(f)}</h1>`,
          `<p>责任部门：${unit(f.assignment?.leadUnitId)}　整改期限：${e(f.assignment?.deadline ?? '—')}</p>`,
          `<h2>整改措施</h2><ol>${f.measures.map((m) => `<li>${e(m.text)}${m.status === 'done' ? ` ✓ ${e(m.doneOn ?? '')}` : ''}</li>`).join('')}</ol>`,
          `<h2>办理记录</h2><table id="history"><thead><tr><th>日期</th><th>事项</th><th>说明</th></tr></thead><tbody>${history.map((ev) => `<tr><td>${e(ev.on)}</td><td>${e(eventLabel(ev.type, 'zh-CN'))}</td><td>${'text' in ev.payload ? e(String(ev.payload.text)) : ''}</td></tr>`).join('')}</tbody></table>`,
        ].join('\n')));
      }
      if (url.pathname !== '/') return send(404, page('404', '<p>Not found. <a href="/">Back to the list</a></p>'));
      const filters: Filters = Object.fromEntries(['status', 'category', 'unit', 'q'].map((k) => [k, url.searchParams.get(k) ?? ''])) as Filters;
      const shown = filterFindings(findings, filters);
      const option = (value: string, label: string, selected: string | undefined) => `<option value="${e(value)}"${value === selected ? ' selected' : ''}>${e(label)}</option>`;
      return send(200, page(inspection.title, [
        `<h1>${e(inspection.title)}</h1>`,
        `<form method="get" action="/">`,
        `<select name="status">${option('', '全部状态', filters.status)}${FINDING_STATUSES.map((s) => option(s, STATUS_LABELS[s]['zh-CN'], filters.status)).join('')}</select>`,
        `<select name="category">${option('', '全部类别', filters.category)}${inspection.categories.map((c) => option(c.id, c.title, filters.category)).join('')}</select>`,
        `<select name="unit">${option('', '全部部门', filters.unit)}${organisation.units.map((u) => option(u.id, u.name, filters.unit)).join('')}</select>`,
        `<input name="q" placeholder="关键词" value="${e(filters.q ?? '')}"><button type="submit">筛选</button></form>`,
        `<p id="count">共 ${shown.length} 个问题（全部 ${findings.length} 个）· ${e(formatDay(inspection.feedbackDate ?? '2000-01-01', 'zh-CN'))}反馈</p>`,
        `<table id="findings"><thead><tr><th>问题</th><th>责任部门</th><th>整改期限</th><th>状态</th></tr></thead><tbody>`,
        ...shown.map((f) => `<tr><td><a href="/findings/${encodeURIComponent(f.finding.id)}">${e(f.finding.title)}</a></td><td>${unit(f.assignment?.leadUnitId)}</td><td>${e(f.assignment?.deadline ?? '')}</td><td>${badge(f)}</td></tr>`),
        '</tbody></table>',
      ].join('\n')));
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    });
  });
}
