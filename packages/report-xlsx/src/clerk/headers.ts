import { normaliseLabel } from './words.js';

/** What a ledger column can mean to the importer. */
export type LedgerField =
  | 'ordinal' | 'id' | 'link' | 'category' | 'title' | 'detail' | 'measures' | 'goal' | 'kind'
  | 'principalLeader' | 'leader' | 'leadUnit' | 'coUnits' | 'person'
  | 'deadline' | 'revisedDeadline' | 'status' | 'progress' | 'completedOn' | 'signedOffOn' | 'note'
  /** A column the importer knows and deliberately leaves out (问题来源, Risk rating). */
  | 'ignored';

/**
 * Header words for each field, as ledgers write them (compared after
 * normalising: width, case and white space do not matter). The first
 * column that takes a field keeps it; a second one for 'title' becomes the detail.
 */
export const HEADER_WORDS: Readonly<Record<LedgerField, readonly string[]>> = {
  ordinal: ['序号', '编号', '问题编号', '整改序号', '问题序号', '序', '任务编号', '任务序号', '措施编号', '措施序号', 'no.', 'no', '#', 'item', 'ref', 'ref.'],
  id: ['finding id', 'finding no.', 'finding ref', 'issue id', 'id', '问题id', 'nc no.', 'nc no', 'nc ref', 'nc id', 'observation no.'],
  link: ['对应问题序号', '所属问题序号', '关联问题序号', '问题序号'],
  category: ['问题类别', '类别', '问题类型', '方面', '所属方面', '问题分类', '问题所属方面', '领域', '问题领域', 'audit', 'category', 'area', 'audit area', 'theme', 'clause', 'standard clause', 'process'],
  title: ['反馈问题', '存在问题', '存在的问题', '反馈的问题', '发现的问题', '主要问题', '问题描述', '问题表现', '问题具体表现', '具体问题', '问题内容', '问题', '巡察反馈问题', '巡视反馈问题', '反馈问题内容', '问题名称', '发现问题', '审计发现问题', 'finding title', 'finding', 'issue', 'title', 'observation', 'finding description', 'nonconformity', 'non-conformity', 'nc description', 'issue description'],
  detail: ['description', '问题详情', '具体表现', '详细描述', 'details'],
  measures: ['整改措施', '整改任务', '具体措施', '整改举措', '措施', '具体整改措施', '整改措施及任务', '整改方案', 'action plan', 'corrective action', 'management action', 'actions', 'agreed action', 'remediation plan', 'management response'],
  goal: ['整改目标', '目标', '预期目标'],
  kind: ['整改类型', '整改方式', '整改时限类型', '措施类型'],
  principalLeader: ['牵头领导', '主要领导', '第一责任人', '主体责任人'],
  leader: ['责任领导', '分管领导', '分管负责人', '责任校领导', '责任局领导', '督办领导', '包抓领导'],
  leadUnit: ['责任单位', '责任部门', '责任科室', '责任股室', '牵头单位', '牵头部门', '责任处室', '承办单位', '主责单位', '主责部门', '牵头科室', '责任主体', 'department', 'unit', 'business unit', 'function'],
  coUnits: ['配合单位', '配合部门', '协办单位', '协办部门', '协办科室', '协同单位', '协同部门', '配合科室', '参与单位', 'supporting units'],
  person: ['责任人', '具体责任人', '具体负责人', '经办人', '具体经办人', '负责人', '具体人员', '联系人', 'owner', 'action owner', 'responsible', 'responsible person', 'accountable'],
  deadline: ['整改时限', '完成时限', '整改期限', '时间节点', '完成期限', '整改时间', '计划完成时间', '整改完成时限', '完成时间节点', '截止时间', '时限', '期限', '完成时间节点要求', 'due date', 'target date', 'deadline', 'original due date', 'target completion date'],
  revisedDeadline: ['revised due date', 'revised target date', '调整后时限', '延期至', '延期后时限', '调整后完成时限', 'new due date'],
  status: ['整改状态', '完成情况', '状态', '整改完成情况', '是否完成', '整改结果', '完成状态', 'status', 'current status'],
  progress: ['整改进展', '进展情况', '整改落实情况', '整改进展情况', '工作进展', '推进情况', '落实情况', '整改成效', '进展', 'progress', 'update', 'progress update', 'latest update'],
  completedOn: ['实际完成时间', '完成日期', '实际完成日期', 'date closed', 'closed date', 'completion date', 'date completed', 'actual completion date', 'closed on', 'completed on', 'date of closure'],
  signedOffOn: ['销号时间', '销号日期'],
  note: ['备注', '佐证材料', '说明', 'comments', 'remarks', 'notes', 'comment'],
  ignored: ['问题来源', '来源', 'risk rating', 'rating', 'severity', 'priority', '风险等级', '整改要求', 'root cause', '联系电话', 'evidence of closure', '督办情况'],
};

/**
 * Headers whose meaning depends on the sheet: 完成时间 is the deadline in a sheet with
 * no other deadline column and the completion day otherwise; 整改情况 and 整改进度 are
 * a status where the column holds status words and progress otherwise.
 */
export const AMBIGUOUS_HEADERS: Readonly<Record<string, readonly LedgerField[]>> = {
  完成时间: ['completedOn', 'deadline'],
  整改情况: ['status', 'progress'],
  整改进度: ['status', 'progress'],
  落实情况及进度: ['status', 'progress'],
};

const WORD_FIELD = new Map<string, LedgerField>();
for (const [field, words] of Object.entries(HEADER_WORDS) as [LedgerField, readonly string[]][]) {
  for (const w of words) if (!WORD_FIELD.has(normaliseLabel(w))) WORD_FIELD.set(normaliseLabel(w), field);
}
const AMBIGUOUS = new Map(Object.entries(AMBIGUOUS_HEADERS).map(([w, f]) => [normaliseLabel(w), f]));

/** What a header cell says: a known field, an ambiguous one to settle by content, or nothing known. */
export type HeaderMatch = { field: LedgerField } | { ambiguous: readonly LedgerField[] } | undefined;

/**
 * Matches a header cell's text: exactly (after normalising), then without a bracketed
 * note (`整改时限（年月日）`), then by the longest known word it starts or ends with
 * (`问题整改措施`, `整改完成时限`); a week column (`第3周`, `10月8日进展`) is progress.
 */
export function matchHeader(raw: string, extra: ReadonlyMap<string, LedgerField> = new Map()): HeaderMatch {
  const key = normaliseLabel(raw);
  if (key === '' || key.length > 40) return undefined;
  const exact = (k: string): HeaderMatch => {
    const x = extra.get(k);
    if (x) return { field: x };
    const a = AMBIGUOUS.get(k);
    if (a) return { ambiguous: a };
    const f = WORD_FIELD.get(k);
    return f ? { field: f } : undefined;
  };
  const direct = exact(key);
  if (direct) return direct;
  const bare = key.replace(/[(（][^)）]*[)）]/g, '');
  if (bare !== key && bare !== '') {
    const b = exact(bare);
    if (b) return b;
  }
  let best: { word: string; field: LedgerField } | undefined;
  for (const [word, field] of WORD_FIELD) {
    if (word.length < 3 || /^[a-z.#]+$/.test(word) && word.length < 5) continue;
    if ((bare.startsWith(word) || bare.endsWith(word)) && (best === undefined || word.length > best.word.length)) best = { word, field };
  }
  return best ? { field: best.field } : undefined;
}

/** A week's column of progress (`第3周`, `9月第2周`, `10月8日`, `2023-10-08`, `10.8进展`): its date when the header gives one. */
export function weekColumn(raw: string): { label: string } | undefined {
  const key = normaliseLabel(raw);
  if (/^(\d{1,2}月)?第[一二三四五六七八九十\d]+周(进展|情况|更新)?$/.test(key)) return { label: raw.trim() };
  if (/^(\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?(进展|情况|更新|周)?$/.test(key)) return { label: raw.trim() };
  if (/^week\d+$|^wk\d+$/.test(key)) return { label: raw.trim() };
  return undefined;
}
