/** Content-type UIDs, locales and the public surface of the app: defined once, used everywhere. */

export const UID = {
  column: 'api::column.column',
  department: 'api::department.department',
  article: 'api::article.article',
  policyDocument: 'api::policy-document.policy-document',
  policyInterpretation: 'api::policy-interpretation.policy-interpretation',
  meeting: 'api::meeting.meeting',
  leader: 'api::leader.leader',
  organisationProfile: 'api::organisation-profile.organisation-profile',
  disclosureGuide: 'api::disclosure-guide.disclosure-guide',
  annualReport: 'api::annual-report.annual-report',
  websiteReport: 'api::website-report.website-report',
} as const;

export type AppUid = (typeof UID)[keyof typeof UID];

/** Types whose items sit in a catalogue column: listable by column and sorted by publication date. */
export const CATALOGUE_ITEM_UIDS = [
  UID.article,
  UID.policyDocument,
  UID.policyInterpretation,
  UID.meeting,
  UID.annualReport,
  UID.websiteReport,
] as const;

export const COLLECTION_UIDS = [
  UID.column,
  UID.department,
  ...CATALOGUE_ITEM_UIDS,
  UID.leader,
] as const;

export const SINGLE_TYPE_UIDS = [UID.organisationProfile, UID.disclosureGuide] as const;

/** What the website's anonymous visitors (the Public role) may do, and nothing more. */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...COLLECTION_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  ...SINGLE_TYPE_UIDS.map((uid) => `${uid}.find`),
];

export const DEFAULT_LOCALE = 'zh-Hans';

export const LOCALES = [
  { code: 'zh-Hans', name: '简体中文 (zh-Hans)' },
  { code: 'en', name: 'English (en)' },
] as const;

/** Date ordering for catalogue lists: newest first by the date an item first reached the public. */
export const DEFAULT_ITEM_SORT = ['firstPublishedAt:desc', 'publishedAt:desc', 'id:desc'];
