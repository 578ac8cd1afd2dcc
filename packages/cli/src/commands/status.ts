import {
  analyze,
  DEFAULT_ESCALATION_POLICY,
  FINDING_STATUSES,
  formatDay,
  LIGHT_LABELS,
  lightCounts,
  nameOf,
  rectificationReport,
  reportedOn,
  supervisionCounts,
  STATUS_LABELS,
  type CalendarDay,
  type RectificationReportStatus,
  type SupervisionCounts,
  type DeadlineOutcomes,
  type Locale,
  type Store,
} from '@rectify/core';
import { UsageError } from '../exit.js';
import { resolveScope, today, type GlobalOptions, type Io } from '../context.js';

/** Options of `rectify status`. */
export interface StatusOptions {
  asOf: CalendarDay | undefined;
  unit: string | undefined;
  json: boolean;
}

const T = {
  'zh-CN': { supervision: (c: SupervisionCounts) => `督办问责：督办 ${c.byKind.urge} 次，约谈 ${c.byKind.interview} 次，问责 ${c.byKind.accountability} 次，通报 ${c.byKind.notice} 次（其中面向部门或人员整体 ${c.unitWide} 次）`, report: (r: RectificationReportStatus) => `整改情况报告：${r.state === 'reported' ? `已于${formatDay(r.reportedOn!, 'zh-CN')}报送（首次公开发布）` : `应于${formatDay(r.dueOn, 'zh-CN')}前报送，${r.state === 'overdue' ? `已逾期${-r.daysLeft}天` : r.state === 'due_today' ? '今日到期' : `还剩${r.daysLeft}天`}`}`, asOf: '截至', lights: '预警亮灯', total: '问题总数', byCategory: '按类别', overdue: '逾期', dueSoon: '即将到期', stale: '台账未按时更新', lagging: '整改滞后的责任部门', none: '无', days: '天', workingDays: '个工作日', uncategorised: '未分类', outcomes: (o: DeadlineOutcomes) => `按期完成 ${o.onTime}，延期后完成 ${o.withinExtension}，逾期完成 ${o.late}；延期申请 待批 ${o.requests.pending}、批准 ${o.requests.approved}、不予批准 ${o.requests.rejected}` },
  en: { supervision: (c: SupervisionCounts) => `Supervision: urged ${c.byKind.urge}, interviews ${c.byKind.interview}, accountability ${c.byKind.accountability}, notices ${c.byKind.notice} (${c.unitWide} of units or people as a whole)`, report: (r: RectificationReportStatus) => `Rectification report: ${r.state === 'reported' ? `made on ${r.reportedOn} (first published version)` : `due by ${r.dueOn}, ${r.state === 'overdue' ? `${-r.daysLeft} days overdue` : r.state === 'due_today' ? 'due today' : `${r.daysLeft} days left`}`}`, asOf: 'as of', lights: 'Warning lights', total: 'Findings', byCategory: 'By category', overdue: 'Overdue', dueSoon: 'Due soon', stale: 'Stale ledgers', lagging: 'Lagging units', none: 'none', days: 'days', workingDays: 'working days', uncategorised: 'uncategorised', outcomes: (o: DeadlineOutcomes) => `completed on time ${o.onTime}, within an extension ${o.withinExtension}, late ${o.late}; extension requests pending ${o.requests.pending}, approved ${o.requests.approved}, rejected ${o.requests.rejected}` },
} as const satisfies Record<Locale, unknown>;

/**
 * `rectify status`: the at-a-glance view: totals by status and category, completions on
 * time and after an extension, overdue, due soon (in working days with `--calendar`),
 * stale ledgers and lagging units, as of a day (today by default), optionally for
 * one lead unit; `--json` prints the analysis for programs.
 */
export async function statusCommand(store: Store, global: GlobalOptions, options: StatusOptions, io: Io): Promise<void> {
  // One read-only snapshot: the scope, its inspection and organisation, the events once.
  const { scope, inspection, organisation, asOf, all, reported, unitWide } = await store.read(async (reader) => {
    const scope = await resolveScope(reader, global);
    const inspection = (await reader.inspection(scope))!;
    const asOf = options.asOf ?? today(io, inspection.utcOffset);
    return { scope, inspection, asOf, organisation: (await reader.organisation(scope.organisationId))!, all: await reader.findingsAsOf(scope, asOf), reported: await reportedOn(reader, scope, inspection), unitWide: await reader.supervisions(scope) };
  });
  // A unit by id or name, as `due --unit` takes it; a typo is refused rather than shown as a unit with no findings.
  const unitId = options.unit === undefined ? undefined : organisation.units.find((u) => u.id === options.unit || u.name === options.unit)?.id;
  if (options.unit !== undefined && unitId === undefined) throw new UsageError(`No unit "${options.unit}" in ${organisation.name}: give a unit's id or name`);
  const findings = unitId === undefined ? all : all.filter((f) => f.assignment?.leadUnitId === unitId);
  const a = analyze(findings, inspection, asOf, { calendar: global.calendar });
  const report = rectificationReport(inspection, asOf, reported, global.calendar) ?? null;
  // Supervision of the unit asked for: of its findings, and unit-wide supervision addressing it.
  const supervision = supervisionCounts(findings.flatMap((f) => f.supervisions), unitId === undefined ? unitWide : unitWide.filter((s) => s.targetUnitIds.includes(unitId)), asOf);
  // 红黄绿灯 under the default escalation policy: the lights `rectify notify` acts on.
  const lights = lightCounts(findings, asOf, DEFAULT_ESCALATION_POLICY, inspection.workflow.cadence, global.calendar);
  if (options.json) {
    io.out(JSON.stringify({ scope, unit: options.unit ?? null, ...a, rectificationReport: report, supervision, lights }, null, 2));
    return;
  }
  const lang = global.lang;
  const t = T[lang];
  const colour = (code: number, s: string) => (io.tty ? `\u001b[${code}m${s}\u001b[0m` : s);
  const unit = (id: string | undefined) => (id === undefined ? '' : nameOf(organisation.units, id));
  io.out(colour(1, `${inspection.title} · ${t.asOf} ${formatDay(asOf, lang)}${options.unit ? ` · ${options.unit}` : ''}`));
  io.out(`${t.total}: ${a.totals.total}`);
  for (const s of FINDING_STATUSES) if (a.totals.byStatus[s] > 0) io.out(`  ${STATUS_LABELS[s][lang]}: ${a.totals.byStatus[s]}`);
  io.out(`${t.byCategory}:`);
  for (const c of a.totals.byCategory) if (c.total > 0) io.out(`  ${c.ordinal === null ? t.uncategorised : `${c.ordinal}. ${c.title}`}: ${c.total}`);
  io.out(t.outcomes(a.deadlineOutcomes));
  if (report !== null) io.out(colour(report.state === 'overdue' ? 31 : 0, t.report(report)));
  if (lights.red + lights.yellow + lights.green > 0) io.out(`${t.lights}: ${(['red', 'yellow', 'green'] as const).map((l) => colour(l === 'red' ? 31 : l === 'yellow' ? 33 : 32, `${LIGHT_LABELS[l][lang]} ${lights[l]}`)).join(' · ')}`);
  if (Object.values(supervision.byKind).some((n) => n > 0)) io.out(t.supervision(supervision));
  const list = (title: string, rows: string[], code: number) => {
    io.out(colour(rows.length > 0 ? code : 0, `${title}: ${rows.length === 0 ? t.none : rows.length}`));
    for (const r of rows.slice(0, 20)) io.out(`  ${r}`);
    if (rows.length > 20) io.out(`  … +${rows.length - 20}`);
  };
  const working = global.calendar.name !== 'every-day';
  list(t.overdue, a.overdue.map((o) => `${o.title} · ${unit(o.unitId)} · ${o.deadline} (+${o.daysOverdue} ${t.days}${working ? `, ${o.workingDaysOverdue} ${t.workingDays}` : ''})`), 31);
  list(t.dueSoon, a.dueSoon.map((o) => `${o.title} · ${unit(o.unitId)} · ${o.deadline}`), 33);
  list(t.stale, a.staleLedgers.map((s) => `${s.title} · ${unit(s.unitId)} · ${s.lastUpdateOn ?? '—'} (${s.daysSince} ${t.days})`), 33);
  list(t.lagging, a.laggingUnits.filter((u) => u.score > 0).map((u) => `${u.rank}. ${unit(u.unitId)} · ${u.open}/${u.findings} · ${u.score.toFixed(2)}`), 35);
}
