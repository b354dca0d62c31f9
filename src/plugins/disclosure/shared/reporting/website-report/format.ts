/**
 * The 政府网站工作年度报表 (国办函〔2018〕12号 附件, the form every government website publishes by
 * 31 January): sections → fields, each typed (a count, a decimal, yes/no, text, a choice or a date)
 * and, where the system holds the records, computed from a statistics figure. Pure data; the
 * server, the exports and the admin read it. Field keys are `<section>.<field>` and never change.
 */

export type FieldType = 'count' | 'decimal' | 'yesNo' | 'text' | 'choice' | 'date';

export interface WebsiteReportField {
  key: string;
  label: string;
  /** The unit printed after the label, as on the form (条, 个, 次, 项, 件, 天, 期). */
  unit?: string;
  type: FieldType;
  /** The sub-heading it is printed under (留言办理, 微博 …), when the form has one. */
  group?: string;
  /** Printed as 其中 under the field before it (解读材料数量 of 解读信息发布总数). */
  ofWhich?: boolean;
  /** The statistics figure it is computed from, while that figure's provider is registered. */
  computedFrom?: string;
  /**
   * The figure whose records stand behind a computed measure that has none of its own (an
   * average: the messages it is the average of).
   */
  recordsFrom?: string;
  /** Must be filled before the report is submitted. */
  required?: boolean;
  /** The values of a `choice` field. */
  options?: readonly string[];
  /** Maximum length of a text. */
  maxLength?: number;
}

export interface WebsiteReportSection {
  key: string;
  label: string;
  /** The unit printed beside the section name (信息发布（单位：条）). */
  unit?: string;
  fields: readonly WebsiteReportField[];
}

/** One field's value: a number, yes/no, text; null while nobody entered or computed it. */
export type FieldValue = number | boolean | string | null;

export const SITE_TYPES = ['政府门户网站', '部门网站', '专项网站'] as const;

type Spec = Omit<WebsiteReportField, 'key' | 'type'> & { type?: FieldType };

const fields = (section: string, specs: Record<string, Spec>): WebsiteReportField[] =>
  Object.entries(specs).map(([key, spec]) => ({
    type: 'count',
    ...spec,
    key: `${section}.${key}`,
  }));

const required = { required: true } as const;
const yesNo = { type: 'yesNo', required: true } as const;
const text = (maxLength = 255) => ({ type: 'text', maxLength }) as const;

/**
 * The form, in print order. Counts and yes/no fields are required; in 移动新媒体 the accounts'
 * figures are not (a site may have no 微博 or no 微信 account), nor are names and 其他 texts.
 */
export const WEBSITE_REPORT_SECTIONS: readonly WebsiteReportSection[] = [
  {
    key: 'site',
    label: '网站基本信息',
    fields: fields('site', {
      name: { label: '网站名称', ...text(), ...required },
      homepage: { label: '首页网址', ...text(), ...required },
      sponsor: { label: '主办单位', ...text(), ...required },
      siteType: {
        label: '网站类型',
        type: 'choice',
        options: SITE_TYPES,
        ...required,
      },
      identifier: { label: '政府网站标识码', ...text(64), ...required },
      icp: { label: 'ICP备案号', ...text(64), ...required },
      publicSecurity: { label: '公安机关备案号', ...text(64), ...required },
      uniqueVisitors: { label: '独立用户访问总量', unit: '个', ...required },
      pageViews: { label: '网站总访问量', unit: '次', ...required },
    }),
  },
  {
    key: 'publishing',
    label: '信息发布',
    unit: '条',
    fields: fields('publishing', {
      total: { label: '总数', unit: '条', computedFrom: 'items.total', ...required },
      overview: {
        label: '概况类信息更新量',
        unit: '条',
        computedFrom: 'items.websiteCategory:overview',
        ...required,
      },
      news: {
        label: '政务动态信息更新量',
        unit: '条',
        computedFrom: 'items.websiteCategory:news',
        ...required,
      },
      catalogue: {
        label: '信息公开目录信息更新量',
        unit: '条',
        computedFrom: 'items.websiteCategory:catalogue',
        ...required,
      },
    }),
  },
  {
    key: 'topics',
    label: '专栏专题',
    fields: fields('topics', {
      maintained: { label: '维护数量', unit: '个', ...required },
      opened: { label: '新开设数量', unit: '个', ...required },
    }),
  },
  {
    key: 'interpretation',
    label: '解读回应',
    fields: fields('interpretation', {
      total: {
        label: '总数',
        group: '解读信息发布',
        unit: '条',
        computedFrom: 'interpretations.published',
        ...required,
      },
      materials: {
        label: '解读材料数量',
        unit: '条',
        group: '解读信息发布',
        ofWhich: true,
        computedFrom: 'interpretations.materials',
        ...required,
      },
      products: {
        label: '解读产品数量',
        unit: '条',
        group: '解读信息发布',
        ofWhich: true,
        computedFrom: 'interpretations.products',
        ...required,
      },
      mediaArticles: {
        label: '媒体评论文章数量',
        unit: '条',
        group: '解读信息发布',
        ofWhich: true,
        ...required,
      },
      responses: { label: '回应公众关注热点或重大舆情数量', unit: '次', ...required },
    }),
  },
  {
    key: 'services',
    label: '办事服务',
    fields: fields('services', {
      catalogue: { label: '是否发布服务事项目录', ...yesNo },
      registeredUsers: { label: '注册用户数', unit: '个', ...required },
      items: {
        label: '政务服务事项数量',
        unit: '项',
        computedFrom: 'serviceCases.items',
        ...required,
      },
      onlineItems: {
        label: '可全程在线办理政务服务事项数量',
        unit: '项',
        computedFrom: 'serviceCases.onlineItems',
        ...required,
      },
      cases: {
        label: '总数',
        group: '办件量',
        unit: '件',
        computedFrom: 'serviceCases.closed',
        ...required,
      },
      naturalCases: {
        label: '自然人办件量',
        group: '办件量',
        unit: '件',
        computedFrom: 'serviceCases.applicant:natural',
        ...required,
      },
      legalCases: {
        label: '法人办件量',
        group: '办件量',
        unit: '件',
        computedFrom: 'serviceCases.applicant:legal',
        ...required,
      },
    }),
  },
  {
    key: 'interaction',
    label: '互动交流',
    fields: fields('interaction', {
      unifiedPlatform: { label: '是否使用统一平台', ...yesNo },
      messagesReceived: {
        label: '收到留言数量',
        group: '留言办理',
        unit: '条',
        computedFrom: 'inquiries.received',
        ...required,
      },
      messagesClosed: {
        label: '办结留言数量',
        group: '留言办理',
        unit: '条',
        computedFrom: 'inquiries.closed',
        ...required,
      },
      averageDays: {
        label: '平均办理时间',
        group: '留言办理',
        unit: '天',
        type: 'decimal',
        computedFrom: 'inquiries.averageWorkingDays',
        recordsFrom: 'inquiries.closed',
        ...required,
      },
      publicAnswers: {
        label: '公开答复数量',
        group: '留言办理',
        unit: '条',
        computedFrom: 'inquiries.publicAnswers',
        ...required,
      },
      consultations: {
        label: '征集调查期数',
        group: '征集调查',
        unit: '期',
        computedFrom: 'consultations.held',
        ...required,
      },
      consultationComments: {
        label: '收到意见数量',
        group: '征集调查',
        unit: '条',
        computedFrom: 'consultations.comments',
        ...required,
      },
      resultsPublished: {
        label: '公布调查结果期数',
        group: '征集调查',
        unit: '期',
        computedFrom: 'consultations.resultsPublished',
        ...required,
      },
      interviews: { label: '访谈期数', group: '在线访谈', unit: '期', ...required },
      interviewMessages: { label: '网民留言数量', group: '在线访谈', unit: '条', ...required },
      interviewAnswers: { label: '答复网民提问数量', group: '在线访谈', unit: '条', ...required },
      smartAnswers: { label: '是否提供智能问答', ...yesNo },
    }),
  },
  {
    key: 'security',
    label: '安全防护',
    fields: fields('security', {
      assessments: { label: '安全检测评估次数', unit: '次', ...required },
      problemsFound: { label: '发现问题数量', unit: '个', ...required },
      problemsFixed: { label: '问题整改数量', unit: '个', ...required },
      monitoring: { label: '是否建立安全监测预警机制', ...yesNo },
      drills: { label: '是否开展应急演练', ...yesNo },
      responsiblePerson: { label: '是否明确网站安全责任人', ...yesNo },
    }),
  },
  {
    key: 'media',
    label: '移动新媒体',
    fields: fields('media', {
      hasMedia: { label: '是否有移动新媒体', ...yesNo },
      weiboName: { label: '名称', group: '微博', ...text() },
      weiboPosts: { label: '信息发布量', group: '微博', unit: '条' },
      weiboFollowers: { label: '关注量', group: '微博', unit: '个' },
      wechatName: { label: '名称', group: '微信', ...text() },
      wechatPosts: { label: '信息发布量', group: '微信', unit: '条' },
      wechatSubscribers: { label: '订阅数', group: '微信', unit: '个' },
      other: { label: '其他', ...text(2000) },
    }),
  },
  {
    key: 'innovation',
    label: '创新发展',
    fields: fields('innovation', {
      searchAsService: { label: '搜索即服务', ...yesNo },
      multilingual: { label: '多语言版本', ...yesNo },
      accessibility: { label: '无障碍浏览', ...yesNo },
      personalised: { label: '千人千网', ...yesNo },
      other: { label: '其他', ...text(2000) },
    }),
  },
  {
    key: 'signoff',
    label: '填报信息',
    fields: fields('signoff', {
      head: { label: '单位负责人', ...text(64) },
      reviewer: { label: '审核人', ...text(64) },
      preparer: { label: '填报人', ...text(64), ...required },
      phone: { label: '联系电话', ...text(64), ...required },
      date: { label: '填报日期', type: 'date', ...required },
    }),
  },
];

/** Every field of the form, in print order. */
export const WEBSITE_REPORT_FIELDS: readonly WebsiteReportField[] = WEBSITE_REPORT_SECTIONS.flatMap(
  (section) => section.fields
);

const BY_KEY = new Map(WEBSITE_REPORT_FIELDS.map((field) => [field.key, field]));

/** The field of a key, or undefined when the form has none. */
export const websiteReportField = (key: string) => BY_KEY.get(key);

/** The label as printed, with its unit: 收到留言数量（单位：条）. */
export const labelWithUnit = (field: WebsiteReportField) =>
  field.unit ? `${field.label}（单位：${field.unit}）` : field.label;

const takes: Record<FieldType, string> = {
  count: 'a whole number ≥ 0',
  decimal: 'a number ≥ 0',
  yesNo: 'true (是) or false (否)',
  text: 'text',
  choice: 'one of the listed values',
  date: 'a date as YYYY-MM-DD',
};

/**
 * Why `value` cannot be this field's value (a sentence naming the field), or null when it can.
 * Null always can: it clears the field.
 */
export function fieldValueProblem(field: WebsiteReportField, value: unknown): string | null {
  if (value === null) return null;
  const refuse = (what = takes[field.type]) =>
    `Field "${field.key}" (${field.label}) takes ${what} or null.`;
  switch (field.type) {
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? null
        : refuse();
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : refuse();
    case 'yesNo':
      return typeof value === 'boolean' ? null : refuse();
    case 'text': {
      const limit = field.maxLength ?? 255;
      return typeof value === 'string' && value.length <= limit
        ? null
        : refuse(`text of at most ${limit} characters`);
    }
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? null
        : refuse(`one of ${(field.options ?? []).join('、')}`);
    case 'date':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? null
        : refuse();
  }
}

/** A value as the form prints it: 是/否 for yes/no, the number or text, '' when empty. */
export function printedValue(field: WebsiteReportField, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'yesNo') return value === true ? '是' : value === false ? '否' : '';
  return String(value);
}

/** A field's value and where it came from: computed from records, or entered by the coordinator. */
export interface WebsiteReportCell {
  value: FieldValue;
  source: 'computed' | 'entered';
  /** The figure a computed field comes from. */
  figure?: string;
  /** The figure whose records the drill-down lists (the figure itself, or its `recordsFrom`). */
  records?: string;
}

const isEmpty = (value: FieldValue | undefined) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * The required fields the coordinator has still to fill, in print order. A computed field is never
 * missing: an average over no messages is null because there is nothing to measure.
 */
export const missingFields = (cells: Readonly<Record<string, WebsiteReportCell | undefined>>) =>
  WEBSITE_REPORT_FIELDS.filter(
    (field) =>
      field.required && cells[field.key]?.source !== 'computed' && isEmpty(cells[field.key]?.value)
  );
