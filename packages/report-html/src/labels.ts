import type { ChainBreakKind, Locale } from '@rectify/core';

/** The words of the dashboard, per locale. */
export const DASHBOARD_TEXT = {
  'zh-CN': {
    asOf: '截至',
    integrity: {
      /** The footer's line when the history verified: how many events, and the digest's start. */
      verified: (n: number, digest: string) => `历史记录经哈希链校验完整（${n} 条，摘要 ${digest}）`,
      /** The warning when events were edited, removed or inserted. */
      broken: (n: number) => `历史记录校验未通过：${n} 处被改动、删除或插入`,
      /** One break: which finding's which event, and what happened to it. */
      entry: (findingId: string, version: number, kind: ChainBreakKind) =>
        `问题 ${findingId} 第 ${version} 条记录${{ edited: '写入后被改动', removed: '被删除', inserted: '是插入的', unchained: '没有哈希' }[kind]}`,
      /** The line when some events carry no hash. */
      unchained: (n: number) => `${n} 条历史记录无哈希（早于哈希链写入），无法校验`,
    },
    lights: '预警',
    figures: { total: '问题总数', done: '已完成', sustaining: '阶段性完成', signedOff: '已销号', open: '未完成', overdue: '逾期', dueSoon: '即将到期', rate: '完成率' },
    charts: { byCategory: '各类问题整改状态', byUnit: '各责任部门整改进度', overTime: '未完成与逾期问题变化', burnDown: '集中整改期燃尽图' },
    noHistory: '未提供整改记录，无法绘制。',
    noPeriod: '未设定集中整改期。',
    tables: { overdue: '逾期未完成问题', dueSoon: '即将到期问题', lagging: '整改滞后的责任部门', stale: '台账未按时更新', outcomes: '按期完成情况' },
    outcomes: { onTime: '按期完成', withinExtension: '延期后按期完成', late: '逾期完成', pending: '延期申请待批', rate: '按期完成率' },
    none: '无',
    cols: {
      finding: '问题', unit: '责任部门', deadline: '整改期限', original: '原定期限', daysOverdue: '逾期天数', daysLeft: '剩余天数', status: '状态',
      rank: '排名', findings: '问题数', open: '未完成', overdue: '逾期', stale: '台账滞后', lag: '进度滞后', score: '滞后指数',
      lastUpdate: '最近更新', daysSince: '间隔天数', completedOn: '完成日期', outcome: '情况',
    },
    list: '问题清单',
    measures: '整改措施',
    leader: '责任领导', person: '责任人', coUnits: '配合部门',
    progress: '整改台账', history: '办理记录',
    uncategorised: '未分类问题',
    done: '已完成', notDone: '未完成',
  },
  en: {
    asOf: 'As of',
    integrity: {
      /** The footer's line when the history verified: how many events, and the digest's start. */
      verified: (n: number, digest: string) => `History verified by its hash chain (${n} events, digest ${digest})`,
      /** The warning when events were edited, removed or inserted. */
      broken: (n: number) => `History failed verification: ${n} events edited, removed or inserted`,
      /** One break: which finding's which event, and what happened to it. */
      entry: (findingId: string, version: number, kind: ChainBreakKind) =>
        `finding ${findingId}, event ${version}: ${{ edited: 'changed after it was written', removed: 'removed', inserted: 'inserted', unchained: 'carries no hash' }[kind]}`,
      /** The line when some events carry no hash. */
      unchained: (n: number) => `${n} events carry no hash (written before the chain) and cannot be checked`,
    },
    lights: 'Warnings',
    figures: { total: 'Findings', done: 'Completed', sustaining: 'Done for this phase', signedOff: 'Signed off', open: 'Open', overdue: 'Overdue', dueSoon: 'Due soon', rate: 'Completion rate' },
    charts: { byCategory: 'Status by category', byUnit: 'Progress by lead unit', overTime: 'Open and overdue findings over time', burnDown: 'Burn-down over the concentrated period' },
    noHistory: 'No history was given, so there is nothing to draw.',
    noPeriod: 'No concentrated rectification period is set.',
    tables: { overdue: 'Overdue findings', dueSoon: 'Due soon', lagging: 'Lagging units', stale: 'Stale ledgers', outcomes: 'Deadlines met' },
    outcomes: { onTime: 'completed on time', withinExtension: 'within an extension', late: 'completed late', pending: 'extension requests pending', rate: 'on-time rate' },
    none: 'None',
    cols: {
      finding: 'Finding', unit: 'Lead unit', deadline: 'Deadline', original: 'Original deadline', daysOverdue: 'Days overdue', daysLeft: 'Days left', status: 'Status',
      rank: 'Rank', findings: 'Findings', open: 'Open', overdue: 'Overdue', stale: 'Stale ledgers', lag: 'Behind plan', score: 'Score',
      lastUpdate: 'Last update', daysSince: 'Days since', completedOn: 'Completed on', outcome: 'Outcome',
    },
    list: 'Findings',
    measures: 'Measures',
    leader: 'Leader in charge', person: 'Responsible person', coUnits: 'Co-units',
    progress: 'Ledger', history: 'History',
    uncategorised: 'Uncategorised findings',
    done: 'done', notDone: 'open',
  },
} as const satisfies Record<Locale, unknown>;
