import { formatDay, nameOf, type Locale, type Organisation, type Rollup, type RollupFigures } from '@rectify/core';
import { organisationsOption, renderSvg, trendOption } from './charts.js';
import { escapeHtml as e } from './escape.js';
import { htmlPage } from './page.js';

/** Options of {@link supervisionHtml}. */
export interface SupervisionOptions {
  locale: Locale;
  /** The page's title (default 各单位整改情况 / Rectification by organisation). */
  title?: string;
  /**
   * Where a round's own dashboard is, for a link from its row: a path or URL, or
   * `undefined` for no link. `rectify report --format html --all` links `ORG/INSPECTION.html`.
   */
  href?: (organisationId: string, inspectionId: string) => string | undefined;
  /** The organisations' units, to name the lagging ones (their ids otherwise). */
  units?: ReadonlyMap<string, Organisation['units']>;
}

const TEXT = {
  'zh-CN': {
    title: '各单位整改情况', asOf: '截至',
    figures: { organisations: '单位数', findings: '问题总数', rate: '整改率', signedOff: '销号率', overdue: '逾期', dueSoon: '即将到期', onTime: '按期完成率' },
    charts: { organisations: '各单位整改状态（按逾期占比排序）', trend: '整改率逐月变化' },
    table: '各单位、各轮次', cols: { rank: '排名', organisation: '单位 / 轮次', findings: '问题数', rate: '整改率', signedOff: '销号率', overdue: '逾期', dueSoon: '即将到期', onTime: '按期完成率', lagging: '滞后部门' },
    rateNote: '整改率：已完成、待审核销号、已销号的问题占问题总数之比（阶段性完成、需长期坚持的不计入）；逾期：未完成且已过整改期限（期限逢休息日顺延）。',
    all: '合计', none: '无',
  },
  en: {
    title: 'Rectification by organisation', asOf: 'As of',
    figures: { organisations: 'Organisations', findings: 'Findings', rate: 'Done', signedOff: 'Signed off', overdue: 'Overdue', dueSoon: 'Due soon', onTime: 'On time' },
    charts: { organisations: 'Status by organisation (most overdue first)', trend: 'Completion month by month' },
    table: 'By organisation and round', cols: { rank: 'Rank', organisation: 'Organisation / round', findings: 'Findings', rate: 'Done', signedOff: 'Signed off', overdue: 'Overdue', dueSoon: 'Due soon', onTime: 'On time', lagging: 'Lagging units' },
    rateNote: 'Done: completed, awaiting sign-off or signed off, over all findings (findings done for this phase with long-term work are not counted); overdue: open past the deadline in force (a deadline on a rest day stands until the next working day).',
    all: 'All', none: 'none',
  },
} as const satisfies Record<Locale, unknown>;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * A supervising office's page (巡察办、纪委): every organisation of a `Rollup` (`rollup` of `@rectify/core`),
 * ranked, with its rounds, the headline figures of all together, a chart of each
 * organisation's status and the completion rate month by month, and a link from each
 * round to its own dashboard. Self-contained, inert (no script), like `dashboardHtml`.
 *
 * @example
 * ```ts
 * writeFileSync('index.html', supervisionHtml(rollup(inputs, asOf), { locale: 'zh-CN', href: (o, i) => `${o}/${i}.html` }));
 * ```
 */
export function supervisionHtml(rollup: Rollup, options: SupervisionOptions): string {
  const t = TEXT[options.locale];
  const title = options.title ?? t.title;
  const a = rollup.all;
  const figure = (n: string, label: string, tone?: 'bad' | 'warn') => `<div class="figure${tone ? ` ${tone}` : ''}"><b>${n}</b><span>${label}</span></div>`;
  const rows = rollup.organisations.length;
  return htmlPage({
    locale: options.locale,
    title,
    meta: `${t.asOf} ${e(formatDay(rollup.asOf, options.locale))}`,
    main: [
      `<section class="figures">${[
        figure(String(rows), t.figures.organisations),
        figure(String(a.total), t.figures.findings),
        figure(percent(a.rates.completed), t.figures.rate),
        figure(percent(a.rates.signedOff), t.figures.signedOff),
        figure(String(a.overdue), t.figures.overdue, a.overdue > 0 ? 'bad' : undefined),
        figure(String(a.dueSoon), t.figures.dueSoon, a.dueSoon > 0 ? 'warn' : undefined),
        figure(percent(a.outcomes.onTimeRate), t.figures.onTime),
      ].join('')}</section>`,
      '<section class="charts">',
      `<figure><figcaption>${t.charts.organisations}</figcaption>${renderSvg(organisationsOption(rollup, options.locale), { width: 560, height: 80 + 28 * Math.max(1, rows) }, 's1')}</figure>`,
      `<figure><figcaption>${t.charts.trend}</figcaption>${renderSvg(trendOption(rollup, options.locale), { width: 560, height: 300 }, 's2')}</figure>`,
      '</section>',
      `<h2>${t.table}</h2>`,
      table(rollup, options, t),
      `<p class="meta">${t.rateNote}</p>`,
    ],
    footer: `rectify · ${e(rollup.asOf)}`,
  });
}

function table(rollup: Rollup, options: SupervisionOptions, t: (typeof TEXT)[Locale]): string {
  const c = t.cols;
  const head = `<tr><th class="num">${c.rank}</th><th>${c.organisation}</th><th class="num">${c.findings}</th><th class="num">${c.rate}</th><th class="num">${c.signedOff}</th><th class="num">${c.overdue}</th><th class="num">${c.dueSoon}</th><th class="num">${c.onTime}</th><th>${c.lagging}</th></tr>`;
  const cells = (f: RollupFigures, organisationId: string | undefined) => {
    const units = organisationId === undefined ? [] : (options.units?.get(organisationId) ?? []);
    const lagging = f.laggingUnits.filter((u) => u.score > 0).map((u) => e(nameOf(units, u.unitId))).join('、') || t.none;
    return `<td class="num">${f.total}</td><td class="num">${percent(f.rates.completed)}</td><td class="num">${percent(f.rates.signedOff)}</td><td class="num${f.overdue > 0 ? ' bad' : ''}">${f.overdue}</td><td class="num">${f.dueSoon}</td><td class="num">${percent(f.outcomes.onTimeRate)}</td><td>${organisationId === undefined ? '' : lagging}</td>`;
  };
  const body: string[] = [];
  for (const [i, o] of rollup.organisations.entries()) {
    body.push(`<tr class="organisation"><td class="num">${i + 1}</td><th scope="row">${e(o.name)}</th>${cells(o, o.organisationId)}</tr>`);
    for (const r of o.rounds) {
      const link = options.href?.(o.organisationId, r.inspectionId);
      const name = link === undefined ? e(r.title) : `<a href="${e(link)}">${e(r.title)}</a>`;
      body.push(`<tr class="round"><td></td><td>${name}</td>${cells(r, o.organisationId)}</tr>`);
    }
  }
  body.push(`<tr class="all"><td></td><th scope="row">${t.all}</th>${cells(rollup.all, undefined)}</tr>`);
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}
