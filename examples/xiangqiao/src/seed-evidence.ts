/**
 * Evidence and indicators the seed notice states, by finding id and measure number:
 * documents issued with their dates, meetings, trainings, counted activities, and the
 * quantified results with their baselines (整改前 = now minus the stated change).
 */
import type { Evidence, IndicatorInput } from '@rectify/core';

/** Evidence per finding, per measure ordinal. */
export const SEED_EVIDENCE: Record<string, Record<number, Evidence[]>> = {
  'xq-1-1': {
    1: [{ kind: 'training', title: '邀请区委宣讲团贯彻党的二十大精神进行分享交流' }],
    3: [{ kind: 'activity', title: '组织全系统党员干部观看警示图片展' }],
  },
  'xq-1-2': {
    1: [
      { kind: 'meeting', title: '党组（扩大）会议', count: 7 },
      { kind: 'activity', title: '列第一议题', count: 7, unit: '个' },
    ],
  },
  'xq-1-3': {
    1: [{ kind: 'activity', title: '对全区各单位法治政府建设年度报告落实情况开展巡查', description: '2023年10月中旬' }],
    2: [{ kind: 'document', title: '关于进一步做好法治政府建设年度报告工作的通知', issuedOn: '2023-08-22' }],
    3: [{ kind: 'document', title: '广东省法治政府建设年度报告制度工作指引', description: '转发' }],
    4: [{ kind: 'document', title: '关于做好2023年法治政府建设年度报告工作的通知', issuedOn: '2023-10-30' }],
    5: [{ kind: 'activity', title: '党政主要负责人履行推进法治建设第一责任人专项督察', description: '2023年9月、10月' }],
  },
  'xq-1-4': {
    1: [{ kind: 'activity', title: '建成法治文化公园', count: 2, unit: '个' }],
    2: [{ kind: 'activity', title: '驻村（社区）法治宣讲活动', count: 12, unit: '场次' }],
  },
  'xq-1-5': {
    2: [{ kind: 'meeting', title: '矫情研判分析会', description: '各司法所每月召开2次' }],
    3: [{ kind: 'document', title: '关于开展社区矫正管理工作自查整改的通知', issuedOn: '2023-10-18' }],
    6: [
      { kind: 'training', title: '社区矫正业务培训', heldOn: '2023-09-08' },
      { kind: 'training', title: '社区矫正业务培训', heldOn: '2023-10-27' },
    ],
  },
  'xq-1-6': {
    1: [{ kind: 'document', title: '关于配合做好农村集体资产监管提质增效行动工作的通知', issuedOn: '2023-09-04' }],
    2: [
      { kind: 'activity', title: '一村（社区）一法律顾问宣传活动', count: 40, unit: '场次' },
      { kind: 'activity', title: '发放宣传册', count: 3000, unit: '份', description: '3000多份' },
    ],
    3: [
      { kind: 'activity', title: '随机抽查律师系统登记台账', count: 173, unit: '条' },
      { kind: 'activity', title: '联合市局开展季度实地督查', count: 2, unit: '次' },
    ],
  },
  'xq-1-7': { 1: [{ kind: 'activity', title: '设立公职律师的单位', count: 13, unit: '个' }] },
  'xq-1-8': { 2: [{ kind: 'document', title: '潮2023年州市湘桥区司法行政工作要点', description: '标题照录通报原文（原文有误）' }] },
  'xq-2-1': {
    1: [{ kind: 'training', title: '财务人员学习《会计基础工作规范》《行政事业单位会计制度》' }],
    2: [{ kind: 'note', text: '2023年上半年支付的一村（社区）一法律顾问经济补贴已全部收到各相关律师所开具的发票' }],
  },
  'xq-2-2': {
    1: [{ kind: 'note', text: '不牢固的原始凭证已重新装订' }],
    2: [{ kind: 'note', text: '凭证资料错乱问题再排查并全部完成整改' }],
  },
  'xq-2-3': {
    1: [{ kind: 'note', text: '专业性较强的岗位做好上岗前考察培训' }],
    2: [{ kind: 'note', text: '财务人员已完成2022年记账凭证整改工作' }],
  },
  'xq-2-4': {
    1: [{ kind: 'regulation', title: '潮州市湘桥区人民调解“以案定补”管理办法', issuedOn: '2023-09-28' }],
    2: [
      { kind: 'document', title: '湘桥区人民调解“以案定补”回访登记表' },
      { kind: 'document', title: '湘桥区人民调解“以案定补”检查登记表' },
    ],
  },
  'xq-2-5': { 2: [{ kind: 'training', title: '司法行政系统法治讲堂', count: 5 }] },
  'xq-2-6': { 1: [{ kind: 'regulation', title: '潮州市湘桥区司法局落实“三重一大”事项集体决策制度的实施办法' }] },
  'xq-3-2': {
    1: [
      { kind: 'activity', title: '对不在状态的党员干部谈心谈话', count: 2, unit: '人次' },
      { kind: 'activity', title: '对情绪波动党员干部谈心谈话', count: 5, unit: '人次' },
      { kind: 'activity', title: '对外出流动的党员干部谈心谈话', count: 3, unit: '人次' },
      { kind: 'activity', title: '对基层所负责人集中谈心谈话', count: 9, unit: '人次' },
    ],
  },
  'xq-3-3': { 2: [{ kind: 'regulation', title: '潮州市湘桥区司法局党风廉政建设责任制考核方案' }] },
  'xq-3-5': { 1: [{ kind: 'activity', title: '选调一名男性公务员充实基层司法所', heldOn: '2023-08-30', count: 1, unit: '名' }] },
  'xq-3-7': {
    2: [
      { kind: 'regulation', title: '潮州市湘桥区司法局公务员平时考核工作方案' },
      { kind: 'document', title: '潮州市湘桥区司法局关于建立基层司法所业务常态化通报机制的通知', description: '拟定' },
    ],
  },
  'xq-3-8': {
    1: [{ kind: 'regulation', title: '潮州市湘桥区司法局用人选人制度' }],
    2: [{ kind: 'activity', title: '干部选拔任用、职务职级晋升', count: 9, unit: '人次' }],
  },
};

/** A quantified result: its definition and the value the notice gives (截至11月中旬). */
export interface SeedIndicator {
  findingId: string;
  indicator: IndicatorInput;
  value: number;
}

/** The notice's quantified results. Baselines are the value minus the stated change. */
export const SEED_INDICATORS: SeedIndicator[] = [
  { findingId: 'xq-1-7', indicator: { id: 'gzls', name: '设立公职律师人数', unit: '名', baseline: 18, scope: '13个单位' }, value: 24 },
  { findingId: 'xq-1-7', indicator: { id: 'fzzg', name: '全区具有法律职业资格或律师资格的人员', unit: '人' }, value: 62 },
  { findingId: 'xq-3-4', indicator: { id: 'fxbj', name: '在职干部中具有法学专业背景的比例', unit: '%', baseline: 38.9, scope: '在职干部35名，法学专业背景15人' }, value: 43 },
  { findingId: 'xq-3-4', indicator: { id: 'zgks', name: '在职干部中通过法律职业资格考试的比例', unit: '%', baseline: 7.8, scope: '通过法律职业资格考试11人' }, value: 11 },
  { findingId: 'xq-3-4', indicator: { id: 'tjy-fx', name: '专职人民调解员中具有法学专业背景的比例', unit: '%', baseline: 12.47, scope: '专职人民调解员15人，法学专业背景2人' }, value: 13.3 },
  { findingId: 'xq-3-5', indicator: { id: 'sfs-nan', name: '基层司法所在职干部中男性比例', unit: '%', baseline: 26.3, scope: '基层司法所在职干部20人，男性6人' }, value: 30 },
  { findingId: 'xq-3-5', indicator: { id: 'tjy-nan', name: '专职调解员中男性比例', unit: '%', baseline: 12.47, scope: '专职调解员15人，男性2人' }, value: 13.3 },
];

/**
 * Where the seed notice is inconsistent with itself. A renderer that reproduces the
 * notice from this data differs from the seed exactly here.
 */
export const SEED_ODDITIES: { where: string; what: string }[] = [
  { where: '二（一）5', what: 'Measures are numbered 一是, 二是, 三是, 四是, 六是: 五是 is missing (the data keeps ordinal 6).' },
  { where: '二（一）6', what: 'The title has one opening quote too few: 针对“一村一法律顾问”工作存在短板”问题 (the data has the intended “一村一法律顾问”工作存在短板).' },
  { where: '二（三）2', what: 'The status line 阶段性完成并需长期坚持。 is repeated at the start of 整改情况.' },
  { where: '二（一）8', what: 'A document title is garbled: 《潮2023年州市湘桥区司法行政工作要点》 (kept as written).' },
  { where: '二（三）4', what: '通过法律职业资格考试11人，占11%: 11 of 35 cadres is 31.4%, not 11%.' },
  { where: '二（三）4, 二（三）5', what: 'Changes such as 比整改前提高4.1% are percentage points, not per cent.' },
  { where: '二（一）1', what: 'A half-width comma in full-width text: 学习力度和强度,强化.' },
  { where: 'closing', what: 'The e-mail address czxqxcb@163.com is broken across lines.' },
];
