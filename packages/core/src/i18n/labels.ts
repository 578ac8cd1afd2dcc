import type { Reminder, ReminderKind } from '../analytics/reminders.js';
import type { CommandType } from '../lifecycle/commands.js';
import { EVENT_OF_COMMAND, type FindingEventType } from '../lifecycle/events.js';
import type { FindingStatus } from '../lifecycle/status.js';
import type { EvidenceKind } from '../model/evidence.js';
import type { InspectionKind } from '../model/inspection.js';
import type { MeasureKind } from '../model/measure.js';
import type { BuiltInRole } from '../model/roles.js';
import { text, type Locale, type LocalizedText } from './locale.js';

/** Names of the statuses. `notice` gives the wording a public notice uses (整改进度). */
export const STATUS_LABELS: Record<FindingStatus, LocalizedText & { notice: string }> = {
  not_started: { ...text('未启动', 'not started'), notice: '尚未启动' },
  in_progress: { ...text('正在整改', 'in progress'), notice: '正在整改' },
  completed: { ...text('已完成', 'completed'), notice: '已完成' },
  sustaining: { ...text('阶段性完成并需长期坚持', 'completed for this phase, sustained long-term'), notice: '阶段性完成并需长期坚持' },
  awaiting_signoff: { ...text('待审核销号', 'awaiting sign-off'), notice: '已完成' },
  signed_off: { ...text('已销号', 'signed off'), notice: '已完成' },
  reopened: { ...text('重新整改', 'reopened'), notice: '正在整改' },
};

/** Names of the measure kinds. */
export const MEASURE_KIND_LABELS: Record<MeasureKind, LocalizedText> = {
  immediate: text('立行立改', 'immediate'),
  by_deadline: text('限期整改', 'by deadline'),
  long_term: text('长期坚持', 'long-term'),
};

/** Names of the evidence kinds. */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, LocalizedText> = {
  document: text('文件', 'document'),
  regulation: text('制度', 'regulation'),
  meeting: text('会议', 'meeting'),
  training: text('培训', 'training'),
  activity: text('活动', 'activity'),
  link: text('链接', 'link'),
  file: text('附件', 'file'),
  note: text('说明', 'note'),
};

/** Names of the inspection kinds (the finding's source). */
export const INSPECTION_KIND_LABELS: Record<InspectionKind, LocalizedText> = {
  xunshi: text('巡视', 'inspection (xunshi)'),
  xuncha: text('巡察', 'inspection (xuncha)'),
  audit: text('审计', 'audit'),
  ducha: text('督查', 'supervision campaign'),
  internal_audit: text('内部审计', 'internal audit'),
  iso_audit: text('体系审核', 'ISO audit'),
  regulator: text('监管检查', 'regulatory inspection'),
  security: text('安全检查', 'security assessment'),
  other: text('其他', 'other'),
};

/** Every word an inspection kind is written with: its id, and its names in both languages (lower case). */
const INSPECTION_KIND_WORDS: ReadonlyMap<string, InspectionKind> = new Map(
  (Object.entries(INSPECTION_KIND_LABELS) as [InspectionKind, LocalizedText][]).flatMap(([kind, l]) => [[kind, kind], [l['zh-CN'], kind], [l.en.toLowerCase(), kind]] as [string, InspectionKind][]),
);

/**
 * The inspection kind a word names: its id (`xuncha`) or its name in either language
 * (巡察, `audit`, any case, spaces around ignored); `undefined` for any other word.
 *
 * @example
 * ```ts
 * inspectionKindOf('巡视'); // 'xunshi'
 * ```
 */
export function inspectionKindOf(word: string): InspectionKind | undefined {
  return INSPECTION_KIND_WORDS.get(word.trim().toLowerCase());
}

/** Names of the built-in roles. */
export const ROLE_LABELS: Record<BuiltInRole, LocalizedText> = {
  principal_leader: text('主要领导', 'principal leader'),
  leader_in_charge: text('分管领导', 'leader in charge'),
  responsible_person: text('责任人', 'responsible person'),
  coordinator: text('整改办', 'coordinating office'),
  inspector: text('巡察组', 'inspection team'),
  supervisor: text('纪委监委', 'supervisory body'),
  observer: text('查看人员', 'observer'),
};

/** Names of the commands, for menus and history views. */
export const COMMAND_LABELS: Record<CommandType, LocalizedText> = {
  create: text('登记问题', 'register finding'),
  assign: text('明确责任', 'assign'),
  add_measure: text('增加整改措施', 'add measure'),
  revise_measure: text('调整整改措施', 'revise measure'),
  withdraw_measure: text('撤销整改措施', 'withdraw measure'),
  start: text('启动整改', 'start'),
  record_progress: text('更新台账', 'record progress'),
  complete_measure: text('完成整改措施', 'complete measure'),
  define_indicator: text('设定量化指标', 'define indicator'),
  record_indicator: text('更新指标数据', 'record indicator'),
  complete: text('整改完成', 'complete'),
  mark_sustaining: text('阶段性完成', 'mark sustaining'),
  request_signoff: text('申请销号', 'request sign-off'),
  approve: text('审核通过', 'approve'),
  return: text('退回', 'return'),
  sign_off: text('销号', 'sign off'),
  schedule_review: text('安排“回头看”', 'schedule look-back'),
  record_review: text('记录“回头看”结果', 'record look-back'),
  reopen: text('重新打开', 'reopen'),
  request_extension: text('申请延期', 'request extension'),
  decide_extension: text('审批延期', 'decide extension'),
  supervise: text('督办', 'supervise'),
};

/** Names of the kinds of supervision. */
export const SUPERVISION_KIND_LABELS: Record<'urge' | 'interview' | 'accountability' | 'notice', LocalizedText> = {
  urge: text('督办', 'urge'),
  interview: text('约谈', 'accountability interview'),
  accountability: text('问责', 'accountability'),
  notice: text('通报', 'notice'),
};

/** Names of the kinds of reminder. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, LocalizedText> = {
  finding_deadline: text('整改时限', 'rectification deadline'),
  measure_deadline: text('措施完成时限', 'measure deadline'),
  review: text('回头看', 'look-back review'),
  ledger_update: text('台账更新', 'ledger update'),
  monthly_report: text('月报', 'monthly report'),
  rectification_report: text('整改情况报告', 'rectification report'),
};

/** Names of where a reminder stands. */
export const REMINDER_STATE_LABELS: Record<Reminder['state'], LocalizedText> = {
  overdue: text('已逾期', 'overdue'),
  due_today: text('今日到期', 'due today'),
  upcoming: text('即将到期', 'upcoming'),
};

/**
 * Picks one locale from a label.
 *
 * @example
 * ```ts
 * label(STATUS_LABELS.sustaining, 'zh-CN'); // '阶段性完成并需长期坚持'
 * ```
 */
export function label(value: LocalizedText, locale: Locale): string {
  return value[locale];
}

const COMMAND_OF_EVENT = Object.fromEntries(Object.entries(EVENT_OF_COMMAND).map(([command, event]) => [event, command])) as Record<FindingEventType, CommandType>;

/**
 * The name of an event in a history view: the name of the command that produced it.
 *
 * @example
 * ```ts
 * eventLabel('measure_completed', 'zh-CN'); // '完成整改措施'
 * ```
 */
export function eventLabel(type: FindingEventType, locale: Locale): string {
  return COMMAND_LABELS[COMMAND_OF_EVENT[type]][locale];
}
