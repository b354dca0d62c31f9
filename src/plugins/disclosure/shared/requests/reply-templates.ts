/**
 * The reply letter (答复告知书) for each outcome of table 三, citing the article of the 条例
 * (2019 revision) it relies on. These are the defaults; the office edits its own wording and the
 * stored template wins. Placeholders `{{name}}` are filled from the request. Pure.
 */
import {
  NOT_HANDLED_REASONS,
  OTHER_HANDLING_REASONS,
  REFUSAL_REASONS,
  UNAVAILABLE_REASONS,
} from '../reporting/annual-report/format-2021';
import { PARTLY_LABEL } from '../reporting/annual-report/format-2021';
import { OUTCOMES } from './outcomes';

export interface ReplyTemplate {
  outcome: string;
  /** The article relied on, e.g. 《中华人民共和国政府信息公开条例》第十五条. */
  article: string;
  subject: string;
  body: string;
}

export const PLACEHOLDERS = [
  'trackingNumber',
  'applicantName',
  'title',
  'receivedOn',
  'replyDate',
  'reason',
  'article',
  'bureau',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const REGULATION = '《中华人民共和国政府信息公开条例》';

const GROUPS: Record<string, { label: string; reasons: readonly string[] }> = {
  refused: { label: '（三）不予公开', reasons: REFUSAL_REASONS },
  unavailable: { label: '（四）无法提供', reasons: UNAVAILABLE_REASONS },
  notHandled: { label: '（五）不予处理', reasons: NOT_HANDLED_REASONS },
  otherHandling: { label: '（六）其他处理', reasons: OTHER_HANDLING_REASONS },
};

/** The table 三 label of an outcome: （一）予以公开, or （三）不予公开 · 4.保护第三方合法权益. */
export function outcomeLabel(outcome: string): string {
  if (outcome === 'disclosed') return '（一）予以公开';
  if (outcome === 'partly') return PARTLY_LABEL;
  const [group, number] = outcome.split('.');
  const known = Object.hasOwn(GROUPS, group) ? GROUPS[group] : undefined;
  const reason = known?.reasons[Number(number) - 1];
  return known && reason ? `${known.label} · ${number}.${reason}` : outcome;
}

/** Article and the decisive sentence of each outcome's letter. */
const DEFAULTS: Record<string, [article: string, decision: string]> = {
  disclosed: [
    '第三十六条第（二）项',
    '经审查，您申请获取的政府信息属于公开范围，根据{{article}}的规定，现予以提供（见附件）。',
  ],
  partly: [
    '第三十七条',
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{{article}}的规定，现向您提供可以公开的部分（见附件）；不予公开的部分及理由：{{reason}}',
  ],
  'refused.1': [
    '第十四条',
    '经审查，您申请获取的政府信息依法确定为国家秘密，根据{{article}}的规定，不予公开。',
  ],
  'refused.2': [
    '第十四条',
    '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息（{{reason}}），根据{{article}}的规定，不予公开。',
  ],
  'refused.3': [
    '第十四条',
    '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，根据{{article}}的规定，不予公开。',
  ],
  'refused.4': [
    '第十五条',
    '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，且第三方不同意公开（{{reason}}），根据{{article}}的规定，不予公开。',
  ],
  'refused.5': [
    '第十六条第一款',
    '经审查，您申请获取的政府信息属于本机关的内部事务信息（{{reason}}），根据{{article}}的规定，不予公开。',
  ],
  'refused.6': [
    '第十六条第二款',
    '经审查，您申请获取的政府信息属于本机关在履行行政管理职能过程中形成的过程性信息（{{reason}}），根据{{article}}的规定，不予公开。',
  ],
  'refused.7': [
    '第十六条第二款',
    '经审查，您申请获取的政府信息属于行政执法案卷信息，根据{{article}}的规定，不予公开。',
  ],
  'refused.8': [
    '第三十六条第（七）项',
    '经审查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的行政查询事项（{{reason}}），根据{{article}}的规定，请依照有关法律、行政法规的规定办理。',
  ],
  'unavailable.1': [
    '第三十六条第（四）项、第（五）项',
    '经检索，本机关未制作、获取您申请公开的政府信息，根据{{article}}的规定，告知您该政府信息不存在。{{reason}}',
  ],
  'unavailable.2': [
    '第三十八条',
    '经审查，本机关没有您所申请的现成信息，提供该信息需要对现有政府信息进行加工、分析，根据{{article}}的规定，不予提供。',
  ],
  'unavailable.3': [
    '第三十条',
    '本机关已于补正通知中告知您需要补正的事项，补正后的申请内容仍不明确，无法确定您所需的政府信息，根据{{article}}的规定，无法提供。',
  ],
  'notHandled.1': [
    '第三十九条第一款',
    '经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动，根据{{article}}的规定，不作为政府信息公开申请处理，您可以通过信访、投诉举报等相应渠道提出。',
  ],
  'notHandled.2': [
    '第三十六条第（六）项',
    '本机关已就您提出的相同政府信息公开申请作出答复（{{reason}}），根据{{article}}的规定，不予重复处理。',
  ],
  'notHandled.3': [
    '第三十九条第二款',
    '您申请的是政府公报、报刊、书籍等公开出版物，根据{{article}}的规定，告知您获取的途径：{{reason}}',
  ],
  'notHandled.4': [
    '第三十五条',
    '您申请公开政府信息的数量、频次明显超过合理范围，且未能说明理由或理由不合理，根据{{article}}的规定，不予处理。',
  ],
  'notHandled.5': [
    '第三十六条第（六）项',
    '您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围，根据{{article}}的规定，不予处理。',
  ],
  'otherHandling.1': [
    '第三十条',
    '本机关已一次性告知您补正申请，您无正当理由逾期未补正，根据{{article}}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ],
  'otherHandling.2': [
    '第四十二条',
    '本机关已向您发出收费通知，您逾期未按收费通知要求缴纳费用，视为放弃申请，根据{{article}}和《政府信息公开信息处理费管理办法》的规定，本机关不再处理该政府信息公开申请。',
  ],
  'otherHandling.3': ['第三十六条', '{{reason}}'],
};

const REMEDY =
  '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。';

/** The default template of every outcome, in table 三 order. */
export const DEFAULT_TEMPLATES: readonly ReplyTemplate[] = OUTCOMES.map((outcome) => {
  const [article, decision] = DEFAULTS[outcome];
  return {
    outcome,
    article: `${REGULATION}${article}`,
    subject: '政府信息公开申请答复告知书（{{trackingNumber}}）',
    body: [
      '{{applicantName}}：',
      '本机关于{{receivedOn}}收到您的政府信息公开申请（受理编号{{trackingNumber}}），申请获取“{{title}}”。',
      decision,
      REMEDY,
      '{{bureau}}',
      '{{replyDate}}',
    ].join('\n\n'),
  };
});

/** A date as a reply letter writes it: 2026-11-24 → 2026年11月24日. */
export const chineseDate = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Fills the known `{{placeholder}}`s from the values' own entries; anything else (`{{foo}}`,
 * `{{constructor}}`) is left as written so the editor and the reviewer see it.
 */
export function fillTemplate(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) && Object.hasOwn(values, name) ? (values[name] ?? '') : whole
  );
}

/** The `{{names}}` of a text that are no placeholder, once each in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
  return [...new Set(names.filter((name) => !isPlaceholder(name)))];
}
