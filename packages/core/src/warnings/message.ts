import { formatDay } from '../i18n/date-format.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { RaiseReason } from './light.js';
import type { WarningNotice } from './notices.js';
import type { Light } from './policy.js';

/** Names of the lights: 绿灯, 黄灯, 红灯. */
export const LIGHT_LABELS: Record<Light, LocalizedText> = {
  green: { 'zh-CN': '绿灯', en: 'green' },
  yellow: { 'zh-CN': '黄灯', en: 'yellow' },
  red: { 'zh-CN': '红灯', en: 'red' },
};

/** Names of what raises a light. */
export const RAISE_REASON_LABELS: Record<RaiseReason, LocalizedText> = {
  stale_ledger: { 'zh-CN': '台账未按周更新', en: 'the ledger was not updated this week' },
  missed_monthly_report: { 'zh-CN': '月报逾期未报', en: 'a monthly report is overdue' },
  relapse: { 'zh-CN': '回头看发现问题反弹', en: 'a look-back found the problem back' },
};

/** A warning as a channel sends it: a subject line, plain text, and Markdown for group robots. */
export interface WarningMessage {
  subject: string;
  text: string;
  markdown: string;
}

/** Names the message may use in place of ids, when the app knows them. */
export interface WarningMessageOptions {
  locale?: Locale;
  /** The person told, by name (else the message greets no one). */
  personName?: string;
  /** The organisation, by name. */
  organisationName?: string;
}

/**
 * The words of a warning, in Chinese (default) or English: the light, the finding, the
 * deadline, the days left or overdue, what raised the light, and the measures still open.
 *
 * @example
 * ```ts
 * warningMessage(notice).subject; // '【红灯预警】“干部队伍建设有待加强”已逾期3天'
 * ```
 */
export function warningMessage(notice: WarningNotice, options: WarningMessageOptions = {}): WarningMessage {
  const locale = options.locale ?? 'zh-CN';
  const zh = locale === 'zh-CN';
  const label = LIGHT_LABELS[notice.light][locale];
  const when =
    notice.daysLeft < 0 ? (zh ? `已逾期${-notice.daysLeft}天` : `${-notice.daysLeft} days overdue`)
    : notice.daysLeft === 0 ? (zh ? '今天到期' : 'due today')
    : zh ? `距整改时限还有${notice.daysLeft}天（${notice.workingDaysLeft}个工作日）`
    : `due in ${notice.daysLeft} days (${notice.workingDaysLeft} working days)`;
  // What raised the light goes in the subject too: "red, due in 9 days" reads as a mistake without it.
  const reasons = notice.reasons.map((r) => RAISE_REASON_LABELS[r][locale]).join(zh ? '、' : ', ');
  const why = reasons === '' ? '' : zh ? `；${reasons}` : `; ${reasons}`;
  const subject = zh ? `【${label}预警】“${notice.title}”${when}${why}` : `[${label} warning] "${notice.title}": ${when}${why}`;
  const lines: string[] = [];
  if (options.personName !== undefined) lines.push(zh ? `${options.personName}同志：` : `Dear ${options.personName},`);
  if (options.organisationName !== undefined) lines.push(zh ? `单位：${options.organisationName}` : `Organisation: ${options.organisationName}`);
  lines.push(zh ? `问题：${notice.title}（${notice.findingId}）` : `Finding: ${notice.title} (${notice.findingId})`);
  lines.push(zh ? `整改时限：${formatDay(notice.deadline, locale)}，${when}` : `Deadline: ${formatDay(notice.deadline, locale)}, ${when}`);
  if (reasons !== '') {
    lines.push(zh ? `预警升级原因：${reasons}` : `Raised because ${reasons}`);
  }
  if (notice.openMeasures.length > 0) {
    lines.push(zh ? `尚未完成的整改措施（${notice.openMeasures.length}项）：` : `Measures still open (${notice.openMeasures.length}):`);
    for (const m of notice.openMeasures) lines.push(`  ${m.ordinal}. ${m.text}`);
  } else {
    lines.push(zh ? '整改措施均已完成，请及时提交完成并申请销号。' : 'Every measure is done: record the completion and request sign-off.');
  }
  const text = lines.join('\n');
  const markdown = [`**${subject}**`, '', ...lines.map((l) => (l.startsWith('  ') ? `> ${l.trim()}` : l))].join('\n');
  return { subject, text, markdown };
}
