import { createRequire } from 'node:module';
import type * as echarts from 'echarts';
import {
  daysBetween,
  DONE_STATUSES,
  FINDING_STATUSES,
  formatDay,
  nameOf,
  numberLabel,
  STATUS_LABELS,
  type FindingStatus,
  type Light,
  type Locale,
  type ReportModel,
  type Rollup,
  type RollupFigures,
  type SeriesPoint,
  type StatusCounts,
} from '@rectify/core';

/** The colours of the warning lights: the hues of a 红黄绿灯 board, dark enough for white text. */
export const LIGHT_COLOURS: Record<Light, string> = { green: '#2e7d32', yellow: '#b7791f', red: '#c62828' };

/** The colour of each status, the same in every chart and badge. */
export const STATUS_COLOURS: Record<FindingStatus, string> = {
  not_started: '#9aa0a6',
  in_progress: '#f2a33a',
  completed: '#3b8ed0',
  sustaining: '#6cc3a0',
  awaiting_signoff: '#8f7ad6',
  signed_off: '#1f7a4d',
  reopened: '#d9534f',
};

/** Findings done (completed, awaiting sign-off or signed off), from counts by status: the core's `DONE_STATUSES`. */
export function doneCount(byStatus: StatusCounts): number {
  return DONE_STATUSES.reduce((n, status) => n + byStatus[status], 0);
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** A chart's size in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Renders an ECharts option to an SVG string on the server, without animation, and
 * frees the chart. ECharts numbers its instances with a process-wide counter and
 * writes it into ids and class names (`zr3-c0`): those are renamed after the chart's
 * place on the page (`key`), so the same page gives the same bytes. Only markup is touched,
 * never the text between tags, which holds users' strings.
 */
export function renderSvg(option: echarts.EChartsCoreOption, size: ChartSize, key: string): string {
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    // The page runs no script, so hover effects would be dead weight; ECharts also
    // numbers their CSS classes with a process-wide counter, which breaks determinism.
    chart.setOption({ series: seriesCount(option).map(() => ({ silent: true, emphasis: { disabled: true } })) });
    // Class numbers (`cls-7`) also come from a cache that outlives the chart: they are
    // numbered again in order of first use.
    const classes = new Map<string, number>();
    const svg = chart.renderToSVGString();
    return svg.replace(/<style[^>]*>[\s\S]*?<\/style>|<[^>]+>/g, (markup) =>
      markup.replace(/\bzr\d+-(?:cls-(\d+))?/g, (_, cls?: string) => {
        if (cls === undefined) return `${key}-`;
        if (!classes.has(cls)) classes.set(cls, classes.size);
        return `${key}-cls-${classes.get(cls)}`;
      }),
    );
  } finally {
    chart.dispose();
  }
}

let loaded: typeof echarts | undefined;

/**
 * ECharts, loaded on the first chart rather than when the package is imported: it takes
 * about 0.4 s to load, which an app that imports this package and draws no chart (or a
 * CLI command that renders another format) should not pay. Loaded with `require`, its
 * CommonJS build, so that drawing stays synchronous (`dashboardHtml` returns a string).
 */
function loadEcharts(): typeof echarts {
  loaded ??= createRequire(import.meta.url)('echarts') as typeof echarts;
  return loaded;
}

function seriesCount(option: echarts.EChartsCoreOption): unknown[] {
  return Array.isArray(option.series) ? option.series : option.series === undefined ? [] : [option.series];
}

const T = {
  'zh-CN': { findings: '问题数', open: '未完成', overdue: '逾期', ideal: '计划进度', done: '已完成', sustaining: '阶段性完成', unassigned: '未分配', openNotOverdue: '未完成（未逾期）', rate: '整改率', completedInMonth: '当月完成' },
  en: { findings: 'findings', open: 'open', overdue: 'overdue', ideal: 'plan', done: 'done', sustaining: 'done for this phase', unassigned: 'unassigned', openNotOverdue: 'open, not overdue', rate: 'done', completedInMonth: 'completed in the month' },
} as const;

const grid = { left: 12, right: 24, top: 40, bottom: 12, containLabel: true };
const legend = (data?: string[]) => ({ top: 4, type: 'plain' as const, ...(data ? { data } : {}) });

/** Status by category: one stacked bar per category. */
export function statusByCategoryOption(model: ReportModel, locale: Locale): echarts.EChartsCoreOption {
  const rows = model.totals.byCategory;
  const label = (r: (typeof rows)[number]) => (r.ordinal === null ? '—' : locale === 'zh-CN' ? `${numberLabel('category', r.ordinal)}${r.title ?? ''}` : `${r.ordinal}. ${r.title ?? ''}`);
  const used = FINDING_STATUSES.filter((s) => rows.some((r) => r.byStatus[s] > 0));
  return {
    grid, legend: legend(),
    yAxis: { type: 'category', inverse: true, data: rows.map(label), axisLabel: { width: 220, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: used.map((s) => ({ type: 'bar', stack: 'status', name: STATUS_LABELS[s][locale], itemStyle: { color: STATUS_COLOURS[s] }, data: rows.map((r) => r.byStatus[s]) })),
  };
}

/** Progress by lead unit: done, done for this phase and open, stacked, most findings first. */
export function progressByUnitOption(model: ReportModel, locale: Locale): echarts.EChartsCoreOption {
  const rows = [...model.totals.byUnit].sort((a, b) => b.total - a.total || String(a.unitId).localeCompare(String(b.unitId)));
  const t = T[locale];
  const done = (r: (typeof rows)[number]) => doneCount(r.byStatus);
  return {
    grid, legend: legend(),
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => (r.unitId === null ? t.unassigned : nameOf(model.directory.units, r.unitId))), axisLabel: { width: 160, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'u', name: t.done, itemStyle: { color: STATUS_COLOURS.signed_off }, data: rows.map(done) },
      { type: 'bar', stack: 'u', name: t.sustaining, itemStyle: { color: STATUS_COLOURS.sustaining }, data: rows.map((r) => r.byStatus.sustaining) },
      { type: 'bar', stack: 'u', name: t.open, itemStyle: { color: STATUS_COLOURS.in_progress }, data: rows.map((r) => r.total - done(r) - r.byStatus.sustaining) },
    ],
  };
}

/** A supervising office's overview: one stacked bar per organisation, in the roll-up's order. */
export function organisationsOption(rollup: Rollup, locale: Locale): echarts.EChartsCoreOption {
  const t = T[locale];
  const rows = rollup.organisations;
  const done = (o: RollupFigures) => doneCount(o.byStatus);
  return {
    grid, legend: legend(),
    yAxis: { type: 'category', inverse: true, data: rows.map((o) => o.name), axisLabel: { width: 200, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'o', name: t.done, itemStyle: { color: STATUS_COLOURS.signed_off }, data: rows.map(done) },
      { type: 'bar', stack: 'o', name: t.sustaining, itemStyle: { color: STATUS_COLOURS.sustaining }, data: rows.map((o) => o.byStatus.sustaining) },
      { type: 'bar', stack: 'o', name: t.openNotOverdue, itemStyle: { color: STATUS_COLOURS.in_progress }, data: rows.map((o) => o.total - done(o) - o.byStatus.sustaining - o.overdue) },
      { type: 'bar', stack: 'o', name: t.overdue, itemStyle: { color: STATUS_COLOURS.reopened }, data: rows.map((o) => o.overdue) },
    ],
  };
}

/** The completion rate of every organisation together, month by month. */
export function trendOption(rollup: Rollup, locale: Locale): echarts.EChartsCoreOption {
  const t = T[locale];
  return {
    grid, legend: legend(),
    xAxis: { type: 'category', data: rollup.all.trend.map((m) => m.month) },
    yAxis: [{ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1 }],
    series: [
      { type: 'line', name: t.rate, itemStyle: { color: STATUS_COLOURS.signed_off }, data: rollup.all.trend.map((m) => Math.round(m.rate * 1000) / 10) },
      { type: 'bar', name: t.completedInMonth, yAxisIndex: 1, itemStyle: { color: STATUS_COLOURS.completed }, data: rollup.all.trend.map((m) => m.completed) },
    ],
  };
}

function dayAxis(points: readonly SeriesPoint[], locale: Locale) {
  return { type: 'category', boundaryGap: false, data: points.map((p) => (locale === 'zh-CN' ? formatDay(p.day, 'zh-CN').replace(/^\d{4}年/, '') : p.day.slice(5))) };
}

/** Open and overdue findings over time, from the timeline. */
export function overdueOverTimeOption(model: ReportModel, locale: Locale): echarts.EChartsCoreOption {
  const t = T[locale];
  return {
    grid, legend: legend(),
    xAxis: dayAxis(model.timeline, locale),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: t.open, symbol: 'none', itemStyle: { color: STATUS_COLOURS.in_progress }, data: model.timeline.map((p) => p.open) },
      { type: 'line', name: t.overdue, symbol: 'none', areaStyle: { opacity: 0.2 }, itemStyle: { color: STATUS_COLOURS.reopened }, data: model.timeline.map((p) => p.overdue) },
    ],
  };
}

/**
 * The burn-down over the concentrated period: open findings each day, against a
 * straight line from all findings on the period's first day to none on its last.
 */
export function burnDownOption(model: ReportModel, locale: Locale): echarts.EChartsCoreOption {
  const t = T[locale];
  const points = model.burnDown;
  const period = model.inspection.concentratedPeriod;
  // The plan starts from every finding on the books by the last day (findings are
  // often registered a few days into the period) and reaches none on its last day.
  const last = points.at(-1);
  const first = last === undefined ? 0 : Object.values(last.byStatus).reduce((a, b) => a + b, 0);
  // Points are daily from the period's first day, so point i is i days in.
  const span = period ? Math.max(1, daysBetween(period.start, period.end)) : 1;
  return {
    grid, legend: legend(),
    xAxis: dayAxis(points, locale),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: t.open, symbol: 'none', itemStyle: { color: STATUS_COLOURS.in_progress }, data: points.map((p) => p.open) },
      { type: 'line', name: t.ideal, symbol: 'none', lineStyle: { type: 'dashed' }, itemStyle: { color: STATUS_COLOURS.not_started }, data: points.map((_, i) => Math.round(first * (1 - i / span) * 10) / 10) },
    ],
  };
}
