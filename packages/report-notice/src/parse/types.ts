import type { CalendarDay, Contact, FindingStatus } from '@rectify/core';

/**
 * A value read from a notice, with the line it came from (1-based, in the text as
 * given) and how sure the reading is: 1 when the text said it plainly, less when it
 * was a guess (a date with characters lost, a signer without a date below it).
 */
export interface Located<T> {
  value: T;
  line: number;
  confidence: number;
}

/** Something odd in the notice, with the line where it is. The parser never throws on it. */
export interface NoticeWarning {
  /** A stable code, e.g. `numbering_gap`, `unbalanced_quotes`, `totals_mismatch`. */
  code: string;
  line: number;
  message: string;
}

/** One measure (一是…) of a finding. */
export interface ParsedMeasure {
  /** The number it carries (一是 = 1); kept as written, gaps included. */
  ordinal: number;
  /** Its text, without the number and the closing ；or 。. */
  text: string;
  line: number;
}

/** A document issued, as the notice cites it (印发《…》). */
export interface ParsedDocument {
  title: string;
  /** The day it was issued, when the sentence gives one. */
  issuedOn: CalendarDay | undefined;
  line: number;
}

/** A quantified result (比整改前增加6名, 提高4.1%, 由18人增加到24人). */
export interface ParsedResult {
  /** The words as written. */
  text: string;
  /** `increase` or `decrease`, when the words say which. */
  direction: 'increase' | 'decrease' | undefined;
  value: number;
  /** 名, 人, 个, 项, %, 万元… or '' when none. */
  unit: string;
  line: number;
}

/** How a finding's heading was written. */
export type FindingOpening = 'targeting' | 'about' | 'aspect' | 'problem';

/** One finding (1、针对“…”问题) with what the notice says of it. */
export interface ParsedFinding {
  /** Its number within its category, as written. */
  ordinal: number;
  /** The problem, without the opening words (针对“ … ”问题). */
  title: string;
  line: number;
  /** The category （一）… it sits under; `null` when the notice has none. */
  categoryOrdinal: number | null;
  /**
   * The section 一、… it sits in; `null` before the first. An office's digest gives each
   * inspected unit a section of its own (一、区发展改革局 问题：… 整改：…).
   */
  sectionOrdinal: number | null;
  opening: FindingOpening;
  measures: ParsedMeasure[];
  /** The status line (整改进度：…), mapped to a status, with the wording kept. */
  status: (Located<FindingStatus> & { wording: string }) | undefined;
  /** Paragraphs under the finding that are neither measures nor the status. */
  narrative: string[];
  documents: ParsedDocument[];
  results: ParsedResult[];
}

/** A category （一）… of findings. */
export interface ParsedCategory {
  ordinal: number;
  title: string;
  line: number;
}

/** A numbered section 一、… of the notice. */
export interface ParsedSection {
  ordinal: number;
  title: string;
  line: number;
  /** `findings` when it holds findings; `text` when it is narrative. */
  kind: 'findings' | 'text';
  /** Its paragraphs, for a narrative section. */
  paragraphs: { text: string; line: number }[];
}

/** Who inspected whom and when, who publishes, how to reach them. */
export interface ParsedInspection {
  title: Located<string> | undefined;
  /** The publishing organisation, from the title (…关于…的通报) or the signature. */
  issuer: Located<string> | undefined;
  /** The inspection teams, e.g. 区委第一巡察组, 中央第十巡视组. */
  inspectors: Located<string>[];
  /** The organisations inspected. */
  inspected: Located<string>[];
  kind: Located<'xunshi' | 'xuncha'> | undefined;
  onSite: Located<{ start: CalendarDay; end: CalendarDay }> | undefined;
  feedbackDate: Located<CalendarDay> | undefined;
  publishedOn: Located<CalendarDay> | undefined;
  signer: Located<string> | undefined;
  contacts: Located<Contact>[];
  /** The opening paragraph, and any before the first section, one a line. */
  preamble: Located<string> | undefined;
  /** The paragraph inviting supervision. */
  closing: Located<string> | undefined;
}

/**
 * Totals an aggregate notice states (反馈的120个问题，完成整改112个…), each where it was
 * read, and whether they add up.
 */
export interface NoticeTotals {
  /** Problems fed back (反馈问题N个; M in N个方面M个问题). */
  findings?: Located<number>;
  /** Completed (已完成整改N个). */
  completed?: Located<number>;
  /** Being worked on (正在整改, 正在推进, 基本完成取得阶段性成果并持续整改). */
  inProgress?: Located<number>;
  /** Not completed (未完成, 尚未完成): counted apart from those in progress. */
  notCompleted?: Located<number>;
  /** Long-term ones (长期坚持, 长期整改任务). */
  longTerm?: Located<number>;
  /** 基本完成 / 阶段性完成. */
  sustaining?: Located<number>;
  /** Rectification measures (整改措施N条, N项具体整改措施). */
  measures?: Located<number>;
  /** Rectification tasks (N项整改任务), which a notice may count instead of problems. */
  tasks?: Located<number>;
  /** The completion rate as stated, in per cent. */
  completionRate?: Located<number>;
  /** 完善和新建制度…项. */
  regulations?: Located<number>;
  /** 追回资金…, in yuan. */
  fundsRecovered?: Located<number>;
  /** People held accountable (问责…人). */
  accountable?: Located<number>;
  /**
   * True when the parts and the rate agree with the whole: the problems, or the tasks
   * where the parts are the tasks' (细化为整改任务64项…已完成58项，长期坚持6项); true too
   * when there is nothing to check.
   */
  consistent: boolean;
}

/** What {@link parseNotice} reads from a notice. */
export interface ParsedNotice {
  inspection: ParsedInspection;
  sections: ParsedSection[];
  categories: ParsedCategory[];
  findings: ParsedFinding[];
  totals: NoticeTotals;
  warnings: NoticeWarning[];
}
