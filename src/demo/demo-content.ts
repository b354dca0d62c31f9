/**
 * Demo content from the source year (2018) of a city bureau of industry and information technology
 * (市工信局): enough in every column that the admin and the website API are not empty, and as many
 * items as the source year's report counts (sourceYearTopUp). Names of people and the organisation
 * code are invented.
 */
import { DEFAULT_COLUMNS } from '../catalogue/default-columns';

export const DEMO_PUBLISHER = '示范市工业和信息化局';

export interface DemoDepartment {
  code: string;
  name: string;
  nameEn: string;
  duties: string;
  phone: string;
}

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    code: 'BGS',
    name: '办公室',
    nameEn: 'General Office',
    duties: '负责机关日常运转，承担政务公开、信息、安全保密、信访等工作。',
    phone: '024-12345601',
  },
  {
    code: 'ZHFG',
    name: '综合法规处',
    nameEn: 'Policy and Regulations Division',
    duties: '负责政务公开协调、规范性文件合法性审核、行政复议和行政应诉工作。',
    phone: '024-12345602',
  },
  {
    code: 'YXJC',
    name: '运行监测协调处',
    nameEn: 'Economic Operation Division',
    duties: '监测分析工业经济运行态势，协调解决运行中的重大问题。',
    phone: '024-12345603',
  },
  {
    code: 'TZJS',
    name: '投资与技术进步处',
    nameEn: 'Investment and Technology Division',
    duties: '负责工业企业技术改造投资项目备案，推动技术创新。',
    phone: '024-12345604',
  },
  {
    code: 'ZXQY',
    name: '中小企业处',
    nameEn: 'SME Division',
    duties: '负责中小企业发展服务体系建设，运行企业服务热线。',
    phone: '024-12345605',
  },
  {
    code: 'XZSP',
    name: '行政审批处',
    nameEn: 'Administrative Licensing Division',
    duties: '负责行政许可事项的受理、审查和决定，公示行政执法信息。',
    phone: '024-12345606',
  },
];

export interface DemoLeader {
  name: string;
  title: string;
  duties: string;
  departments: string[];
}

export const DEMO_LEADERS: readonly DemoLeader[] = [
  { name: '张明远', title: '党组书记、局长', duties: '主持局全面工作。', departments: ['BGS'] },
  {
    name: '李晓华',
    title: '党组成员、副局长',
    duties: '负责综合法规、政务公开、行政审批工作。',
    departments: ['ZHFG', 'XZSP'],
  },
  {
    name: '王建国',
    title: '党组成员、副局长',
    duties: '负责运行监测、投资与技术进步工作。',
    departments: ['YXJC', 'TZJS'],
  },
  {
    name: '赵丽君',
    title: '党组成员、副局长',
    duties: '负责中小企业发展工作。',
    departments: ['ZXQY'],
  },
];

export interface DemoItem {
  column: string;
  department: string;
  title: string;
  summary: string;
  /** First publication, Beijing time. */
  publishedAt: string;
  genre: string;
  docNumber?: string;
  en?: { title: string; summary: string };
}

const item = (
  column: string,
  department: string,
  publishedAt: string,
  genre: string,
  title: string,
  summary: string,
  extra: Partial<DemoItem> = {}
): DemoItem => ({ column, department, publishedAt, genre, title, summary, ...extra });

/**
 * The articles written out by hand. In 2018 the source report counts items in 工作动态, 通知公告
 * and the 政务公开 sub-columns only, so the items of the other columns are of 2019; so are the two
 * replies in 建议提案办理, as the source year's 17 come with the suggestions and proposals they
 * answer (demo-proposals.ts).
 */
export const DEMO_ARTICLES: readonly DemoItem[] = [
  item(
    'work-news',
    'YXJC',
    '2018-01-19T10:00:00+08:00',
    'other',
    '全市工业和信息化工作会议召开',
    '会议总结2017年全市工业和信息化工作，部署2018年重点任务。',
    {
      en: {
        title: 'City conference on industry and IT held',
        summary: 'The conference reviewed 2017 and set the priorities for 2018.',
      },
    }
  ),
  item(
    'work-news',
    'TZJS',
    '2018-05-08T15:30:00+08:00',
    'other',
    '我局召开工业企业技术改造工作推进会',
    '推进全市工业企业技术改造投资项目备案和实施。',
    {
      en: {
        title: 'Bureau meets on technical upgrading of industrial enterprises',
        summary: 'Progress on filing and carrying out upgrade projects.',
      },
    }
  ),
  item(
    'work-news',
    'ZXQY',
    '2018-09-14T09:00:00+08:00',
    'other',
    '中小企业服务月活动启动',
    '组织服务机构走进园区，为中小企业提供政策、融资和人才服务。'
  ),
  item(
    'notices',
    'XZSP',
    '2018-03-02T09:00:00+08:00',
    'notice',
    '关于做好2018年民用爆炸物品安全生产许可初审工作的通知',
    '明确初审材料、时限和办理流程。',
    { docNumber: '示工信发〔2018〕5号' }
  ),
  item(
    'notices',
    'TZJS',
    '2018-06-20T16:00:00+08:00',
    'announcement',
    '2018年第一批工业企业技术改造项目备案情况公告',
    '公布本批次已备案的技术改造投资项目。'
  ),
  item(
    'notices',
    'BGS',
    '2018-12-25T10:00:00+08:00',
    'notice',
    '关于2019年元旦放假期间值班安排的通知',
    '元旦期间值班人员和联系电话。'
  ),
  item(
    'administrative-power',
    'ZHFG',
    '2019-04-10T10:00:00+08:00',
    'other',
    '市工业和信息化局权力清单（2019年版）',
    '列明本局行政许可、行政处罚、行政确认等职权事项及依据。'
  ),
  item(
    'administrative-power',
    'ZHFG',
    '2019-04-10T10:05:00+08:00',
    'other',
    '市工业和信息化局责任清单（2019年版）',
    '列明与权力事项对应的责任事项、追责情形。'
  ),
  item(
    'disclosure-guide',
    'ZHFG',
    '2018-01-05T09:00:00+08:00',
    'other',
    '市工业和信息化局政府信息公开指南',
    '说明主动公开的范围、依申请公开的办理流程和监督方式。'
  ),
  item(
    'disclosure-rules',
    'ZHFG',
    '2018-02-01T09:00:00+08:00',
    'other',
    '市工业和信息化局政府信息公开保密审查制度',
    '规定政府信息公开前的发布审核和保密审查程序。'
  ),
  item(
    'functions',
    'BGS',
    '2018-01-05T09:30:00+08:00',
    'other',
    '市工业和信息化局内设机构及职责',
    '介绍局机关各处室的主要职责和联系电话。'
  ),
  item(
    'leaders',
    'BGS',
    '2018-03-20T09:00:00+08:00',
    'other',
    '局领导分工调整',
    '根据工作需要调整局领导分工。'
  ),
  item(
    'plans',
    'TZJS',
    '2018-02-28T10:00:00+08:00',
    'opinion',
    '示范市2018年工业企业技术改造工作计划',
    '明确年度技术改造投资目标和重点项目。'
  ),
  item(
    'plans',
    'ZXQY',
    '2018-07-12T10:00:00+08:00',
    'opinion',
    '示范市促进中小企业发展三年行动计划（2018—2020年）',
    '提出中小企业发展的目标、任务和保障措施。'
  ),
  item(
    'budgets',
    'BGS',
    '2018-02-09T10:00:00+08:00',
    'report',
    '市工业和信息化局2018年部门预算',
    '公开2018年部门收支预算和“三公”经费预算。'
  ),
  item(
    'budgets',
    'BGS',
    '2018-08-30T10:00:00+08:00',
    'report',
    '市工业和信息化局2017年部门决算',
    '公开2017年部门收支决算和“三公”经费支出情况。'
  ),
  item(
    'law-enforcement',
    'XZSP',
    '2018-06-29T10:00:00+08:00',
    'other',
    '2018年上半年行政许可决定公示',
    '公示废旧电力设施器材收购许可等事项的许可决定。'
  ),
  item(
    'law-enforcement',
    'ZHFG',
    '2018-10-16T10:00:00+08:00',
    'other',
    '2018年“双随机、一公开”抽查结果公示',
    '公布随机抽取的检查对象和检查结果。'
  ),
  item(
    'suggestions-proposals',
    'ZHFG',
    '2019-09-27T10:00:00+08:00',
    'reply',
    '关于市人大代表第2019-0123号建议的答复',
    '关于支持中小企业技术改造的建议的办理答复（摘要）。'
  ),
  item(
    'suggestions-proposals',
    'ZHFG',
    '2019-10-08T10:00:00+08:00',
    'reply',
    '关于市政协委员第2019-0456号提案的答复',
    '关于推进工业互联网发展的提案的办理答复（摘要）。'
  ),
  item(
    'disclosure-on-request',
    'ZHFG',
    '2018-01-05T10:00:00+08:00',
    'other',
    '政府信息公开申请表及办理流程',
    '提供申请表下载，说明受理、补正、答复的流程与时限。'
  ),
  item(
    'annual-reports',
    'ZHFG',
    '2018-03-30T10:00:00+08:00',
    'report',
    '市工业和信息化局2017年政府信息公开工作年度报告',
    '报告2017年本局政府信息公开工作情况。',
    {
      en: {
        title: 'Annual report on government information disclosure, 2017',
        summary: "The bureau's disclosure work in 2017.",
      },
    }
  ),
  item(
    'complaints',
    'BGS',
    '2019-01-04T11:00:00+08:00',
    'other',
    '监督投诉渠道',
    '政务公开工作监督电话、邮箱和通信地址。'
  ),
  item(
    'enterprise-hotline',
    'ZXQY',
    '2019-01-04T11:10:00+08:00',
    'other',
    '企业服务热线服务指南',
    '企业服务热线的受理范围、时间和转办流程。'
  ),
  item(
    'surveys',
    'ZHFG',
    '2019-11-05T10:00:00+08:00',
    'other',
    '关于《示范市工业企业技术改造项目管理办法（征求意见稿）》公开征求意见的公告',
    '征求意见时间为2019年11月5日至12月5日。'
  ),
];

export interface DemoPolicy extends DemoItem {
  issuingAuthority: string;
  dateWritten: string;
  effectiveDate?: string;
  documentKind: 'rule' | 'normative' | 'other';
  validity: 'valid' | 'expired' | 'repealed' | 'amended';
  validityDate?: string;
  /** Code of this demo's policy that replaced this one. */
  replacedBy?: string;
  code: string;
}

export const DEMO_POLICIES: readonly DemoPolicy[] = [
  {
    ...item(
      'department-documents',
      'TZJS',
      '2018-03-16T10:00:00+08:00',
      'notice',
      '示范市工业企业技术改造投资项目备案管理办法',
      '规范技术改造投资项目的备案条件、程序和监督管理。',
      { docNumber: '示工信发〔2018〕12号' }
    ),
    code: 'tech-upgrade-2018',
    issuingAuthority: DEMO_PUBLISHER,
    dateWritten: '2018-03-12',
    effectiveDate: '2018-04-15',
    documentKind: 'normative',
    validity: 'valid',
  },
  {
    ...item(
      'department-documents',
      'TZJS',
      '2016-05-10T10:00:00+08:00',
      'notice',
      '示范市工业企业技术改造项目管理暂行办法',
      '已被2018年备案管理办法替代。',
      { docNumber: '示工信发〔2016〕20号' }
    ),
    code: 'tech-upgrade-2016',
    issuingAuthority: DEMO_PUBLISHER,
    dateWritten: '2016-05-06',
    effectiveDate: '2016-06-01',
    documentKind: 'normative',
    validity: 'repealed',
    validityDate: '2018-04-15',
    replacedBy: 'tech-upgrade-2018',
  },
  {
    ...item(
      'policies',
      'ZXQY',
      '2019-07-12T10:30:00+08:00',
      'opinion',
      '关于进一步支持中小企业发展的若干意见',
      '从融资、人才、市场开拓等方面支持中小企业。',
      { docNumber: '示工信发〔2019〕31号' }
    ),
    code: 'sme-support-2019',
    issuingAuthority: DEMO_PUBLISHER,
    dateWritten: '2019-07-09',
    effectiveDate: '2019-07-12',
    documentKind: 'other',
    validity: 'valid',
  },
];

export interface DemoInterpretation {
  policy: string;
  title: string;
  form: 'text' | 'graphic' | 'video' | 'expert' | 'official';
  interpreter: string;
  publishedAt: string;
  summary: string;
}

export const DEMO_INTERPRETATIONS: readonly DemoInterpretation[] = [
  {
    policy: 'tech-upgrade-2018',
    title: '《示范市工业企业技术改造投资项目备案管理办法》解读',
    form: 'text',
    interpreter: '投资与技术进步处',
    publishedAt: '2018-03-19T10:00:00+08:00',
    summary: '解读备案管理办法的出台背景、主要内容和办理要点。',
  },
  {
    policy: 'sme-support-2019',
    title: '一图读懂《关于进一步支持中小企业发展的若干意见》',
    form: 'graphic',
    interpreter: '中小企业处',
    publishedAt: '2019-07-15T10:00:00+08:00',
    summary: '以图解方式介绍支持中小企业发展的主要措施。',
  },
];

export interface DemoMeeting {
  title: string;
  meetingType: 'party_group' | 'director_office' | 'thematic' | 'other';
  heldAt: string;
  location: string;
  chair: string;
  summary: string;
}

export const DEMO_MEETINGS: readonly DemoMeeting[] = [
  {
    title: '2019年第1次局长办公会议',
    meetingType: 'director_office',
    heldAt: '2019-01-15T09:00:00+08:00',
    location: '局机关第一会议室',
    chair: '张明远',
    summary: '研究2019年全市工业和信息化工作要点。',
  },
  {
    title: '政务公开工作专题会议',
    meetingType: 'thematic',
    heldAt: '2019-06-05T14:30:00+08:00',
    location: '局机关第二会议室',
    chair: '李晓华',
    summary: '部署政务公开保密审查和网站栏目更新工作。',
  },
];

/**
 * The guide of the 依申请公开 sub-column: how to apply, online or on paper, and what happens then
 * (条例 Art. 27–45, as revised in 2019 — hence first published on 15 May 2019).
 */
export const DEMO_REQUEST_GUIDE: DemoItem & { paragraphs: readonly string[] } = {
  ...item(
    'disclosure-on-request',
    'ZHFG',
    '2019-05-15T09:00:00+08:00',
    'other',
    '依申请公开政府信息指南',
    '如何向本局申请获取政府信息：申请方式、所需材料、办理期限和答复方式。'
  ),
  paragraphs: [
    '一、受理机构：本局综合法规处负责政府信息公开申请的受理，地址：示范市和平区市府大路1号，邮编110000，电话024-12345602，工作日8:30—12:00、13:00—17:00。',
    '二、申请方式：公民、法人或者其他组织可以通过本局门户网站“依申请公开”栏目在线提交申请，也可以当面、邮寄或者传真提交书面申请。在线提交的，以提交当日为收到申请之日；邮寄的，以签收之日为收到申请之日。',
    '三、申请内容：申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式和途径（纸质或电子，邮寄、电子邮件、当面领取等）。可以附身份证明、授权委托书等材料（PDF、JPG、PNG、OFD格式，每件不超过5MB，最多3件）。',
    '四、受理和查询：在线提交后，系统即时给出受理编号和查询码，申请人可凭二者在网站查询办理状态、答复期限和办理结果。',
    '五、办理期限：本局自收到申请之日起20个工作日内答复（法定节假日不计，调休上班日计入）；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长不超过20个工作日。申请内容不明确的，本局在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算；征求第三方或者其他机关意见的时间不计入答复期限。',
    '六、收费：申请公开政府信息不收取费用；申请数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费。',
    '七、救济：申请人认为本局在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
  ],
};

// ---------------------------------------------------------------------------------------------
// The source year as figures (domain.md §6): the report counts 165 items in 工作动态, 60 in 通知公告
// and 289 in the 政务公开 sub-columns (514; it states 519, which its parts do not add up to). The
// items written out above are topped up with routine items to exactly these numbers, so the
// statistics and the 总体情况 drafted from them quote the source year.

/** First publications in 2018 (Beijing) that the demo's records give. */
export const SOURCE_YEAR_TARGETS = {
  'work-news': 165,
  notices: 60,
  /** Every 政务公开 sub-column except 建议提案办理. */
  subColumns: 289 - 17,
  /** 建议提案办理: the 17 replies (9 建议 + 8 提案) seeded by demo-proposals.ts. */
  'suggestions-proposals': 17,
} as const;

/** The sub-columns the routine items go to, and each one's share of them. */
const SUB_COLUMN_SHARES: ReadonlyArray<[column: string, weight: number]> = [
  ['law-enforcement', 130],
  ['department-documents', 60],
  ['plans', 30],
  ['budgets', 20],
  ['disclosure-rules', 8],
  ['leaders', 5],
  ['functions', 4],
];

const AREAS = [
  '经济技术开发区',
  '高新技术产业园',
  '东部工业园',
  '西部工业园',
  '北部产业园',
  '临港产业区',
  '县域工业集中区',
  '中心城区',
];
const TOPICS = [
  '技术改造',
  '工业互联网',
  '中小企业服务',
  '节能降耗',
  '安全生产',
  '智能制造',
  '企业上云',
  '工业经济运行',
  '产业链招商',
  '“专精特新”培育',
  '民爆行业管理',
  '营商环境',
];
const DIVISIONS_BY_COLUMN: Record<string, readonly string[]> = {
  'work-news': ['YXJC', 'TZJS', 'ZXQY', 'BGS', 'XZSP', 'ZHFG'],
  notices: ['BGS', 'TZJS', 'ZXQY', 'XZSP', 'YXJC'],
  'law-enforcement': ['XZSP', 'XZSP', 'ZHFG'],
  'department-documents': ['TZJS', 'ZXQY', 'YXJC'],
  plans: ['TZJS', 'ZXQY', 'YXJC'],
  budgets: ['BGS'],
  'disclosure-rules': ['ZHFG'],
  leaders: ['BGS'],
  functions: ['BGS'],
};

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length];

/** A routine item's title, summary and genre, numbered so that titles do not repeat. */
const ROUTINE: Record<string, (n: number) => [string, string, string]> = {
  'work-news': (n) => {
    // Each of the four headlines takes every n-th item: its topic and area pairs do not repeat.
    const round = Math.floor(n / 4);
    const topic = pick(TOPICS, round);
    const area = pick(AREAS, Math.floor(round / TOPICS.length));
    const [title, summary] = pick(
      [
        [
          `局领导到${area}调研${topic}工作`,
          `了解${area}企业${topic}进展，协调解决企业反映的问题。`,
        ],
        [`全市${topic}工作推进会召开（第${n + 1}期）`, `通报${topic}工作进展，部署下一阶段任务。`],
        [`${area}${topic}项目现场观摩活动举行`, `组织企业观摩${topic}重点项目，交流经验做法。`],
        [`我局开展${topic}政策宣讲（第${n + 1}场）`, `面向${area}企业解读${topic}扶持政策。`],
      ],
      n
    );
    return [title, summary, 'other'];
  },
  notices: (n) => {
    const topic = pick(TOPICS, n);
    return pick(
      [
        [
          `关于开展2018年${topic}专项工作的通知（第${n + 1}号）`,
          `明确${topic}专项工作的任务分工和时间安排。`,
          'notice',
        ],
        [
          `关于组织申报2018年${topic}项目的通知（第${n + 1}号）`,
          `说明${topic}项目的申报条件、材料和截止时间。`,
          'notice',
        ],
        [
          `2018年${topic}项目公示（第${n + 1}批）`,
          `公示拟支持的${topic}项目名单，接受社会监督。`,
          'announcement',
        ],
      ],
      n
    );
  },
  'law-enforcement': (n) =>
    pick(
      [
        [
          `行政许可决定公示（2018年第${n + 1}期）`,
          '公示本期作出的行政许可决定：事项、申请人和决定日期。',
          'other',
        ],
        [
          `工业企业技术改造投资项目备案信息公示（2018年第${n + 1}期）`,
          '公示本期办理的技术改造投资项目备案。',
          'other',
        ],
        [
          `“双随机、一公开”检查结果公示（2018年第${n + 1}批）`,
          '公布随机抽取的检查对象、检查事项和检查结果。',
          'other',
        ],
      ],
      n
    ),
  'department-documents': (n) => {
    const topic = pick(TOPICS, n);
    return [
      `示范市工业和信息化局关于做好${topic}工作的通知（示工信发〔2018〕${40 + n}号）`,
      `部署${topic}相关工作，明确责任分工。`,
      'notice',
    ];
  },
  plans: (n) => {
    const topic = pick(TOPICS, n);
    return [
      `示范市2018年${topic}工作方案（第${n + 1}项）`,
      `提出${topic}年度目标、重点任务和保障措施。`,
      'opinion',
    ];
  },
  budgets: (n) => [
    `市工业和信息化局2018年专项资金使用情况公示（第${n + 1}批）`,
    '公开专项资金的支持项目、金额和使用情况。',
    'report',
  ],
  'disclosure-rules': (n) =>
    pick(
      [
        [
          `政府信息公开工作制度汇编（第${n + 1}部分）`,
          '汇编本局政府信息公开发布审核、保密审查等制度。',
          'other',
        ],
        [
          `政务公开工作考核办法（修订稿第${n + 1}条说明）`,
          '说明政务公开工作考核的指标和方法。',
          'other',
        ],
      ],
      n
    ),
  leaders: (n) => [
    `局领导活动（2018年第${n + 1}期）`,
    '局领导参加重要会议和调研活动的情况。',
    'other',
  ],
  functions: (n) => [
    `内设机构职责调整说明（第${n + 1}号）`,
    '说明局机关内设机构职责的调整情况。',
    'other',
  ],
};

/** The 政务公开 sub-columns of the default catalogue. */
export const SUB_COLUMN_CODES = DEFAULT_COLUMNS.filter(
  (column) => column.kind === 'sub_column'
).map((column) => column.code);

const inSourceYear = (entry: { publishedAt: string }) =>
  new Date(new Date(entry.publishedAt).getTime() + 8 * 3600 * 1000).getUTCFullYear() === 2018;

/** `count` shares of `total` in proportion to `weights`, adding up exactly (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const shares = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (let k = 0; k < total - shares.reduce((a, b) => a + b, 0); k += 1)
    shares[order[k].index] += 1;
  return shares;
}

/** `count` publication times spread over 2018, at 10:xx Beijing time, in order. */
const spreadOver2018 = (count: number, salt: number): string[] =>
  Array.from({ length: count }, (_, index) => {
    const day = Math.floor(((index + 0.5) * 364) / count); // 0 … 363
    const date = new Date(Date.UTC(2018, 0, 2 + day, 2, (salt * 7 + index) % 60));
    return `${date.toISOString().slice(0, 19)}Z`;
  });

/**
 * The routine items that bring the hand-written ones (`written`, every type in its column) up to
 * SOURCE_YEAR_TARGETS. Pure; the seed publishes them through the review like the others.
 */
export function sourceYearTopUp(
  written: ReadonlyArray<Pick<DemoItem, 'column' | 'publishedAt'>>
): DemoItem[] {
  const counted = written.filter(inSourceYear);
  const countIn = (columns: readonly string[]) =>
    counted.filter((entry) => columns.includes(entry.column)).length;
  const subColumnsWritten = countIn(
    SUB_COLUMN_CODES.filter((code) => code !== 'suggestions-proposals')
  );
  const plan: Array<[string, number]> = [
    ['work-news', SOURCE_YEAR_TARGETS['work-news'] - countIn(['work-news'])],
    ['notices', SOURCE_YEAR_TARGETS.notices - countIn(['notices'])],
  ];
  const shares = apportion(
    SOURCE_YEAR_TARGETS.subColumns - subColumnsWritten,
    SUB_COLUMN_SHARES.map(([, weight]) => weight)
  );
  SUB_COLUMN_SHARES.forEach(([column], index) => plan.push([column, shares[index]]));
  if (plan.some(([, count]) => count < 0)) {
    throw new Error('The written demo items exceed the source year: adjust SOURCE_YEAR_TARGETS');
  }
  return plan.flatMap(([column, count], salt) =>
    spreadOver2018(count, salt).map((publishedAt, n) => {
      const [title, summary, genre] = ROUTINE[column](n);
      return item(column, pick(DIVISIONS_BY_COLUMN[column], n), publishedAt, genre, title, summary);
    })
  );
}
