import {
  countLights,
  eventLabel,
  evidenceText,
  formatDay,
  LIGHT_LABELS,
  nameOf,
  numberLabel,
  RAISE_REASON_LABELS,
  reportFindings,
  STATUS_LABELS,
  type DeadlineOutcomes,
  type Evidence,
  type FindingStatus,
  type Locale,
  type RenderedReport,
  type RenderOptions,
  type ReportCategory,
  type ReportFinding,
  type ReportModel,
  type SyncReportRenderer,
} from '@rectify/core';
import { burnDownOption, doneCount, LIGHT_COLOURS, overdueOverTimeOption, progressByUnitOption, renderSvg, STATUS_COLOURS, statusByCategoryOption } from './charts.js';
import { escapeHtml as e } from './escape.js';
import { DASHBOARD_TEXT } from './labels.js';
import { htmlPage } from './page.js';

/** Options of the HTML dashboard. */
export interface DashboardOptions extends RenderOptions {
  /** Whether to list every finding with its measures, ledger and history (default true). */
  findingDetails?: boolean;
}


type Text = (typeof DASHBOARD_TEXT)[Locale];

/**
 * The dashboard as one self-contained HTML page: headline figures, four charts drawn
 * as SVG on the server (status by category, progress by unit, open and overdue over
 * time, burn-down over the concentrated period), the overdue, due-soon, lagging-unit
 * and stale-ledger tables, and every finding with its measures, ledger and history.
 * Needs no network to view and runs no script.
 *
 * @example
 * ```ts
 * writeFileSync('dashboard.html', dashboardHtml(model, { locale: 'zh-CN' }));
 * ```
 */
export function dashboardHtml(model: ReportModel, options: DashboardOptions): string {
  const { locale } = options;
  const t = DASHBOARD_TEXT[locale];
  const asOf = options.asOf ?? model.asOf;
  const title = model.inspection.title;
  return htmlPage({
    locale,
    title,
    meta: `${e(model.organisation.name)} · ${t.asOf} ${e(formatDay(asOf, locale))}`,
    main: [figures(model, locale, t), charts(model, locale, t), tables(model, locale, t), options.findingDetails === false ? '' : findingList(model, locale, t)],
    footer: `rectify · ${e(model.inspection.id)} · ${e(asOf)}${historyLine(model, t)}`,
  });
}

/** Whether the history under the figures verified: a warning that stands out when it did not. */
function historyLine(model: ReportModel, t: Text): string {
  const h = model.history;
  if (h === undefined) return '';
  if (h.breaks.length > 0) {
    const first = h.breaks.slice(0, 5).map((b) => `<li>${e(t.integrity.entry(b.findingId, b.version, b.kind))}</li>`).join('');
    return `<div class="history-broken" role="alert"><strong>${e(t.integrity.broken(h.breaks.length))}</strong><ul>${first}</ul></div>`;
  }
  if (h.unchained > 0) return ` · ${e(t.integrity.unchained(h.unchained))}`;
  return ` · ${e(t.integrity.verified(h.events, h.digest.slice(0, 16)))}`;
}

function figures(model: ReportModel, locale: Locale, t: Text): string {
  const s = model.totals.byStatus;
  const items: [string, string, ('bad' | 'warn' | undefined)?][] = [
    [String(model.totals.total), t.figures.total],
    [String(doneCount(s)), t.figures.done],
    [String(s.sustaining), t.figures.sustaining],
    [String(s.signed_off), t.figures.signedOff],
    [String(model.totals.open), t.figures.open],
    [String(model.analysis.overdue.length), t.figures.overdue, model.analysis.overdue.length > 0 ? 'bad' : undefined],
    [String(model.analysis.dueSoon.length), t.figures.dueSoon, model.analysis.dueSoon.length > 0 ? 'warn' : undefined],
    [`${(model.totals.rates.phaseCompleted * 100).toFixed(1)}%`, t.figures.rate],
  ];
  return `<section class="figures">${items.map(([n, label, tone]) => `<div class="figure${tone ? ` ${tone}` : ''}"><b>${n}</b><span>${label}</span></div>`).join('')}</section>${lightsLine(model, locale, t)}`;
}

/** How many findings show each light (红灯 first), as the pills below count them; nothing when none is on. */
function lightsLine(model: ReportModel, locale: Locale, t: Text): string {
  const counts = countLights(reportFindings(model));
  if (counts.red + counts.yellow + counts.green === 0) return '';
  const pills = (['red', 'yellow', 'green'] as const).map((l) => `<span class="badge light light-${l}" style="background:${LIGHT_COLOURS[l]}">● ${e(LIGHT_LABELS[l][locale])} ${counts[l]}</span>`);
  return `<p class="lights">${e(t.lights)}${locale === 'zh-CN' ? '：' : ': '}${pills.join(' ')}</p>`;
}

function charts(model: ReportModel, locale: Locale, t: Text): string {
  const unitRows = Math.max(1, model.totals.byUnit.length);
  const categoryRows = Math.max(1, model.totals.byCategory.length);
  const figure = (caption: string, body: string) => `<figure><figcaption>${caption}</figcaption>${body}</figure>`;
  const empty = (why: string) => `<p class="empty">${why}</p>`;
  return [
    '<section class="charts">',
    figure(t.charts.byCategory, renderSvg(statusByCategoryOption(model, locale), { width: 560, height: 80 + 36 * categoryRows }, 'c1')),
    figure(t.charts.byUnit, renderSvg(progressByUnitOption(model, locale), { width: 560, height: 80 + 28 * unitRows }, 'c2')),
    figure(t.charts.overTime, model.timeline.length === 0 ? empty(t.noHistory) : renderSvg(overdueOverTimeOption(model, locale), { width: 560, height: 300 }, 'c3')),
    figure(
      t.charts.burnDown,
      model.inspection.concentratedPeriod === undefined ? empty(t.noPeriod) : model.burnDown.length === 0 ? empty(t.noHistory) : renderSvg(burnDownOption(model, locale), { width: 560, height: 300 }, 'c4'),
    ),
    '</section>',
  ].join('\n');
}

/** A finding's warning light as a pill, with what raised it in its title; nothing when no light is on. */
function lightPill(f: ReportFinding, locale: Locale): string {
  if (f.light === undefined) return '';
  const why = f.lightReasons.map((r) => RAISE_REASON_LABELS[r][locale]).join(locale === 'zh-CN' ? '、' : ', ');
  return ` <span class="badge light light-${f.light}" style="background:${LIGHT_COLOURS[f.light]}"${why === '' ? '' : ` title="${e(why)}"`}>● ${e(LIGHT_LABELS[f.light][locale])}</span>`;
}

function badge(status: FindingStatus, locale: Locale): string {
  return `<span class="badge" style="background:${STATUS_COLOURS[status]}">${e(STATUS_LABELS[status][locale])}</span>`;
}

function table(caption: string, head: readonly string[], rows: readonly string[][], none: string, numeric: readonly number[] = []): string {
  const cell = (v: string, i: number) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${v}</td>`;
  const body = rows.length === 0 ? `<tr><td colspan="${head.length}">${none}</td></tr>` : rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
  return `<h3>${caption}</h3>\n<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function tables(model: ReportModel, locale: Locale, t: Text): string {
  const a = model.analysis;
  const unit = (id: string | undefined) => (id === undefined ? '' : e(nameOf(model.directory.units, id)));
  const c = t.cols;
  return [
    '<section>',
    table(t.tables.overdue, [c.finding, c.unit, c.deadline, c.original, c.daysOverdue, c.status],
      a.overdue.map((o) => [e(o.title), unit(o.unitId), e(o.deadline), e(o.originalDeadline ?? ''), String(o.daysOverdue), badge(o.status, locale)]), t.none, [4]),
    table(t.tables.dueSoon, [c.finding, c.unit, c.deadline, c.daysLeft, c.status],
      a.dueSoon.map((o) => [e(o.title), unit(o.unitId), e(o.deadline), String(-o.daysOverdue), badge(o.status, locale)]), t.none, [3]),
    table(t.tables.lagging, [c.rank, c.unit, c.findings, c.open, c.overdue, c.stale, c.lag, c.score],
      a.laggingUnits.map((u) => [String(u.rank), unit(u.unitId), String(u.findings), String(u.open), String(u.overdue), String(u.stale), `${Math.round(u.lag * 100)}%`, u.score.toFixed(2)]), t.none, [0, 2, 3, 4, 5, 6, 7]),
    table(t.tables.stale, [c.finding, c.unit, c.lastUpdate, c.daysSince, c.status],
      a.staleLedgers.map((s) => [e(s.title), unit(s.unitId), e(s.lastUpdateOn ?? ''), String(s.daysSince), badge(s.status, locale)]), t.none, [3]),
    outcomes(a.deadlineOutcomes, t),
    '</section>',
  ].join('\n');
}

/** Completions on time, within an extension (延期) and late, with the findings that were not on time. */
function outcomes(o: DeadlineOutcomes, t: Text): string {
  const w = t.outcomes;
  const summary = `<p class="outcomes">${w.onTime} ${o.onTime} · ${w.withinExtension} ${o.withinExtension} · ${w.late} ${o.late} · ${w.rate} ${(o.onTimeRate * 100).toFixed(1)}% · ${w.pending} ${o.requests.pending}</p>`;
  const rows = o.findings.map((f) => [e(f.title), e(f.originalDeadline), e(f.deadline), e(f.completedOn), f.outcome === 'late' ? w.late : w.withinExtension]);
  return table(t.tables.outcomes, [t.cols.finding, t.cols.original, t.cols.deadline, t.cols.completedOn, t.cols.outcome], rows, t.none).replace('</h3>', `</h3>\n${summary}`);
}

function categoryHeading(category: ReportCategory, locale: Locale, t: Text): string {
  if (category.ordinal === null) return t.uncategorised;
  return e(locale === 'zh-CN' ? `${numberLabel('category', category.ordinal)}${category.title ?? ''}` : `${category.ordinal}. ${category.title ?? ''}`);
}

function findingList(model: ReportModel, locale: Locale, t: Text): string {
  if (reportFindings(model).length === 0) return '';
  const parts = [`<section><h2>${t.list}</h2>`];
  for (const category of model.categories) {
    if (category.findings.length === 0) continue;
    parts.push(`<h3 class="word-break">${categoryHeading(category, locale, t)}</h3>`);
    for (const f of category.findings) parts.push(findingDetails(model, f, locale, t));
  }
  parts.push('</section>');
  return parts.join('\n');
}

function findingDetails(model: ReportModel, f: ReportFinding, locale: Locale, t: Text): string {
  const person = (id: string) => e(nameOf(model.directory.people, id));
  const unit = (id: string) => e(nameOf(model.directory.units, id));
  const a = f.assignment;
  const lines: string[] = [];
  if (a) {
    lines.push(
      `<p>${t.cols.unit}：${unit(a.leadUnitId)}${a.coUnitIds.length ? `；${t.coUnits}：${a.coUnitIds.map(unit).join('、')}` : ''}；${t.leader}：${person(a.responsibleLeaderId)}；${t.person}：${person(a.responsiblePersonId)}；${t.cols.deadline}：${e(a.deadline)}${a.originalDeadline ? `（${t.cols.original} ${e(a.originalDeadline)}）` : ''}</p>`,
    );
  }
  if (f.measures.length > 0) {
    lines.push(`<p>${t.measures}</p><ol>${f.measures.map((m) => `<li${m.done ? ' class="done"' : ''}>${e(m.text)}${m.done ? ` ✓ ${e(m.doneOn ?? '')}` : ''}${evidenceList(m.evidence, locale)}</li>`).join('')}</ol>`);
  }
  if (f.progress.length > 0) {
    lines.push(`<p>${t.progress}</p><ul>${f.progress.map((p) => `<li>${e(p.on)} ${e(p.text)}${evidenceList(p.evidence, locale)}</li>`).join('')}</ul>`);
  }
  if (f.history.length > 0) {
    lines.push(`<p>${t.history}</p><ul>${f.history.map((h) => `<li>${e(h.on)} ${e(eventLabel(h.type, locale))} · ${person(h.actorId)}</li>`).join('')}</ul>`);
  }
  const overdue = f.daysOverdue > 0 ? ` <span class="badge" style="background:${STATUS_COLOURS.reopened}">${t.cols.overdue} ${f.daysOverdue}</span>` : '';
  return `<details id="f-${e(f.id)}"><summary class="word-break">${f.ordinal}. ${e(f.title)} ${badge(f.status, locale)}${overdue}${lightPill(f, locale)}</summary><div>${lines.join('')}</div></details>`;
}

/** The evidence of a measure or an entry, one item each; a file by its name, size and the start of its hash. */
function evidenceList(evidence: readonly Evidence[], locale: Locale): string {
  if (evidence.length === 0) return '';
  return `<ul class="evidence">${evidence.map((x) => `<li${x.kind === 'file' ? ` data-sha256="${e(x.sha256)}"` : ''}>${e(evidenceText(x, locale))}</li>`).join('')}</ul>`;
}

/** The dashboard as a rendered report; see {@link dashboardHtml}. */
export const htmlDashboardRenderer: SyncReportRenderer<DashboardOptions> = {
  name: 'dashboard-html',
  render: (model, options): RenderedReport => ({
    data: dashboardHtml(model, options),
    mediaType: 'text/html; charset=utf-8',
    fileName: `dashboard-${model.inspection.id}-${options.asOf ?? model.asOf}${options.locale === 'en' ? '-en' : ''}.html`,
  }),
};
