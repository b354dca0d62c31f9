/**
 * The yearly figures of 留言办理, one named rule per figure (Alaveteli): which inquiries each key
 * counts in a year. Dates are Beijing calendar dates (YYYY-MM-DD). Pure.
 *
 * - received: received in the year; channel:<c>, category:<c>, kind:<k> the same by channel …;
 * - closed (办结): answered in the year (on the call, or the cleared reply sent); closedChannel:<c>;
 * - answered: received in the year and answered by its end; dismissed: received in the year and
 *   dismissed as not a valid message (无效留言);
 * - replyRate (答复率): answered over received less dismissed, in percent;
 * - averageWorkingDays: working days from receipt to answer, averaged over those closed in the
 *   year (its records: those closed);
 * - publicAnswers: public Q&As whose article was first published in the year.
 */
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  INQUIRY_CATEGORIES,
  INQUIRY_CHANNELS,
  INQUIRY_KINDS,
  KIND_LABELS,
  type InquiryCategory,
  type InquiryChannel,
  type InquiryKind,
  type InquiryState,
} from '../../../../shared/inquiries/contracts';

export interface FigureFacts {
  id: number;
  channel: InquiryChannel;
  kind: InquiryKind;
  category: InquiryCategory;
  state: InquiryState;
  receivedOn: string;
  repliedOn: string | null;
  workingDays: number | null;
  /** The first publication date of its public Q&A article, when published. */
  publishedOn: string | null;
}

type Rule = (facts: FigureFacts, year: number) => boolean;

const inYear = (date: string | null, year: number) => date !== null && date.startsWith(`${year}-`);
const received: Rule = (f, y) => inYear(f.receivedOn, y);
const closed: Rule = (f, y) => f.state === 'closed' && inYear(f.repliedOn, y);

const byValue = <T extends string>(
  name: string,
  values: readonly T[],
  rule: Rule,
  field: (facts: FigureFacts) => T
): Record<string, Rule> =>
  Object.fromEntries(
    values.map((value) => [
      `inquiries.${name}:${value}`,
      (f: FigureFacts, y: number) => rule(f, y) && field(f) === value,
    ])
  );

/** The rule of each figure key (`inquiries.<name>[:<arg>]`): whether an inquiry counts in the year. */
export const FIGURE_RULES: Record<string, Rule> = {
  'inquiries.received': received,
  'inquiries.closed': closed,
  'inquiries.answered': (f, y) =>
    received(f, y) && f.state === 'closed' && f.repliedOn !== null && f.repliedOn <= `${y}-12-31`,
  'inquiries.dismissed': (f, y) => received(f, y) && f.state === 'dismissed',
  'inquiries.averageWorkingDays': closed,
  'inquiries.publicAnswers': (f, y) => inYear(f.publishedOn, y),
  ...byValue('channel', INQUIRY_CHANNELS, received, (f) => f.channel),
  ...byValue('closedChannel', INQUIRY_CHANNELS, closed, (f) => f.channel),
  ...byValue('category', INQUIRY_CATEGORIES, received, (f) => f.category),
  ...byValue('kind', INQUIRY_KINDS, received, (f) => f.kind),
};

const LABELS: Record<string, string> = {
  'inquiries.received': '收到留言',
  'inquiries.closed': '办结（已答复）',
  'inquiries.answered': '本年收到、年内答复',
  'inquiries.dismissed': '无效留言',
  'inquiries.averageWorkingDays': '平均办理时间（工作日）',
  'inquiries.publicAnswers': '公开答复（问答）',
  ...Object.fromEntries(
    INQUIRY_CHANNELS.flatMap((c) => [
      [`inquiries.channel:${c}`, CHANNEL_LABELS[c]],
      [`inquiries.closedChannel:${c}`, `${CHANNEL_LABELS[c]}办结`],
    ])
  ),
  ...Object.fromEntries(
    INQUIRY_CATEGORIES.map((c) => [`inquiries.category:${c}`, CATEGORY_LABELS[c]])
  ),
  ...Object.fromEntries(INQUIRY_KINDS.map((k) => [`inquiries.kind:${k}`, KIND_LABELS[k]])),
};

export interface Figure {
  key: string;
  label: string;
  value: number;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** The section of the yearly statistics. */
export function inquiryFigures(all: readonly FigureFacts[], year: number) {
  const matching = (key: string) => all.filter((facts) => FIGURE_RULES[key](facts, year));
  const figure = (key: string): Figure => ({
    key,
    label: LABELS[key],
    value: matching(key).length,
  });
  const per = <T extends string>(name: string, values: readonly T[]) =>
    Object.fromEntries(values.map((value) => [value, figure(`inquiries.${name}:${value}`)]));
  const receivedFigure = figure('inquiries.received');
  const answered = figure('inquiries.answered');
  const dismissed = figure('inquiries.dismissed');
  const closedFacts = matching('inquiries.averageWorkingDays');
  const days = closedFacts.map((f) => f.workingDays ?? 0);
  return {
    received: receivedFigure,
    closed: figure('inquiries.closed'),
    answered,
    dismissed,
    byChannel: per('channel', INQUIRY_CHANNELS),
    closedByChannel: per('closedChannel', INQUIRY_CHANNELS),
    byCategory: per('category', INQUIRY_CATEGORIES),
    byKind: per('kind', INQUIRY_KINDS),
    /** 答复率: received in the year and answered by its end, over the valid ones received; null when none. */
    replyRate: percent(answered.value, receivedFigure.value - dismissed.value),
    /** The mean working days from receipt to answer of those closed in the year (0 when none). */
    averageWorkingDays: {
      key: 'inquiries.averageWorkingDays',
      label: LABELS['inquiries.averageWorkingDays'],
      value: days.length
        ? Math.round((days.reduce((sum, n) => sum + n, 0) / days.length) * 10) / 10
        : 0,
    },
    publicAnswers: figure('inquiries.publicAnswers'),
  };
}
