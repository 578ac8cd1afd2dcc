/**
 * The 22 findings of the seed notice (潮州市湘桥区司法局党组关于巡察集中整改进展情况的通报,
 * 2024-04-17), section 二, as data: category, number, exact title, status, and the
 * numbered measures (一是、二是…) with their exact text (without the closing ；/。).
 *
 * Taken from the notice: titles, statuses, measure texts and numbers (including the
 * seed's own gap 四是 → 六是 in 一.5). Not in the notice, so chosen for the example and
 * marked illustrative: the lead unit and co-units of each finding, and the measure
 * kinds (a measure that describes an ongoing practice is `long_term`).
 */
import type { MeasureKind } from '@rectify/core';

/** One finding of the seed, as the example loads it. */
export interface SeedFinding {
  /** `xq-<category>-<number>`. */
  id: string;
  /** 1, 2 or 3: the category （一）（二）（三）. */
  category: number;
  /** Its number within the category (1、2、…). */
  ordinal: number;
  title: string;
  /** What 整改进度 says: 已完成 → `completed`, 阶段性完成并需长期坚持 → `sustaining`. */
  status: 'completed' | 'sustaining';
  /** Illustrative: the lead unit. */
  unitId: string;
  /** Illustrative: units that share the work. */
  coUnitIds: string[];
  measures: { ordinal: number; text: string; kind: MeasureKind }[];
}

export const SEED_FINDINGS: SeedFinding[] = [
  {
    id: "xq-1-1",
    category: 1,
    ordinal: 1,
    title: "学习贯彻习近平法治思想不够深入",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "坚持把政治建设摆在首位，强化理论学习，多维度创新学习方法方式，发挥党组书记“领头雁”作用，实施政治能力提升计划，推动“第一议题”学习融于日常抓在经常，落实《2023年潮州市湘桥区司法行政系统干部政治轮训暨教育培训方案》，通过“月读一书”“读书分享会”“学习强国”“广东省干部培训网络学院”和生动有趣的活动载体使全体司法行政系统干部补足精神之钙；以“请进来、走出去”方式，邀请区委宣讲团贯彻党的二十大精神进行分享交流",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "强化党建合力，以“我为群众办实事”为主题，用理论指导司法行政为民服务实践，如提供法律援助、法律咨询与服务，参加振德街、南濠创卫志愿活动等",
        kind: "by_deadline"
      },
      {
        ordinal: 3,
        text: "加大对防止干预司法“三个规定”的学习力度和强度,强化对全系统领导干部的政策引导和警示教育，利用纪教月契机，组织全系统党员干部观看警示图片展，在全系统开展警示教育，将防止干预司法“三个规定”精神转化为全系统的政治自觉、思想自觉和行动自觉",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-1-2",
    category: 1,
    ordinal: 2,
    title: "未能严格执行理论学习“第一议题”制度",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "持续贯彻落实第一议题制度和“首题必政治”常态化学习制度，发挥党组书记“领头雁”作用，及时召开党组（扩大）会、班子会、党组理论学习中心组、司法行政系统会议进行传达学习研讨，构建“党组示范表率，支部主体落实，党员积极参与”的立面联动学习体系。整改期内召开党组（扩大）会议7场次，列第一议题7个",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-1-3",
    category: 1,
    ordinal: 3,
    title: "法治政府建设牵头抓总作用发挥不充分",
    status: "sustaining",
    unitId: "u-fazhi",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "2023年10月中旬牵头对全区各单位近年来法治政府建设年度报告落实情况开展巡查，对连续两年报告内容高度雷同的单位进行个别谈话，督促落实整改",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "2023年8月22日印发《关于进一步做好法治政府建设年度报告工作的通知》，牵头全区各有关单位对近三年来的法治政府年度报告开展自查",
        kind: "by_deadline"
      },
      {
        ordinal: 3,
        text: "转发《广东省法治政府建设年度报告制度工作指引》，强调年度报告的工作重点",
        kind: "by_deadline"
      },
      {
        ordinal: 4,
        text: "2023年10月30日印发《关于做好2023年法治政府建设年度报告工作的通知》，明确撰写要求，落实专人查重",
        kind: "by_deadline"
      },
      {
        ordinal: 5,
        text: "2023年9月、10月开展党政主要负责人履行推进法治建设第一责任人专项督察活动，在实地督察中重点查阅各级各单位法治政府建设年度报告",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-1-4",
    category: 1,
    ordinal: 4,
    title: "普法宣传力度不够、范围不广、形式不够创新",
    status: "sustaining",
    unitId: "u-pufa",
    coUnitIds: [
      "u-gonggong"
    ],
    measures: [
      {
        ordinal: 1,
        text: "创新普法宣传形式，紧扣宣传节点，针对不同受众开展精准式、靶向式法治宣传教育。以法治茶座、图片展、夜市摆摊、刊播公益广告等多形式开展专题普法活动。开辟湘桥法治宣传新阵地，利用古城区优越的人文环境及地理优势，依托全区177个村（居）民议事厅打造为“听民意、解民忧、讲政策、学法律”的亲民普法新平台。因地制宜，加强法治文化阵地建设，建成磷溪镇北堤村、官塘镇奕庵村两个法治文化公园，指导铁铺镇桂林村将法治文化阵地融入乡村风貌提升工程，建造村法治文化公园，对位于社光村与区法治文化公园进行更新升级，实现城乡景观与法治元素巧妙融合",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "指导协调加强对村（社区）法律顾问工作的指导协调，组织驻村（社区）律师围绕宪法、民法典、妇女维权、国家安全、反有组织犯罪法、抵制“两违”等主题开展法律进乡村、进社区、进校园、进企业等，为社区矫正对象、法律明白人、人民调解员等开展专题培训。整改期内各驻村（社区）共开展相关法治宣讲活动12场次。通过发放“12348”公共法律服务热线宣传小卡片，利用村（社区）法律顾问工作微信群等渠道加以宣传，进一步加大“12348”热线的宣传力度，提高热线知晓率和应用率",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-1-5",
    category: 1,
    ordinal: 5,
    title: "基层司法所社矫执法规范化水平有待提高",
    status: "sustaining",
    unitId: "u-shejiao",
    coUnitIds: [
      "u-chengxi",
      "u-tiepu"
    ],
    measures: [
      {
        ordinal: 1,
        text: "落实信息化核查。各司法所每天按要求抽查不少于20%的社矫对象，且确保全区社区矫正对象每日刷脸签到次数均在2次或以上",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "集中整改期内各司法所每月召开2次矫情研判分析会，及时应对社区矫正存在的风险及问题",
        kind: "long_term"
      },
      {
        ordinal: 3,
        text: "联合区检察院对基层司法所社区矫正工作档案进行检查、指导，于2023年10月18日印发《关于开展社区矫正管理工作自查整改的通知》督促落实整改工作",
        kind: "by_deadline"
      },
      {
        ordinal: 4,
        text: "我区首期司法所创建社区矫正示范点的铁铺、城西司法所，已顺利通过市局组织的验收，目前第二期司法所创建社区矫正示范点工作正在进行中，通过示范点创建以点带面，促进司法所工作水平整体提升和职能充分发挥",
        kind: "by_deadline"
      },
      {
        ordinal: 6,
        text: "强化业务培训。分别于2023年9月8日、10月27日开展业务培训，逐步提高社矫工作人员业务水平",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-1-6",
    category: 1,
    ordinal: 6,
    title: "“一村一法律顾问”工作存在短板",
    status: "completed",
    unitId: "u-gonggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "2023年9月4日印发《关于配合做好农村集体资产监管提质增效行动工作的通知》，组织驻村律师开展村集体经济合同审查法律服务工作",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "拓宽宣传渠道，在区、镇、村三级公共法律服务实体平台摆放一村（社区）一法律顾问宣传册和便民联系卡供群众取阅，在各村（社区）宣传栏张贴海报，在门户网站、公众号、视频号、户外大屏等投放公益宣传片。把一村（社区）一法律顾问的宣传作为常态化工作开展，结合重要的宣传节点，联合其他宣传主题同步开展宣传，进一步提高群众对法律顾问工作的知晓率。整改期内共开展一村（社区）一法律顾问宣传活动40场次，发放宣传册3000多份",
        kind: "by_deadline"
      },
      {
        ordinal: 3,
        text: "强化对村（社区）法律顾问工作的监督检查，实行每月抽查、季度实地督查和不定时检查相结合，落实镇街、村（社区）共同监管责任，督查顾问律师严格遵守每月至少到村服务8小时、季度至少一次讲座的规定，整改期内我局随机抽查律师系统登记台账共173条，联合市局开展季度实地督查2次，经核查，没有发现驻村（社区）法律顾问存在没有遵守“每月8小时的服务规定”，杜绝“打卡式”值班、“摆拍式”宣传现象",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-1-7",
    category: 1,
    ordinal: 7,
    title: "公职律师制度有待进一步落实",
    status: "sustaining",
    unitId: "u-gonggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "集中整改期内牵头区各单位对符合申报公职律师条件的人员再次全面排查，并通过“书面提醒+实地协调”的方式提高机关各单位认识，千方百计引进法律人才，加大力度鼓励、支持、动员符合条件人员申报公职律师。集中整改期内，全区具有法律职业资格或律师资格的人员62人，13个单位设立公职律师共24名，比整改前增加6名。我局将继续积极争取区委、区政府和有关部门支持，在公务员招录、选调、岗位交流等环节有针对性设置具有法律职业资格的条件，进一步推进我区部门公职律师制度落实",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-1-8",
    category: 1,
    ordinal: 8,
    title: "对意识形态工作责任制重视不够",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "将意识形态工作纳入局党组中心组学习的重要内容，及时学习党中央、省委、市委和区委关于意识形态工作的文件精神和决策部署，把意识形态作为党的建设重要内容，落实《湘桥区党（工）委（党组）意识形态工作责任制实施方案》，实行意识形态工作主要领导负责制，实行“一把手”负总责，班子成员各负其责，切实地担负起抓意识形态工作的政治责任和领导责任",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "把推动意识形态责任制纳入《潮2023年州市湘桥区司法行政工作要点》，与业务工作同部署、同落实、同检查、同考核。切实把意识形态工作纳入年度个人述职述廉报告中",
        kind: "by_deadline"
      },
      {
        ordinal: 3,
        text: "及时召开党组会议，听取年度意识形态工作情况汇报并部署新年度意识形态工作计划。局党组会议专题学习关于意识形态工作的相关文件精神，认真分析研判意识形态领域情况。制订分管领域意识形态风险点清单和针对性防范化解措施",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-2-1",
    category: 2,
    ordinal: 1,
    title: "没有严格执行财务制度",
    status: "completed",
    unitId: "u-caiwu",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "整改期内财务人员认真学习了《会计基础工作规范》《行政事业单位会计制度》等有关财务规定，针对近三年来个别记账凭证的审批人无签章，签名不全等问题已全部落实整改，同时将2022年涉及重大资金的支出附上对应的会议记录",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "针对存在的发票入账问题，我局及时与湘桥区税务局进行沟通，并要求辖区各律师所根据各所近年来的驻村（社区）情况及开具发票情况开展自查。目前我局2023年上半年支付的一村（社区）一法律顾问经济补贴已全部收到各相关律师所开具的发票，并以正式通知形式要求各相关律师所以后在收到村（社区）法律顾问经济补贴后均须提供发票。下一步，我局将在严格落实考核评估、公示等规定程序基础上，严格执行《会计法》等财经法律法规要求，加强财务收支凭证管理，在支付“一村（社区）一法律顾问”经济补贴时按规定向收款方取得发票入账，确保财务工作合法合规",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-2-2",
    category: 2,
    ordinal: 2,
    title: "财务档案资料管理不规范",
    status: "completed",
    unitId: "u-caiwu",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "对于不牢固的原始凭证，已重新装订。下来，财务人员将严格按照财务档案管理要求，规范凭证装订和保管财务档案",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "针对凭证资料错乱较多问题，落实再排查并全部完成整改，确保资料准确、齐全",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-2-3",
    category: 2,
    ordinal: 3,
    title: "财务人员更换过于频繁、分工设置混乱",
    status: "completed",
    unitId: "u-caiwu",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "由于岗位需要，财务人员更换比较频繁，针对该问题，我局以后在选人用人，特别是专业性较强的岗位，做好上岗前考察培训，确保符合条件再上岗",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "由于2022年11月更换财务人员，两个财务人员账号同时存续期间，由于财务人员的操作不当，出现了所述情况。目前，财务人员已完成了2022年记账凭证整改工作",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-2-4",
    category: 2,
    ordinal: 4,
    title: "人民调解‘以案定补’制度机制不够完善",
    status: "completed",
    unitId: "u-tiaojie",
    coUnitIds: [
      "u-chengxi"
    ],
    measures: [
      {
        ordinal: 1,
        text: "结合我区工作实际，于2023年9月28日印发《潮州市湘桥区人民调解“以案定补”管理办法》，进一步细化人民调解案件类别、卷宗标准、明确补贴标准",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "严把“以案定补”管理办法落实，制作《湘桥区人民调解“以案定补”回访登记表》，由区评审小组、司法所抽查回访当事人，制作《湘桥区人民调解“以案定补”检查登记表》，组织评审小组定期或不定期对各调解组织人民调解“以案定补”工作开展督导工作",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-2-5",
    category: 2,
    ordinal: 5,
    title: "机关作风建设仍需进一步加强",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "对于做群众思想工作不细致的问题，我局贯彻落实《潮州市湘桥区司法局党组关于进一步改进工作作风密切联系群众的意见》《潮州市湘桥区司法局群众安全感和司法行政工作群众满意度“双提升”工作方案》。同时对窗口业务条线进行不定期督查，对出现马虎应付群众来信来访，做群众工作不细致的干部进行约谈通报",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "关于涉及全局性总结汇报材料，落实分管领导初审、主要领导终审会签制度，发现雷同总结材料将在系统内进行通报，主要领导对相关责任人责任领导进行约谈，坚决杜绝作风漂浮、敷衍应付的现象。为深化干部思想作风建设，进一步提升司法行政队伍的综合素质，我局创办司法行政系统法治讲5场，由局各业务骨干轮番上台讲课，讲技能、讲业务、讲心得，促进相互间沟通交流，目前已开办5场，作风建设持续向好",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-2-6",
    category: 2,
    ordinal: 6,
    title: "没有严格执行‘一把手’末位表态制度",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "落实《潮州市湘桥区司法局落实“三重一大”事项集体决策制度的实施办法》，严格执行集体决策末位表态发言制度，强化领导班子特别是“一把手”不先定调子、不先下结论，强化对领导班子特别是“一把手”的监督制约，真正实现决策的民主化和科学化",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "充分认识会议记录规范化的重要性，规范记录，加强分管领导和主要领导的审核环节",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-1",
    category: 3,
    ordinal: 1,
    title: "‘三会一课’制度执行不严",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "强化“三会一课”的学习，规范相关会议记录。创新“三会一课”学习形式",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "落实专人对近三年民主生活会材料进行再整理再归档",
        kind: "by_deadline"
      },
      {
        ordinal: 3,
        text: "严密党支部换届选举程序。强化会议记录整理，明晰组织生活会和民主评议党员流程",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-2",
    category: 3,
    ordinal: 2,
    title: "谈心谈话提醒工作不严不实",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "落实《潮州市湘桥区司法局领导班子谈心谈话制度》，对情绪出现波动的党员干部，要正确疏导情绪，有效缓解压力；对外出流动的党员干部，要定期保持联系，听取意见建议。整改期内，对不在状态的党员干部谈心谈话2人次，对情绪波动党员干部谈心谈话5人次，对外出流动的党员干部谈心谈话3人次，对基层所负责人集中谈心谈话9人次",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "注意做好民主生活会谈心谈话的记录表存档，民主生活会谈心谈话主要领导要带头表态，督促各班子成员要直面问题，避免流于形式",
        kind: "by_deadline"
      }
    ]
  },
  {
    id: "xq-3-3",
    category: 3,
    ordinal: 3,
    title: "警示教育重视程度不够",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "加大警示教育力度，党风廉政建设主体责任。坚持狠抓责任分解环节，根据领导班子和每个成员的岗位职责，对责任内容实行分解和细化。党组书记作为中心主要负责人对反腐倡廉工作负总责，履行“一岗双责”，对重要工作和重大问题亲自抓",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "把落实党风廉政建设责任制考核纳入年度考核，制订《潮州市湘桥区司法局党风廉政建设责任制考核方案》的要求，坚持把考核结果作为党员干部业绩评定、奖励惩处和选拔任用的主要依据",
        kind: "long_term"
      },
      {
        ordinal: 3,
        text: "将干部教育管理监督融入日常，将干部廉洁任前谈话作为干部选拔任用的必经程序，利用纪教月、保密月等开展系统内的警示教育，推动监督警示常态化",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-4",
    category: 3,
    ordinal: 4,
    title: "司法力量仍较薄弱，人才队伍建设亟待提升",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "优化队伍结构。局党组注重加强队伍的梯次培养和配备，配优配强干部。注重选调法学背景的人才进入司法行政队伍，包括公务员、雇员和劳务派遣人员",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "鼓励司法行政系统领导干部职工积极参与法律职业资格考试，日常工作中注意在职领导干部职工的法律素养及法律能力培养。截至11月中旬，司法局在职干部35名，其中具有法学专业背景15人占43%，比整改前提高4.1%；通过法律职业资格考试11人，占11%，比整改前提高3.2%；专职人民调解员15人，具有法学专业背景2人占13.3%，比整改前提高0.83%",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-5",
    category: 3,
    ordinal: 5,
    title: "基层司法所工作人员配比不够合理",
    status: "sustaining",
    unitId: "u-shejiao",
    coUnitIds: [
      "u-taiping",
      "u-chengxi",
      "u-fengxin"
    ],
    measures: [
      {
        ordinal: 1,
        text: "2023年8月30日选调一名男性公务员充实基层司法所。截至11月中旬，基层司法所在职干部20人，其中男性6人，占30%，比整改前提高3.7%；专职调解员15人，其中男性2人占13.3%，比整改前提高0.83%",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "落实各司法所在开展入户调查评估时，至少配置1名男性工作人员，对于完全没有配置男工作人员的太平所、城西所和凤新所，由区司法局社区矫正中心统筹安排男工作人员进行协助",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-6",
    category: 3,
    ordinal: 6,
    title: "会议记录不规范",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "充分认识会议记录规范化的重要性，规范记录，加强审核。落实专人登记，会议后初步形成草稿由分管政工室领导初步审签，再由党组书记审批后按要求记录，对于党组会议记录、班子会议记录、党支部支委会议记录和理论学习中心组会议记录等，明确由党组书记负总责，做到分工明确、环环紧扣",
        kind: "by_deadline"
      },
      {
        ordinal: 2,
        text: "落实负责党务的同志，根据2023年8月印发的《中共湘桥区委组织部工作业务手册》加强会议记录规范化学习，完善会议记录模板",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-7",
    category: 3,
    ordinal: 7,
    title: "带队伍敢抓敢管力度不够",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "党组书记切实担负起抓班子、带队伍的第一责任，日常工作中引导领导干部清楚认识到个人的工作职责和义务，做到纪律严明，规范管理",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "坚持把政治标准放在首位，坚持严管和厚爱结合、激励和约束并重，坚持注重实绩、奖惩分明。落实《潮州市湘桥区司法局公务员平时考核工作方案》，拟定《潮州市湘桥区司法局关于建立基层司法所业务常态化通报机制的通知》，并将考核结果作为平时考核、年度考核和职务职级晋升的重要依据",
        kind: "long_term"
      }
    ]
  },
  {
    id: "xq-3-8",
    category: 3,
    ordinal: 8,
    title: "干部选拔任用制度执行不到位",
    status: "sustaining",
    unitId: "u-zhenggong",
    coUnitIds: [],
    measures: [
      {
        ordinal: 1,
        text: "根据《湘桥区关于加强干部日常管理有关工作的通知》要求，印发《潮州市湘桥区司法局用人选人制度》，明晰干部选拔任用干部，对谈话调研人数按照应到会三分之二以上的人数严格执行，切实做到用人选人程序科学规范",
        kind: "long_term"
      },
      {
        ordinal: 2,
        text: "严格规范会议记录格式内容，确保在党组（扩大）会议记录上，务必将谈话推荐、会议推荐的情况详细记录，明晰干部选拔任用各个环节。认真贯彻党管干部原则，按照习近平总书记提出的20字好干部标准，严格规范干部选拔程序，把好干部动议、讨论、民主测评、民主推荐、考察、讨论和任前公示关，做好干部任免阶段会议记录，形成良好的干部选拔任用导向机制。整改期内共完成干部选拔任用、职务职级晋升9人次，所涉及的纪实材料目前已经区人事部门审核完成",
        kind: "by_deadline"
      }
    ]
  }
];
