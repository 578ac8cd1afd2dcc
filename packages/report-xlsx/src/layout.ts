import { text, type Locale, type LocalizedText } from '@rectify/core';

/** How a column's cells are written and read. */
export type ColumnKind =
  /** Text, formatted as text (`@`) so nothing typed there becomes a formula. */
  | 'text'
  /** A whole number. */
  | 'int'
  /** A calendar day, written as an Excel date (`yyyy-mm-dd`). */
  | 'day'
  /** Written for people, ignored on import (recomputed on export). */
  | 'derived'
  /**
   * Text of one item a line (佐证材料), read back item by item; a workbook written before
   * the column was added may lack it.
   */
  | 'lines';

/** One column of a sheet. */
export interface Column {
  key: string;
  header: LocalizedText;
  width: number;
  kind: ColumnKind;
}

/** One sheet of the workbook. */
export interface SheetLayout {
  name: LocalizedText;
  columns: readonly Column[];
}

const col = (key: string, zh: string, en: string, width: number, kind: ColumnKind = 'text'): Column => ({ key, header: text(zh, en), width, kind });

/**
 * The sheets of the ledger workbook and their columns, in order: the one table both
 * the writer and the reader follow. The reader finds columns by their header (in
 * either language), so a user may reorder them.
 */
export const LAYOUT = {
  problems: {
    name: text('问题清单', 'Findings'),
    columns: [
      col('id', '问题编号', 'Finding ID', 16),
      col('categoryOrdinal', '类别序号', 'Category no.', 9, 'int'),
      col('category', '问题类别', 'Category', 28, 'derived'),
      col('ordinal', '问题序号', 'No.', 9, 'int'),
      col('title', '反馈问题', 'Finding', 60),
      col('status', '整改状态', 'Status', 24),
      col('deadline', '整改期限', 'Deadline', 12, 'day'),
      col('completedOn', '完成日期', 'Completed on', 12, 'day'),
      col('signedOffOn', '销号日期', 'Signed off on', 12, 'day'),
      col('reopenings', '重新整改次数', 'Reopenings', 12, 'int'),
      col('daysOverdue', '逾期天数', 'Days overdue', 10, 'derived'),
      col('light', '预警', 'Warning', 8, 'derived'),
    ],
  },
  tasks: {
    name: text('任务清单', 'Measures'),
    columns: [
      col('findingId', '问题编号', 'Finding ID', 16),
      col('finding', '反馈问题', 'Finding', 30, 'derived'),
      col('id', '措施编号', 'Measure ID', 12),
      col('ordinal', '措施序号', 'No.', 9, 'int'),
      col('text', '整改措施', 'Measure', 70),
      col('kind', '措施类型', 'Kind', 12),
      col('deadline', '措施期限', 'Deadline', 12, 'day'),
      col('done', '完成情况', 'Done', 10),
      col('doneOn', '完成日期', 'Done on', 12, 'day'),
      col('evidence', '佐证材料', 'Evidence', 40, 'lines'),
    ],
  },
  responsibility: {
    name: text('责任清单', 'Responsibility'),
    columns: [
      col('findingId', '问题编号', 'Finding ID', 16),
      col('finding', '反馈问题', 'Finding', 30, 'derived'),
      col('leader', '责任领导', 'Leader in charge', 14),
      col('leadUnit', '牵头部门', 'Lead unit', 18),
      col('coUnits', '配合部门', 'Co-units', 24),
      col('person', '责任人', 'Responsible person', 14),
      col('originalDeadline', '原定期限', 'Original deadline', 12, 'day'),
    ],
  },
  ledger: {
    name: text('台账', 'Ledger'),
    columns: [
      col('findingId', '问题编号', 'Finding ID', 16),
      col('finding', '反馈问题', 'Finding', 30, 'derived'),
      col('on', '日期', 'Date', 12, 'day'),
      col('kind', '类型', 'Kind', 12),
      col('period', '所属月份', 'Month', 10),
      col('measureOrdinal', '措施序号', 'Measure no.', 10, 'int'),
      col('text', '进展情况', 'Progress', 70),
      col('actor', '记录人', 'Recorded by', 14),
      col('evidence', '佐证材料', 'Evidence', 40, 'lines'),
    ],
  },
  directory: {
    name: text('名录', 'Directory'),
    columns: [col('type', '类型', 'Type', 10), col('id', '编号', 'ID', 20), col('name', '名称', 'Name', 30)],
  },
  about: {
    name: text('说明', 'About'),
    columns: [col('key', '项目', 'Item', 16), col('value', '内容', 'Value', 60)],
  },
} as const satisfies Record<string, SheetLayout>;

/** The sheets, by their key in {@link LAYOUT}. */
export type SheetKey = keyof typeof LAYOUT;

/** Words written in cells (dropdown values, directory types, the about sheet). */
export const WORDS = {
  done: text('已完成', 'done'),
  open: text('未完成', 'open'),
  update: text('每周更新', 'weekly update'),
  monthly_report: text('月度报告', 'monthly report'),
  unit: text('部门', 'unit'),
  person: text('人员', 'person'),
  format: text('格式', 'Format'),
  inspectionId: text('巡察编号', 'Inspection ID'),
  inspectionTitle: text('巡察名称', 'Inspection'),
  inspectionKind: text('类型', 'Kind'),
  inspector: text('巡察组', 'Inspection team'),
  organisation: text('被巡察单位', 'Organisation'),
  asOf: text('统计截至', 'As of'),
  categories: text('问题类别', 'Categories'),
  categoryOrdinal: text('类别序号', 'Category no.'),
  note: text('说明', 'Note'),
  history: text('历史校验', 'History check'),
  digest: text('历史摘要', 'History digest'),
  noteText: text(
    '“逾期天数”和各表“反馈问题”列按统计截至日自动生成，导入时不读取；“名录”将表中的部门和人员名称对应到编号。',
    '“Days overdue” and the “Finding” columns of the other sheets are computed for the day above and ignored on import; “Directory” maps the unit and people names to their IDs.',
  ),
} as const;

/** The format tag written in the about sheet, checked on import. */
export const FORMAT_TAG = 'rectify.ledger/1';

/** Separator of the co-units in one cell. */
export const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', en: '; ' };

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** The most rows a sheet holds in Excel (2^20), the header row included. */
export const MAX_SHEET_ROWS = 1_048_576;
