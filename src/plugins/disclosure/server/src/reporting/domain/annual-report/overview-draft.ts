/**
 * The draft of the annual report's 一、总体情况 written from the year's figures, in the register of
 * the bureau's own report: "一年来机关网站共公开信息N条，其中工作动态N条……；年内共办结N项行政服务事项，
 * 其中……，办结率N%；全年办理市人大代表建议、政协委员提案共N件……，满意率N%；全年受理群众咨询、
 * 投诉和反映问题N件，其中电话咨询N件……，答复率N%；开展调查征集N期……" Every count it
 * quotes is a figure with its records (its key in `figures`); a clause whose provider is absent or
 * has nothing to count is left out. Pure: the sections come from the statistics service.
 */
import type {
  DraftPart,
  Figure,
  GeneratedOverview,
  StatisticsSection,
} from '../../../../../shared/reporting/contracts';

/** The statistics sections by provider name, as GET /statistics answers them. */
export type Sections = Readonly<Record<string, StatisticsSection | undefined>>;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value as a figure, or null when it is not one (a provider of another version). */
export const asFigure = (value: unknown): Figure | null =>
  isRecord(value) &&
  typeof value.key === 'string' &&
  typeof value.label === 'string' &&
  typeof value.value === 'number' &&
  Number.isInteger(value.value) &&
  value.value >= 0
    ? { key: value.key, label: value.label, value: value.value }
    : null;

export const figureAt = (section: unknown, ...path: string[]): Figure | null => {
  let value: unknown = section;
  for (const name of path) value = isRecord(value) ? value[name] : undefined;
  return asFigure(value);
};

/** The figures of a list that count something (value > 0), in the provider's order. */
const countedIn = (section: unknown, name: string): Figure[] => {
  const list = isRecord(section) ? section[name] : undefined;
  return Array.isArray(list)
    ? list.map(asFigure).filter((figure): figure is Figure => figure !== null && figure.value > 0)
    : [];
};

/** A percentage, or null when the provider had nothing to measure. */
const rateAt = (section: unknown, name: string): number | null => {
  const value = isRecord(section) ? section[name] : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
};

/** A count as the report prints it: Arabic digits, no separators ("1289"). */
export const formatCount = (value: number): string => String(Math.round(value));

/** A percentage with at most one decimal, none when whole: 100%, 97.1%, 0%. */
export const formatPercent = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
};

/** Builds a text from words and quoted figures. */
export class Draft {
  readonly parts: DraftPart[] = [];

  words(text: string): this {
    const last = this.parts[this.parts.length - 1];
    if (last && last.figure === undefined && last.measure === undefined) last.text += text;
    else this.parts.push({ text });
    return this;
  }

  count(figure: Figure, unit: string): this {
    this.parts.push({ text: formatCount(figure.value), figure: figure.key });
    return this.words(unit);
  }

  percent(value: number, measure: string): this {
    this.parts.push({ text: formatPercent(value), measure });
    return this;
  }
}

/** 一年来机关网站共公开信息N条，其中<column>N条，… (the top-level columns that hold items). */
function itemsClause(draft: Draft, items: unknown): boolean {
  const total = figureAt(items, 'total');
  if (!total || total.value === 0) return false;
  draft.words('一年来机关网站共公开信息').count(total, '条');
  for (const [index, column] of countedIn(items, 'byColumn').entries()) {
    draft
      .words(index === 0 ? '，其中' : '，')
      .words(column.label)
      .count(column, '条');
  }
  return true;
}

/** 年内共办结N项行政服务事项，其中<item>N件、…，办结率N% */
function serviceCasesClause(draft: Draft, cases: unknown): boolean {
  const closed = figureAt(cases, 'closed');
  if (!closed || closed.value === 0) return false;
  draft.words('年内共办结').count(closed, '项行政服务事项');
  for (const [index, item] of countedIn(cases, 'byItem').entries()) {
    draft
      .words(index === 0 ? '，其中' : '、')
      .words(item.label)
      .count(item, '件');
  }
  const rate = rateAt(cases, 'completionRate');
  if (rate !== null) draft.words('，办结率').percent(rate, 'serviceCases.completionRate');
  return true;
}

/** 全年办理市人大代表建议、政协委员提案共N件，其中人大代表建议N件，政协提案N件，满意率N% */
function proposalsClause(draft: Draft, proposals: unknown): boolean {
  const received = figureAt(proposals, 'received');
  if (!received || received.value === 0) return false;
  draft.words('全年办理市人大代表建议、政协委员提案共').count(received, '件');
  const types = [
    ['人大代表建议', figureAt(proposals, 'byType', 'deputy')],
    ['政协提案', figureAt(proposals, 'byType', 'member')],
  ] as const;
  let listed = 0;
  for (const [label, figure] of types) {
    if (!figure || figure.value === 0) continue;
    draft
      .words(listed++ === 0 ? '，其中' : '，')
      .words(label)
      .count(figure, '件');
  }
  const rate = rateAt(proposals, 'satisfactionRate');
  if (rate !== null) draft.words('，满意率').percent(rate, 'proposals.satisfactionRate');
  return true;
}

/** How the report names each channel's messages, in its order (the labels of inquiries/contracts). */
const INQUIRY_CHANNEL_WORDS: ReadonlyArray<[channel: string, words: string]> = [
  ['phone', '电话咨询'],
  ['minxin', '民心网反映问题'],
  ['hotline', '政府公开电话转办问题'],
  ['website', '网站留言'],
  ['enterprise', '企业服务热线留言'],
];

/** 全年受理群众咨询、投诉和反映问题N件，其中电话咨询N件、民心网反映问题N件…，答复率N% */
function inquiriesClause(draft: Draft, inquiries: unknown): boolean {
  const received = figureAt(inquiries, 'received');
  if (!received || received.value === 0) return false;
  draft.words('全年受理群众咨询、投诉和反映问题').count(received, '件');
  let listed = 0;
  for (const [channel, words] of INQUIRY_CHANNEL_WORDS) {
    const figure = figureAt(inquiries, 'byChannel', channel);
    if (!figure || figure.value === 0) continue;
    draft
      .words(listed++ === 0 ? '，其中' : '、')
      .words(words)
      .count(figure, '件');
  }
  const rate = rateAt(inquiries, 'replyRate');
  if (rate !== null) draft.words('，答复率').percent(rate, 'inquiries.replyRate');
  return true;
}

/** 开展调查征集N期，收到意见N条，公布调查结果N期 */
function consultationsClause(draft: Draft, consultations: unknown): boolean {
  const held = figureAt(consultations, 'held');
  if (!held || held.value === 0) return false;
  draft.words('开展调查征集').count(held, '期');
  const comments = figureAt(consultations, 'comments');
  if (comments) draft.words('，收到意见').count(comments, '条');
  const published = figureAt(consultations, 'resultsPublished');
  if (published) draft.words('，公布调查结果').count(published, '期');
  return true;
}

const CLAUSES: ReadonlyArray<
  [provider: string, clause: (draft: Draft, section: unknown) => boolean]
> = [
  ['items', itemsClause],
  ['serviceCases', serviceCasesClause],
  ['proposals', proposalsClause],
  ['inquiries', inquiriesClause],
  ['consultations', consultationsClause],
];

/** The statistics providers the draft quotes, in the order of its clauses. */
export const OVERVIEW_PROVIDERS = CLAUSES.map(([provider]) => provider);

/**
 * The 总体情况 draft from the year's statistics sections: its text, the text in parts (each
 * quoted count with its figure key, each rate with the measure it comes from) and the figure
 * keys it quotes in order. Empty text when no provider has anything to report.
 */
export function draftOverview(sections: Sections): Omit<GeneratedOverview, 'generatedAt'> {
  const draft = new Draft();
  for (const [provider, clause] of CLAUSES) {
    const written = new Draft();
    if (!clause(written, sections[provider])) continue;
    if (draft.parts.length > 0) draft.words('；');
    for (const part of written.parts) {
      if (part.figure === undefined && part.measure === undefined) draft.words(part.text);
      else draft.parts.push(part);
    }
  }
  if (draft.parts.length > 0) draft.words('。');
  const parts = draft.parts;
  return {
    text: parts.map((part) => part.text).join(''),
    parts,
    figures: [
      ...new Set(parts.flatMap((part) => (part.figure === undefined ? [] : [part.figure]))),
    ],
  };
}
