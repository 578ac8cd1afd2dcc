import { formatDay, nameOf, type CalendarDay, type Locale, type RollupFigures, type Store } from '@rectify/core';
import type { GlobalOptions, Io } from '../context.js';

/** Options of `rectify status --all`. */
export interface RollupOptions {
  asOf: CalendarDay;
  json: boolean;
}

const T = {
  'zh-CN': { title: '各单位整改情况', asOf: '截至', organisation: '单位', findings: '问题', rate: '整改率', signedOff: '销号率', overdue: '逾期', dueSoon: '即将到期', onTime: '按期完成率', lagging: '滞后部门', all: '合计', none: '（库中没有单位）' },
  en: { title: 'Rectification by organisation', asOf: 'as of', organisation: 'Organisation', findings: 'Findings', rate: 'Done', signedOff: 'Signed off', overdue: 'Overdue', dueSoon: 'Due soon', onTime: 'On time', lagging: 'Lagging units', all: 'All', none: '(no organisation in the store)' },
} as const satisfies Record<Locale, unknown>;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `rectify status --all`: every organisation of the store as of a day, the most overdue
 * first, each round (inspection) on a line of its own: findings, 整改率, 销号率, overdue,
 * due soon, on-time rate and the units that lag most. Read in one snapshot of the store
 * (`store.rollup`: a GROUP BY on SQL stores); `--json` prints the roll-up.
 */
export async function rollupCommand(store: Store, global: GlobalOptions, options: RollupOptions, io: Io): Promise<void> {
  // One snapshot: the roll-up (counted by the database where it can) and the units' names.
  const { r, units } = await store.read(async (reader) => ({
    r: await reader.rollup({ asOf: options.asOf, calendar: global.calendar }),
    units: new Map((await reader.organisations()).map((o) => [o.id, o.units])),
  }));
  if (options.json) {
    io.out(JSON.stringify(r, null, 2));
    return;
  }
  const t = T[global.lang];
  io.out(`${t.title} · ${t.asOf} ${formatDay(options.asOf, global.lang)}`);
  if (r.organisations.length === 0) {
    io.out(t.none);
    return;
  }
  const line = (name: string, f: RollupFigures, organisationId: string | undefined) => {
    const lagging = organisationId === undefined ? '' : f.laggingUnits.filter((u) => u.score > 0).map((u) => nameOf(units.get(organisationId) ?? [], u.unitId)).join('、');
    return [name, `${t.findings} ${f.total}`, `${t.rate} ${percent(f.rates.completed)}`, `${t.signedOff} ${percent(f.rates.signedOff)}`, `${t.overdue} ${f.overdue}`, `${t.dueSoon} ${f.dueSoon}`, `${t.onTime} ${percent(f.outcomes.onTimeRate)}`, ...(lagging ? [`${t.lagging} ${lagging}`] : [])].join(' · ');
  };
  for (const [i, o] of r.organisations.entries()) {
    io.out(line(`${i + 1}. ${o.name} (${o.organisationId})`, o, o.organisationId));
    if (o.rounds.length > 1) for (const round of o.rounds) io.out(`   ${line(round.title, round, o.organisationId)}`);
  }
  io.out(line(t.all, r.all, undefined));
}
