/**
 * The default disclosure catalogue (../shared/domain.md §2): seeded once, then owned by the
 * coordinator in the admin. Codes are stable identifiers for the website; names are per locale.
 */

export type ColumnKind = 'catalogue_column' | 'sub_column' | 'interaction_window';

/** How often a column must be updated, for the timeliness monitor (国办秘函〔2019〕19号). */
export type UpdateClass = 'news' | 'notice_policy' | 'should_update' | 'static';

export interface ColumnSeed {
  code: string;
  name: { 'zh-Hans': string; en: string };
  kind: ColumnKind;
  parent?: string;
  sortOrder: number;
  updateClass: UpdateClass;
}

/** Days without an update after which a column counts as stale; null where no limit applies. */
export const STALE_AFTER_DAYS: Record<UpdateClass, number | null> = {
  news: 14,
  notice_policy: 180,
  should_update: 365,
  static: null,
};

const top = (
  code: string,
  zh: string,
  en: string,
  sortOrder: number,
  updateClass: UpdateClass
): ColumnSeed => ({
  code,
  name: { 'zh-Hans': zh, en },
  kind: 'catalogue_column',
  sortOrder,
  updateClass,
});

const sub = (
  code: string,
  zh: string,
  en: string,
  sortOrder: number,
  updateClass: UpdateClass
): ColumnSeed => ({
  code,
  name: { 'zh-Hans': zh, en },
  kind: 'sub_column',
  parent: 'government-disclosure',
  sortOrder,
  updateClass,
});

const interactionWindow = (
  code: string,
  zh: string,
  en: string,
  sortOrder: number
): ColumnSeed => ({
  code,
  name: { 'zh-Hans': zh, en },
  kind: 'interaction_window',
  sortOrder,
  updateClass: 'should_update',
});

export const DEFAULT_COLUMNS: readonly ColumnSeed[] = [
  top(
    'government-disclosure',
    '政务公开',
    'Government Information Disclosure',
    10,
    'should_update'
  ),
  top('work-news', '工作动态', 'Work News', 20, 'news'),
  top('notices', '通知公告', 'Notices', 30, 'notice_policy'),
  top('administrative-power', '行政权力', 'Administrative Power', 40, 'should_update'),
  top('policies', '政策法规', 'Policies and Regulations', 50, 'notice_policy'),
  top('meetings', '政府会议', 'Government Meetings', 60, 'should_update'),

  sub('disclosure-guide', '政府信息公开指南', 'Disclosure Guide', 10, 'static'),
  sub('disclosure-rules', '政府信息公开制度', 'Disclosure Rules', 20, 'should_update'),
  sub('functions', '机构职能', 'Functions and Divisions', 30, 'static'),
  sub('leaders', '领导之窗', 'Leadership', 40, 'should_update'),
  sub('department-documents', '部门文件', 'Department Documents', 50, 'notice_policy'),
  sub('policy-interpretations', '政策解读', 'Policy Interpretations', 60, 'notice_policy'),
  sub('plans', '规划计划', 'Plans', 70, 'should_update'),
  sub('budgets', '财政预决算', 'Budgets and Final Accounts', 80, 'should_update'),
  sub('law-enforcement', '行政执法公示', 'Law Enforcement Disclosure', 90, 'should_update'),
  sub('suggestions-proposals', '建议提案办理', 'Suggestions and Proposals', 100, 'should_update'),
  sub('disclosure-on-request', '依申请公开', 'Disclosure on Request', 110, 'static'),
  sub('annual-reports', '政府信息公开年报', 'Annual Disclosure Reports', 120, 'should_update'),

  interactionWindow('complaints', '监督投诉', 'Complaints', 70),
  interactionWindow('enterprise-hotline', '企业服务热线', 'Enterprise Service Hotline', 80),
  interactionWindow('surveys', '调查征集', 'Surveys and Consultations', 90),
];
