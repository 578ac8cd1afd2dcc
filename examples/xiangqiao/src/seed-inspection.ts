/**
 * The inspection round of the seed notice as data: who inspected whom and when, the
 * three categories, the leading group, the milestones and tallies of section 一, and
 * what the notice discloses (contacts, signer, date).
 *
 * People and most units are not named in the notice: those are invented for the
 * example and marked `illustrative: true`. 政工室, 社区矫正中心 and the 司法所 are named
 * in the notice.
 */
import type { InspectionInput, OrganisationInput, PersonInput } from '@rectify/core';

export const ORGANISATION: OrganisationInput = {
  id: 'xq-sfj',
  name: '潮州市湘桥区司法局党组',
  shortName: '区司法局',
  units: [
    { id: 'u-zhenggong', name: '政工室', kind: '股室' },
    { id: 'u-shejiao', name: '社区矫正中心', kind: '中心' },
    { id: 'u-fazhi', name: '法治督察股', kind: '股室', illustrative: true },
    { id: 'u-pufa', name: '普法与依法治理股', kind: '股室', illustrative: true },
    { id: 'u-gonggong', name: '公共法律服务股', kind: '股室', illustrative: true },
    { id: 'u-tiaojie', name: '人民参与和促进法治股', kind: '股室', illustrative: true },
    { id: 'u-caiwu', name: '财务室', kind: '股室', illustrative: true },
    { id: 'u-chengxi', name: '城西司法所', kind: '所' },
    { id: 'u-tiepu', name: '铁铺司法所', kind: '所' },
    { id: 'u-taiping', name: '太平司法所', kind: '所' },
    { id: 'u-fengxin', name: '凤新司法所', kind: '所' },
  ],
};

const person = (id: string, name: string, title: string, roles: string[], unitId?: string, organisationId = 'xq-sfj'): PersonInput => ({
  id, name, title, roles, organisationId, illustrative: true, ...(unitId ? { unitId } : {}),
});

/** Every name here is invented; the notice names no person. */
export const PEOPLE: PersonInput[] = [
  person('p-shuji', '陈书记', '党组书记、局长', ['principal_leader']),
  person('p-fg-zg', '林副局长', '党组成员、副局长（分管政工、财务）', ['leader_in_charge']),
  person('p-fg-fz', '黄副局长', '党组成员、副局长（分管法治、普法、公共法律服务）', ['leader_in_charge']),
  person('p-fg-sj', '郑副局长', '党组成员、副局长（分管社区矫正、人民调解）', ['leader_in_charge']),
  person('p-zg', '李主任', '政工室主任', ['responsible_person', 'coordinator'], 'u-zhenggong'),
  person('p-sj', '吴主任', '社区矫正中心主任', ['responsible_person'], 'u-shejiao'),
  person('p-fz', '张股长', '法治督察股股长', ['responsible_person'], 'u-fazhi'),
  person('p-pf', '蔡股长', '普法与依法治理股股长', ['responsible_person'], 'u-pufa'),
  person('p-gg', '许股长', '公共法律服务股股长', ['responsible_person'], 'u-gonggong'),
  person('p-tj', '刘股长', '人民参与和促进法治股股长', ['responsible_person'], 'u-tiaojie'),
  person('p-cw', '杨会计', '财务室负责人', ['responsible_person'], 'u-caiwu'),
  person('p-xcz', '区委第一巡察组组长', '区委第一巡察组', ['inspector'], undefined, 'xq-xcb'),
];

/** The responsible leader (分管领导) and person of each unit, for assignments. */
export const UNIT_LEADS: Record<string, { leaderId: string; personId: string }> = {
  'u-zhenggong': { leaderId: 'p-fg-zg', personId: 'p-zg' },
  'u-caiwu': { leaderId: 'p-fg-zg', personId: 'p-cw' },
  'u-fazhi': { leaderId: 'p-fg-fz', personId: 'p-fz' },
  'u-pufa': { leaderId: 'p-fg-fz', personId: 'p-pf' },
  'u-gonggong': { leaderId: 'p-fg-fz', personId: 'p-gg' },
  'u-shejiao': { leaderId: 'p-fg-sj', personId: 'p-sj' },
  'u-tiaojie': { leaderId: 'p-fg-sj', personId: 'p-tj' },
};

export const INSPECTION: InspectionInput = {
  id: 'xq-2023-xuncha',
  kind: 'xuncha',
  title: '区委第一巡察组对湘桥区司法局党组的巡察',
  inspector: { name: '区委第一巡察组', organisation: '中共潮州市湘桥区委' },
  subjectOrganisationId: 'xq-sfj',
  onSite: { start: '2023-04-12', end: '2023-06-30' },
  feedbackDate: '2023-08-17',
  planAdoptedDate: '2023-08-30',
  // 2015 条例 第二十七条: the 整改情况报告 within two months of the feedback. The notice does not say when it went.
  reportDueDate: '2023-10-17',
  // The notice gives no end date; its figures are "截至11月中旬". Illustrative.
  concentratedPeriod: { start: '2023-08-17', end: '2023-11-17' },
  categories: [
    { id: 'c1', ordinal: 1, title: '党的路线方针政策和党中央重大决策部署的贯彻落实方面' },
    { id: 'c2', ordinal: 2, title: '群众身边腐败问题和不正之风以及群众反映热烈的问题方面' },
    { id: 'c3', ordinal: 3, title: '基层党组织领导班子和干部队伍建设方面' },
  ],
  leadingGroup: {
    name: '区司法局巡察整改工作领导小组',
    leaderId: 'p-shuji',
    deputyIds: ['p-fg-zg', 'p-fg-fz', 'p-fg-sj'],
    memberIds: ['p-zg', 'p-sj', 'p-fz', 'p-pf', 'p-gg', 'p-tj', 'p-cw'],
    officeUnitId: 'u-zhenggong',
  },
  milestones: [
    { on: '2023-08-17', title: '区委巡察组向湘桥区司法局党组反馈巡察意见' },
    { on: '2023-08-18', title: '召开系统会传达学习区委第一巡察组巡察局党组情况反馈会议精神', evidence: [{ kind: 'meeting', title: '系统会', heldOn: '2023-08-18' }] },
    { on: '2023-08-18', title: '局党组书记主持召开党组（扩大）会议，讨论整改方案，细化整改责任，研究部署工作措施', evidence: [{ kind: 'meeting', title: '党组（扩大）会议', heldOn: '2023-08-18' }] },
    {
      on: '2023-08-30',
      title: '召开党组（扩大）会议，确定整改方案和问题清单',
      evidence: [
        { kind: 'meeting', title: '党组（扩大）会议', heldOn: '2023-08-30' },
        { kind: 'document', title: '潮州市湘桥区司法局党组关于落实区委第一巡察组反馈意见整改方案', issuedOn: '2023-08-30' },
        { kind: 'document', title: '潮州市湘桥区司法局党组落实区委第一巡察组巡察反馈意见问题清单', issuedOn: '2023-08-30' },
      ],
    },
  ],
  tallies: [
    { kind: 'meeting', title: '党组会议', count: 7, description: '集中整改期间召开' },
    { kind: 'meeting', title: '系统巡察整改动员部署会', count: 1 },
    { kind: 'training', title: '全系统集中学习', count: 5 },
    { kind: 'training', title: '理论学习中心组学习', count: 3 },
    { kind: 'activity', title: '局主要领导集体约谈分管领导', count: 4, unit: '次' },
  ],
  disclosure: {
    contacts: [
      { kind: 'phone', value: '0768-2209224' },
      { kind: 'email', value: 'czxqsf@163.com' },
      { kind: 'email', value: 'czxqxcb@163.com', label: '区委巡察办', note: '来信注明：巡察整改落实情况监督' },
    ],
    signer: '中共潮州市湘桥区司法局党组（代章）',
    publishedOn: '2024-04-17',
  },
};

/** The day the notice was published: the example reports as of this day. */
export const NOTICE_DATE = '2024-04-17';

/** The day of the quantified results (截至11月中旬): the 15th is our reading. */
export const FIGURES_AS_OF = '2023-11-15';
