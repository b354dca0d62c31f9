/**
 * The reply letter (答复函) to a deputy's suggestion or a member's proposal: the default wording
 * per kind; the office edits its own and the stored template wins. Placeholders `{{name}}` are
 * filled from the case. Pure.
 */
import type { ProposalKind } from './contracts';

export interface ProposalReplyTemplate {
  kind: ProposalKind;
  subject: string;
  body: string;
}

export const PROPOSAL_PLACEHOLDERS = [
  'proposers',
  'kindLabel',
  'term',
  'meeting',
  'number',
  'title',
  'answer',
  'resultClass',
  'replyDate',
  'bureau',
] as const;
export type ProposalPlaceholder = (typeof PROPOSAL_PLACEHOLDERS)[number];

/** The letter's paragraph indent: two full-width spaces, as Chinese letters are set. */
const INDENT = '\u3000\u3000';

const CLOSING = '感谢您对本机关工作的关心和支持，欢迎继续提出宝贵意见。';

/** The letter's body: to the deputies (代表) or members (委员), about their 建议 or 提案. */
const body = (title: string, noun: string) =>
  [
    `{{proposers}}${title}：`,
    `${INDENT}您在{{term}}{{meeting}}期间提出的第{{number}}号${noun}《{{title}}》收悉。现答复如下：`,
    INDENT + '{{answer}}',
    `${INDENT}${CLOSING}`,
    INDENT + '办理结果：{{resultClass}}。',
    '{{bureau}}',
    '{{replyDate}}',
  ].join('\n');

export const DEFAULT_PROPOSAL_TEMPLATES: Record<ProposalKind, ProposalReplyTemplate> = {
  deputy: {
    kind: 'deputy',
    subject: '关于{{term}}{{meeting}}第{{number}}号建议的答复',
    body: body('代表', '建议'),
  },
  member: {
    kind: 'member',
    subject: '关于{{term}}{{meeting}}第{{number}}号提案的答复',
    body: body('委员', '提案'),
  },
};

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const isPlaceholder = (name: string): name is ProposalPlaceholder =>
  (PROPOSAL_PLACEHOLDERS as readonly string[]).includes(name);

/** The text with each known placeholder replaced by its value; unknown ones stay as written. */
export function fillProposalTemplate(
  text: string,
  values: Partial<Record<ProposalPlaceholder, string>>
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) && Object.hasOwn(values, name) ? (values[name] ?? '') : whole
  );
}

/** The `{{names}}` of a text that are no placeholder, once each in order of appearance. */
export function unknownProposalPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
  return [...new Set(names.filter((name) => !isPlaceholder(name)))];
}

/** 2018-07-05 → 2018年7月5日. */
export const chineseDate = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};
