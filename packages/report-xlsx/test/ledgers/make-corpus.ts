/**
 * Writes the team's corpus of clerk-kept ledgers (整改台账) into `corpus/`: one `.xlsx`
 * per layout and quirk that real ledgers show (see `../shared/ledgers/README.md` and
 * the pages it cites), each with an `.expected.json` in the same form as the shared
 * fixtures, so `check_import.py` scores them too. The expected values are written
 * here by hand, finding by finding; nothing in this script calls the importer.
 *
 * Run: `npx tsx packages/report-xlsx/test/ledgers/make-corpus.ts` (the files are committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

type Value = string | number | Date | null | { formula: string; result?: number | string };

interface Expected {
  title: string;
  status: string;
  deadline?: string | null;
  completedOn?: string | null;
  leadUnit?: string;
  coUnits?: string[];
  measures: { kind?: string }[];
}

interface SheetSpec {
  name: string;
  /** Rows from row 1: title lines, header rows, data rows, footers, as the clerk typed them. */
  rows: Value[][];
  merges?: string[];
  hiddenColumns?: number[];
  state?: 'visible' | 'hidden';
  /** Cells formatted as dates. */
  dateFormat?: string;
}

interface LedgerSpec {
  file: string;
  describes: string;
  sheets: SheetSpec[];
  findings: Expected[];
  categories: number;
  /** Cells a good importer flags, with the code it uses. */
  mustWarn: { cell: string; code: string }[];
}

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const m = (n: number, kind = 'by_deadline') => Array.from({ length: n }, () => ({ kind }));

const LEDGERS: LedgerSpec[] = [
  {
    file: '11_xuncha_one_row_per_measure_merged',
    describes: '巡察整改台账 with one row per measure: 序号, 反馈问题, 责任领导, 责任单位, 责任人 and 整改状态 merged down over the measures of each problem; each measure has its own 完成时限 (a later one makes the finding\'s deadline); section rows 一、…方面（2个） merged across the table; title row and a 填报单位/截至 row above; a 填表人/审核人 footer.',
    sheets: [{
      name: '整改台账',
      dateFormat: 'yyyy"年"m"月"d"日"',
      rows: [
        ['中共某县教育局党组落实县委第二巡察组反馈意见整改落实台账'],
        ['填报单位：局办公室', null, null, null, '截至2024年3月31日'],
        ['序号', '反馈问题', '整改措施', '完成时限', '责任领导', '责任单位', '责任人', '整改状态', '整改进展'],
        ['一、落实全面从严治党主体责任方面（2个）'],
        [1, '党组履行主体责任不到位，专题研究党风廉政建设次数偏少', '制定党组年度党风廉政建设工作要点', d('2023-12-31'), '陈国强', '办公室', '刘敏', '已完成', '已印发工作要点'],
        [null, null, '每季度专题研究党风廉政建设工作', '长期坚持'],
        [2, '警示教育形式单一', '组织观看警示教育片', d('2023-11-30'), '陈国强', '机关党委', '黄丽', '正在整改', '已观看1次'],
        [null, null, '开展以案促改专题组织生活会', d('2024-01-31')],
        [null, null, '编印身边典型案例汇编', d('2024-03-31')],
        ['二、干部队伍建设方面（1个）'],
        [3, '干部轮岗交流不够', '制定中层干部轮岗交流办法', d('2024-02-28'), '王海', '人事股', '周强', '未启动'],
        [],
        ['填表人：刘敏', null, null, null, '审核人：陈国强'],
      ],
      merges: ['A1:I1', 'A2:D2', 'E2:I2', 'A4:I4', 'A10:I10', 'A5:A6', 'B5:B6', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6', 'I5:I6', 'A7:A9', 'B7:B9', 'E7:E9', 'F7:F9', 'G7:G9', 'H7:H9', 'I7:I9'],
    }],
    findings: [
      { title: '党组履行主体责任不到位，专题研究党风廉政建设次数偏少', status: 'completed', deadline: '2023-12-31', leadUnit: '办公室', measures: [{ kind: 'by_deadline' }, { kind: 'long_term' }] },
      { title: '警示教育形式单一', status: 'in_progress', deadline: '2024-03-31', leadUnit: '机关党委', measures: m(3) },
      { title: '干部轮岗交流不够', status: 'not_started', deadline: '2024-02-28', leadUnit: '人事股', measures: m(1) },
    ],
    categories: 2,
    mustWarn: [],
  },
  {
    file: '12_one_sheet_per_unit_with_summary',
    describes: 'One sheet per unit (办公室, 财务股, 执法大队), named after the unit, with no unit column; the same problem listed on two units\' sheets is one finding with two units; a 汇总 sheet of COUNTIF formulas (skipped); dates typed as text 2023.12.31 and 2023/12/31.',
    sheets: [
      {
        name: '汇总',
        rows: [
          ['单位', '问题数', '已完成'],
          ['办公室', { formula: 'COUNTA(办公室!B3:B10)', result: 2 }, { formula: 'COUNTIF(办公室!G3:G10,"已完成")', result: 1 }],
          ['财务股', { formula: 'COUNTA(财务股!B3:B10)', result: 2 }, { formula: 'COUNTIF(财务股!G3:G10,"已完成")', result: 0 }],
          ['执法大队', { formula: 'COUNTA(执法大队!B3:B10)', result: 1 }, { formula: 'COUNTIF(执法大队!G3:G10,"已完成")', result: 0 }],
        ],
      },
      {
        name: '办公室',
        rows: [
          ['办公室整改台账'],
          ['序号', '问题描述', '整改措施', '分管领导', '具体责任人', '完成时限', '完成情况'],
          [1, '公文处理不规范，部分文件签批手续不全', '1.修订公文处理办法\n2.开展公文处理培训', '赵明', '孙丽', '2023.12.31', '已完成'],
          [2, '“三重一大”事项会议记录不完整', '规范会议记录，专人负责归档', '赵明', '孙丽', '2023/12/31', '正在整改'],
        ],
        merges: ['A1:G1'],
      },
      {
        name: '财务股',
        rows: [
          ['财务股整改台账'],
          ['序号', '问题描述', '整改措施', '分管领导', '具体责任人', '完成时限', '完成情况'],
          [1, '“三重一大”事项会议记录不完整', '财务事项上会材料同步归档', '钱进', '李娜', '2023/12/31', '正在整改'],
          [2, '公务卡使用率偏低', '一是推行公务卡强制结算目录；二是每月通报使用情况', '钱进', '李娜', '2024.3.31', '正在整改'],
        ],
        merges: ['A1:G1'],
      },
      {
        name: '执法大队',
        rows: [
          ['执法大队整改台账'],
          ['序号', '问题描述', '整改措施', '分管领导', '具体责任人', '完成时限', '完成情况'],
          [1, '行政执法案卷不规范', '开展案卷评查', '冯涛', '马超', '2024.1.31', '未启动'],
        ],
        merges: ['A1:G1'],
      },
    ],
    findings: [
      { title: '公文处理不规范，部分文件签批手续不全', status: 'completed', deadline: '2023-12-31', leadUnit: '办公室', measures: m(2) },
      { title: '“三重一大”事项会议记录不完整', status: 'in_progress', deadline: '2023-12-31', leadUnit: '办公室', coUnits: ['财务股'], measures: m(1) },
      { title: '公务卡使用率偏低', status: 'in_progress', deadline: '2024-03-31', leadUnit: '财务股', measures: m(2) },
      { title: '行政执法案卷不规范', status: 'not_started', deadline: '2024-01-31', leadUnit: '执法大队', measures: m(1) },
    ],
    categories: 0,
    mustWarn: [{ cell: '汇总!', code: 'sheet.formulas_skipped' }],
  },
  {
    file: '13_weekly_progress_columns_percent',
    describes: 'Weekly ledger (每周更新): one column of progress per week headed 10月9日 / 10月16日 / 10月23日 (no year: the ledger\'s year); 整改进度 holds percentages (100%, 60%, 0%), so it reads as a status; 统计时间 in the second row; 责任科室 and 协办科室 (co-units split on ，).',
    sheets: [{
      name: 'Sheet1',
      rows: [
        ['区卫健局巡察反馈问题整改周报台账'],
        ['统计时间：2023年10月27日'],
        ['编号', '存在问题', '整改措施', '责任领导', '责任科室', '协办科室', '责任人', '整改期限', '整改进度', '10月9日', '10月16日', '10月23日'],
        [1, '医疗机构日常监管不到位', '开展医疗机构专项检查', '林峰', '医政科', '监督所，疾控中心', '郭敏', d('2023-11-30'), '60%', '制定检查方案', '检查12家', '检查20家'],
        [2, '基层医疗卫生机构药品管理不规范', '（1）开展药品管理自查（2）建立药品台账', '林峰', '药政科', null, '何静', d('2023-10-31'), '100%', '自查完成', '台账建立', null],
        [3, '健康扶贫政策宣传不到位', '印发政策明白卡', '杜军', '基层卫生科', null, '韩雪', d('2023-12-31'), '0%'],
      ],
      merges: ['A1:L1', 'A2:L2'],
      dateFormat: 'yyyy-mm-dd',
    }],
    findings: [
      { title: '医疗机构日常监管不到位', status: 'in_progress', deadline: '2023-11-30', leadUnit: '医政科', coUnits: ['监督所', '疾控中心'], measures: m(1) },
      { title: '基层医疗卫生机构药品管理不规范', status: 'completed', deadline: '2023-10-31', leadUnit: '药政科', measures: m(2) },
      { title: '健康扶贫政策宣传不到位', status: 'not_started', deadline: '2023-12-31', leadUnit: '基层卫生科', measures: m(1) },
    ],
    categories: 0,
    mustWarn: [{ cell: 'Sheet1!I3', code: 'header.ambiguous' }],
  },
  {
    file: '14_plan_numbering_restarts_per_category',
    describes: 'A plan (整改方案台账) with no status column: every finding not started; section rows （一）…（二）…; numbering restarts at 1 in each category; 完成时限 as text 2024.6.30, 2024年6月底前, 6月30日前 (no year), 长期坚持; 整改时限 is the header over a merged two-row header with 责任分工.',
    sheets: [{
      name: '问题清单',
      rows: [
        ['某市自然资源局党组巡视整改方案问题清单'],
        ['序号', '问题', '整改措施', '责任分工', null, null, '整改时限'],
        [null, null, null, '牵头领导', '牵头单位', '责任人', null],
        ['（一）贯彻落实党中央决策部署方面'],
        [1, '耕地保护责任落实不到位', '开展耕地“非农化”专项整治', '郑伟', '耕地保护科', '邓超', '2024.6.30'],
        [2, '国土空间规划编制滞后', '加快编制乡镇国土空间规划', '郑伟', '规划科', '许明', '2024年6月底前'],
        ['（二）全面从严治党方面'],
        [1, '工程项目监管存在廉洁风险', '一是完善项目监管制度；二是开展廉洁风险排查', '曹阳', '机关纪委', '彭芳', '6月30日前'],
        [2, '作风建设常抓不懈不够', '持续纠治“四风”问题', '曹阳', '办公室', '彭芳', '长期坚持'],
      ],
      merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:G3', 'A4:G4', 'A7:G7'],
    }],
    findings: [
      { title: '耕地保护责任落实不到位', status: 'not_started', deadline: '2024-06-30', leadUnit: '耕地保护科', measures: m(1) },
      { title: '国土空间规划编制滞后', status: 'not_started', deadline: '2024-06-30', leadUnit: '规划科', measures: m(1) },
      { title: '工程项目监管存在廉洁风险', status: 'not_started', leadUnit: '机关纪委', measures: m(2) },
      { title: '作风建设常抓不懈不够', status: 'not_started', leadUnit: '办公室', measures: m(1, 'long_term') },
    ],
    categories: 2,
    mustWarn: [{ cell: '问题清单!G8', code: 'date.no_year' }, { cell: '问题清单!G6', code: 'date.approximate' }],
  },
  {
    file: '15_english_iso_nonconformity_register',
    describes: 'English ISO 9001 nonconformity register: header in row 6 after a block of audit details and a blank row; NC No. / Clause / Nonconformity / Corrective action / Action owner / Department / Target date (US month-first 12/15/2023, unambiguous) / Current status (Implemented, Partially implemented, Not started, Verified) / Closed on; a hidden column Internal notes.',
    sheets: [{
      name: 'NC Register',
      rows: [
        ['Nonconformity Register - ISO 9001:2015 Surveillance Audit'],
        ['Site: Plant 2'],
        ['Certification body: Example Cert Ltd'],
        ['Last updated: 15 January 2024'],
        [],
        ['NC No.', 'Clause', 'Nonconformity', 'Corrective action', 'Action owner', 'Department', 'Target date', 'Current status', 'Closed on', 'Internal notes'],
        ['NC-01', '7.1.5 Monitoring resources', 'Two torque wrenches overdue for calibration', 'Calibrate the wrenches; add them to the calibration schedule', 'Ana Silva', 'Maintenance', '12/15/2023', 'Verified', d('2023-12-10'), 'done early'],
        ['NC-02', '8.5.1 Control of production', 'Work instructions at line 3 are an old revision', '1. Replace the instructions\n2. Audit document control at all lines', 'Ben Okafor', 'Production', '01/31/2024', 'Partially implemented', null, 'line 4 pending'],
        ['NC-03', '9.2 Internal audit', 'Internal audit programme did not cover purchasing', 'Add purchasing to the 2024 programme', 'Chloe Martin', 'Quality', d('2024-02-29'), 'Not started'],
        ['NC-04', '7.1.5 Monitoring resources', 'Gauge R&R not performed for the new CMM', 'Perform the gauge study', 'Ana Silva', 'Maintenance', d('2023-12-20'), 'Implemented', d('2023-12-18')],
      ],
      hiddenColumns: [10],
      dateFormat: 'dd-mmm-yyyy',
    }],
    findings: [
      { title: 'Two torque wrenches overdue for calibration', status: 'signed_off', deadline: '2023-12-15', completedOn: '2023-12-10', leadUnit: 'Maintenance', measures: m(1) },
      { title: 'Work instructions at line 3 are an old revision', status: 'in_progress', deadline: '2024-01-31', leadUnit: 'Production', measures: m(2) },
      { title: 'Internal audit programme did not cover purchasing', status: 'not_started', deadline: '2024-02-29', leadUnit: 'Quality', measures: m(1) },
      { title: 'Gauge R&R not performed for the new CMM', status: 'completed', deadline: '2023-12-20', completedOn: '2023-12-18', leadUnit: 'Maintenance', measures: m(1) },
    ],
    categories: 3,
    mustWarn: [{ cell: 'NC Register!J6', code: 'sheet.hidden_columns' }],
  },
  {
    file: '16_status_in_text_serials_and_totals',
    describes: '完成情况 written in sentences (已完成（佐证材料已归档）, 未完成, 基本完成); deadlines as bare Excel serial numbers (45291) in an unformatted column; a 合计 row (skipped) and a 注： footer; 实际完成时间 as text 2023年12月15日.',
    sheets: [{
      name: '台账',
      rows: [
        ['关于市委第三巡察组反馈问题整改落实情况台账'],
        ['问题序号', '巡察反馈问题', '整改措施', '责任领导', '责任部门', '责任人', '完成时限', '完成情况', '实际完成时间', '备注'],
        [1, '理论学习中心组学习不够规范', '制定年度学习计划，建立学习档案', '何平', '办公室', '蒋琳', 45291, '已完成（佐证材料已归档）', '2023年12月15日', '见附件1'],
        [2, '意识形态工作责任制落实不到位', '一是召开专题会议研究意识形态工作；二是开展意识形态风险排查', '何平', '宣传科', '沈洁', 45322, '未完成'],
        [3, '基层党组织标准化建设推进缓慢', '对照标准逐项整改', '韦东', '组织科', '秦朗', 45351, '基本完成'],
        ['合计', '3个问题'],
        ['注：完成情况按“已完成”“未完成”“基本完成”填写。'],
      ],
      merges: ['A1:J1', 'A7:J7'],
    }],
    findings: [
      { title: '理论学习中心组学习不够规范', status: 'completed', deadline: '2023-12-31', completedOn: '2023-12-15', leadUnit: '办公室', measures: m(1) },
      { title: '意识形态工作责任制落实不到位', status: 'in_progress', deadline: '2024-01-31', leadUnit: '宣传科', measures: m(2) },
      { title: '基层党组织标准化建设推进缓慢', status: 'sustaining', deadline: '2024-02-29', leadUnit: '组织科', measures: m(1) },
    ],
    categories: 0,
    mustWarn: [],
  },
  {
    file: '17_completion_column_is_the_deadline',
    describes: 'The only date column is 完成时间 (here the deadline, since no 整改时限 is given); a two-row header with 责任主体 merged over 责任领导/责任单位/责任人 and 配合单位 beside it; leaders written with their posts (王强（副局长）); co-units split on 、.',
    sheets: [{
      name: 'Sheet1',
      rows: [
        ['县司法局落实巡察反馈意见整改台账'],
        ['序号', '问题内容', '整改措施', '责任主体', null, null, '配合单位', '完成时间', '整改状态'],
        [null, null, null, '责任领导', '责任单位', '责任人', null, null, null],
        [1, '社区矫正对象监管存在漏洞', '开展社区矫正对象全面排查', '王强（副局长）', '社区矫正股', '苏晓', '各司法所', d('2023-12-31'), '正在整改'],
        [2, '法律援助案件质量不高', '建立案件质量评查机制', '王强（副局长）', '法律援助中心', '邱明', '律师管理股、公证处', d('2023-11-30'), '已整改'],
      ],
      merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:G3', 'H2:H3', 'I2:I3'],
      dateFormat: 'yyyy"年"m"月"d"日"',
    }],
    findings: [
      { title: '社区矫正对象监管存在漏洞', status: 'in_progress', deadline: '2023-12-31', leadUnit: '社区矫正股', coUnits: ['各司法所'], measures: m(1) },
      { title: '法律援助案件质量不高', status: 'completed', deadline: '2023-11-30', leadUnit: '法律援助中心', coUnits: ['律师管理股', '公证处'], measures: m(1) },
    ],
    categories: 0,
    mustWarn: [{ cell: 'Sheet1!H3', code: 'header.ambiguous' }, { cell: 'Sheet1!G4', code: 'unit.group' }],
  },
  {
    file: '18_xunshi_three_lists_signed_off',
    describes: '三张清单 in sheets 问题清单 / 整改任务清单 / 责任清单 joined on 问题编号 (tasks numbered 1-1, 1-2); 问题清单 holds 整改状态 (已销号, 待验收, 正在整改) and 销号时间; the task list\'s 完成时限 dates each task and the latest is the finding\'s deadline.',
    sheets: [
      {
        name: '问题清单',
        rows: [
          ['某集团党委巡视反馈问题清单'],
          ['序号', '问题类别', '问题表现', '整改状态', '销号时间'],
          [1, '一、党的领导方面', '落实“第一议题”制度不到位', '已销号', d('2024-01-15')],
          [2, '一、党的领导方面', '重大事项请示报告不及时', '待验收'],
          [3, '二、全面从严治党方面', '违规兼职取酬问题整改不彻底', '正在整改'],
        ],
        merges: ['A1:E1'],
        dateFormat: 'yyyy-mm-dd',
      },
      {
        name: '整改任务清单',
        rows: [
          ['整改任务清单'],
          ['任务编号', '问题序号', '整改任务', '完成时限'],
          ['1-1', 1, '修订党委会议事规则', d('2023-11-30')],
          ['1-2', 1, '建立第一议题学习台账', d('2023-12-31')],
          ['2-1', 2, '制定重大事项请示报告清单', d('2023-12-31')],
          ['3-1', 3, '全面清理违规兼职', d('2024-03-31')],
          ['3-2', 3, '追缴违规所得', d('2024-06-30')],
        ],
        merges: ['A1:D1'],
        dateFormat: 'yyyy-mm-dd',
      },
      {
        name: '责任清单',
        rows: [
          ['责任清单'],
          ['问题序号', '责任领导', '责任部门', '配合部门', '具体责任人'],
          [1, '高远', '党委办公室', null, '钟琪'],
          [2, '高远', '党委办公室', '董事会办公室', '钟琪'],
          [3, '宋岩', '纪委办公室', '人力资源部', '范勇'],
        ],
        merges: ['A1:E1'],
      },
    ],
    findings: [
      { title: '落实“第一议题”制度不到位', status: 'signed_off', deadline: '2023-12-31', leadUnit: '党委办公室', measures: m(2) },
      { title: '重大事项请示报告不及时', status: 'awaiting_signoff', deadline: '2023-12-31', leadUnit: '党委办公室', measures: m(1) },
      { title: '违规兼职取酬问题整改不彻底', status: 'in_progress', deadline: '2024-06-30', leadUnit: '纪委办公室', measures: m(2) },
    ],
    categories: 2,
    mustWarn: [],
  },
  {
    file: '19_names_near_duplicates_and_slashes',
    describes: 'Units separated by / and names by 、 (两名责任人), a near-duplicate name (李振华 and 李振化, one typo), groups 相关科室; 整改时限 written 2023年12月31日前 and 2023-12-31之前; 整改情况 (ambiguous) holding progress sentences.',
    sheets: [{
      name: 'Sheet1',
      rows: [
        ['某区民政局巡察整改台账（截至2023年12月20日）'],
        ['序号', '存在问题', '整改措施', '责任领导', '责任单位', '责任人', '整改时限', '整改状态', '整改情况'],
        [1, '低保动态管理不及时', '开展低保对象全面复核', '李振华', '社会救助科/相关科室', '张丽、王刚', '2023年12月31日前', '正在整改', '已复核3个镇街'],
        [2, '养老服务机构消防隐患整改慢', '联合消防部门开展专项检查', '李振化', '养老服务科', '赵敏', '2023-12-31之前', '已完成', '检查全覆盖'],
      ],
      merges: ['A1:I1'],
    }],
    findings: [
      { title: '低保动态管理不及时', status: 'in_progress', deadline: '2023-12-31', leadUnit: '社会救助科', coUnits: ['相关科室'], measures: m(1) },
      { title: '养老服务机构消防隐患整改慢', status: 'completed', deadline: '2023-12-31', leadUnit: '养老服务科', measures: m(1) },
    ],
    categories: 0,
    mustWarn: [{ cell: '', code: 'name.near_duplicate' }, { cell: 'Sheet1!F3', code: 'person.several' }, { cell: 'Sheet1!E3', code: 'unit.group' }],
  },
  {
    file: '20_internal_audit_cn_xuchang_fields',
    describes: '审计整改台账 with the fields 许昌市审计局 names (问题编号、问题描述、整改要求、责任部门、整改期限、整改状态、完成时间) plus 联系人 and 备注; 问题编号 like SJ-2025-01; dates typed as text in three forms (2025-05-20, 2025.05.20, 2025年5月20日); header in row 3 under a title and a blank row.',
    sheets: [{
      name: '审计整改',
      rows: [
        ['2025年度内部审计发现问题整改台账'],
        [],
        ['问题编号', '问题描述', '整改要求', '整改措施', '责任部门', '联系人', '整改期限', '整改状态', '完成时间', '备注'],
        ['SJ-2025-01', '部分合同未按规定履行审批程序', '规范合同审批', '修订合同管理办法，补办审批手续', '法务部', '陈晨', '2025-05-20', '已整改', '2025-05-18'],
        ['SJ-2025-02', '固定资产账实不符', '开展资产清查', '一是全面盘点；二是调整账务', '资产管理部', '刘洋', '2025.05.20', '整改中'],
        ['SJ-2025-03', '差旅费报销超标准', '追回超标准部分', '追回超标准报销款并通报', '财务部', '孙倩', '2025年5月20日', '未整改'],
      ],
      merges: ['A1:J1'],
    }],
    findings: [
      { title: '部分合同未按规定履行审批程序', status: 'completed', deadline: '2025-05-20', completedOn: '2025-05-18', leadUnit: '法务部', measures: m(1) },
      { title: '固定资产账实不符', status: 'in_progress', deadline: '2025-05-20', leadUnit: '资产管理部', measures: m(2) },
      { title: '差旅费报销超标准', status: 'in_progress', deadline: '2025-05-20', leadUnit: '财务部', measures: m(1) },
    ],
    categories: 0,
    mustWarn: [],
  },
  {
    file: '21_measure_rows_left_blank',
    describes: 'One row per measure without merges: the clerk leaves 序号 and 问题 blank on the rows that continue a problem; 立行立改 in the 时限 column of one measure makes it immediate; a hidden sheet of old data (not imported).',
    sheets: [
      {
        name: '整改清单',
        rows: [
          ['序号', '问题', '措施', '责任领导', '责任部门', '责任人', '时限', '状态'],
          [1, '窗口服务群众意识不强', '开展窗口作风专项整治', '蔡伟', '政务服务中心', '孔燕', '立行立改', '已完成'],
          [null, null, '建立群众评价回访制度', null, null, null, d('2023-12-31')],
          [2, '办事指南更新不及时', '全面更新办事指南', '蔡伟', '政务服务中心', '孔燕', d('2023-11-30'), '已完成'],
        ],
        dateFormat: 'yyyy/m/d',
      },
      { name: '旧数据', state: 'hidden', rows: [['序号', '问题', '措施'], [1, '旧问题', '旧措施']] },
    ],
    findings: [
      { title: '窗口服务群众意识不强', status: 'completed', deadline: '2023-12-31', leadUnit: '政务服务中心', measures: [{ kind: 'immediate' }, { kind: 'by_deadline' }] },
      { title: '办事指南更新不及时', status: 'completed', deadline: '2023-11-30', leadUnit: '政务服务中心', measures: m(1) },
    ],
    categories: 0,
    mustWarn: [{ cell: '旧数据', code: 'sheet.hidden' }],
  },
  {
    file: '22_english_tracker_owner_department',
    describes: 'English remediation tracker (security findings): Ref / Area / Issue / Severity / Remediation plan (lines starting with "- ") / Owner / Business unit / Target date (text "31 Mar 2024", "15-Jan-2024") / Revised target date / Status (Open, Closed, Overdue) / Date completed; a totals row "Total" at the foot.',
    sheets: [{
      name: 'Tracker',
      rows: [
        ['Security findings remediation tracker'],
        ['As at 31 January 2024'],
        ['Ref', 'Area', 'Issue', 'Severity', 'Remediation plan', 'Owner', 'Business unit', 'Target date', 'Revised target date', 'Status', 'Date completed'],
        ['SEC-1', 'Access', 'MFA not enforced for VPN', 'High', '- Enforce MFA on the VPN\n- Remove legacy accounts', 'Dan Wu', 'IT Security', '15-Jan-2024', '31 Mar 2024', 'Overdue'],
        ['SEC-2', 'Network', 'Firewall rules not reviewed', 'Medium', 'Quarterly firewall rule review', 'Eva Rossi', 'Network', '31 Dec 2023', null, 'Closed', '20 Dec 2023'],
        ['SEC-3', 'Access', 'Shared admin accounts in use', 'High', 'Issue named admin accounts', 'Dan Wu', 'IT Security', '29 Feb 2024', null, 'Open'],
        ['Total', 3],
      ],
      merges: ['A1:K1', 'A2:K2'],
    }],
    findings: [
      { title: 'MFA not enforced for VPN', status: 'in_progress', deadline: '2024-01-15', leadUnit: 'IT Security', measures: m(2) },
      { title: 'Firewall rules not reviewed', status: 'completed', deadline: '2023-12-31', completedOn: '2023-12-20', leadUnit: 'Network', measures: m(1) },
      { title: 'Shared admin accounts in use', status: 'in_progress', deadline: '2024-02-29', leadUnit: 'IT Security', measures: m(1) },
    ],
    categories: 2,
    mustWarn: [{ cell: 'Tracker!J4', code: 'status.overdue' }],
  },
  {
    file: '23_topic_sections_with_counts_numbered_measures',
    describes: 'Section rows written 一、…方面（共2个问题） in one merged cell; 问题 header 存在的问题; measures numbered （1）（2）（3） in one cell; statuses 已整改 / 持续整改; a typo 2023.1 in 完成时限 (a number, not a day: an error that names the cell).',
    sheets: [{
      name: 'Sheet1',
      rows: [
        ['某镇党委巡察整改台账'],
        ['序号', '存在的问题', '整改措施', '责任领导', '责任单位', '责任人', '完成时限', '整改状态'],
        ['一、落实党的路线方针政策方面（共2个问题）'],
        [1, '乡村振兴项目推进缓慢', '（1）倒排工期（2）每周调度（3）纳入年度考核', '钟磊', '乡村振兴办', '侯静', d('2023-12-31'), '持续整改'],
        [2, '人居环境整治存在反弹', '（1）开展“回头看”（2）建立长效保洁机制', '钟磊', '农业农村办', '侯静', d('2023-11-30'), '已整改'],
        ['二、基层党组织建设方面（共1个问题）'],
        [3, '村级组织活动场所管理不规范', '制定场所管理制度', '白杨', '党建办', '田甜', 2023.1, '已整改'],
      ],
      merges: ['A1:H1', 'A3:H3', 'A6:H6'],
      dateFormat: 'yyyy-mm-dd',
    }],
    findings: [],
    categories: 2,
    mustWarn: [{ cell: 'Sheet1!G7', code: 'date.not_a_day' }],
  },
];

async function write(spec: LedgerSpec, dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rectify corpus';
  wb.created = wb.modified = new Date('2024-01-01T00:00:00Z');
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : {});
    s.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      row.forEach((v, j) => {
        if (v === null) return;
        const cell = r.getCell(j + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = s.dateFormat ?? 'yyyy-mm-dd';
        if (typeof v === 'string' && v.includes('\n')) cell.alignment = { wrapText: true };
      });
    });
    for (const range of s.merges ?? []) ws.mergeCells(range);
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  }
  writeFileSync(join(dir, `${spec.file}.xlsx`), new Uint8Array(await wb.xlsx.writeBuffer()));
  const expected = {
    describes: spec.describes,
    file: `${spec.file}.xlsx`,
    counts: spec.findings.length === 0 ? null : { findings: spec.findings.length, measures: spec.findings.reduce((n, f) => n + f.measures.length, 0), categories: spec.categories },
    findings: spec.findings,
    mustWarn: spec.mustWarn,
    /** A ledger with an error is refused whole: the import must write nothing. */
    refused: spec.findings.length === 0,
  };
  writeFileSync(join(dir, `${spec.file}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
}

const dir = join(import.meta.dirname, 'corpus');
mkdirSync(dir, { recursive: true });
for (const spec of LEDGERS) await write(spec, dir);
console.log(`wrote ${LEDGERS.length} ledgers to ${dir}`);
