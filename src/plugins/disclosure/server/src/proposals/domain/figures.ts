/**
 * The yearly figures of 建议提案办理, one named rule per figure (Alaveteli): which cases each key
 * counts in a year. Dates are Beijing calendar dates (YYYY-MM-DD). Pure.
 *
 * - received (交办): assigned in the year; byType the same by kind;
 * - closed (办结): first replied in the year (a second reply after 不满意 does not count twice);
 * - completionRate (办结率): of those received in the year, the share replied by its end, in percent;
 * - result A/B/C and feedback: of those closed in the year, by the latest reply's class and rating;
 * - satisfactionRate (满意率): (满意 + 基本满意) over those closed in the year with a rating — the
 *   usual 满意和基本满意率 of the congress's and conference's offices; fullySatisfiedRate: 满意 alone;
 * - published: replies whose publication (全文 or 摘要) was decided in the year.
 */
import type { Feedback, ProposalKind, ResultClass } from '../../../../shared/proposals/contracts';

export interface FigureFacts {
  id: number;
  kind: ProposalKind;
  number: string;
  title: string;
  assignedOn: string;
  firstRepliedOn: string | null;
  resultClass: ResultClass | null;
  feedback: Feedback | null;
  publicationMode: 'full' | 'summary' | 'none' | null;
  publishedOn: string | null;
}

const inYear = (date: string | null, year: number) => date !== null && date.startsWith(`${year}-`);

/** The rule of each figure key (`proposals.<name>[:<arg>]`): whether a case counts in the year. */
export const FIGURE_RULES: Record<string, (facts: FigureFacts, year: number) => boolean> = {
  'proposals.received': (f, y) => inYear(f.assignedOn, y),
  'proposals.type:deputy': (f, y) => inYear(f.assignedOn, y) && f.kind === 'deputy',
  'proposals.type:member': (f, y) => inYear(f.assignedOn, y) && f.kind === 'member',
  'proposals.closed': (f, y) => inYear(f.firstRepliedOn, y),
  'proposals.completed': (f, y) =>
    inYear(f.assignedOn, y) && f.firstRepliedOn !== null && f.firstRepliedOn <= `${y}-12-31`,
  'proposals.result:A': (f, y) => inYear(f.firstRepliedOn, y) && f.resultClass === 'A',
  'proposals.result:B': (f, y) => inYear(f.firstRepliedOn, y) && f.resultClass === 'B',
  'proposals.result:C': (f, y) => inYear(f.firstRepliedOn, y) && f.resultClass === 'C',
  'proposals.feedback:satisfied': (f, y) =>
    inYear(f.firstRepliedOn, y) && f.feedback === 'satisfied',
  'proposals.feedback:basically_satisfied': (f, y) =>
    inYear(f.firstRepliedOn, y) && f.feedback === 'basically_satisfied',
  'proposals.feedback:dissatisfied': (f, y) =>
    inYear(f.firstRepliedOn, y) && f.feedback === 'dissatisfied',
  'proposals.published': (f, y) =>
    inYear(f.publishedOn, y) && (f.publicationMode === 'full' || f.publicationMode === 'summary'),
};

const LABELS: Record<string, string> = {
  'proposals.received': '承办建议提案（交办）',
  'proposals.type:deputy': '人大代表建议',
  'proposals.type:member': '政协委员提案',
  'proposals.closed': '办结（已答复）',
  'proposals.completed': '本年交办、年内办结',
  'proposals.result:A': 'A类（已解决或基本解决）',
  'proposals.result:B': 'B类（正在解决或列入计划）',
  'proposals.result:C': 'C类（留作参考）',
  'proposals.feedback:satisfied': '满意',
  'proposals.feedback:basically_satisfied': '基本满意',
  'proposals.feedback:dissatisfied': '不满意',
  'proposals.published': '答复公开（全文或摘要）',
};

export interface Figure {
  key: string;
  label: string;
  value: number;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** The section of the yearly statistics. */
export function proposalFigures(all: readonly FigureFacts[], year: number) {
  const figure = (key: string): Figure => ({
    key,
    label: LABELS[key],
    value: all.filter((facts) => FIGURE_RULES[key](facts, year)).length,
  });
  const received = figure('proposals.received');
  const completed = figure('proposals.completed');
  const feedback = {
    satisfied: figure('proposals.feedback:satisfied'),
    basicallySatisfied: figure('proposals.feedback:basically_satisfied'),
    dissatisfied: figure('proposals.feedback:dissatisfied'),
  };
  const rated =
    feedback.satisfied.value + feedback.basicallySatisfied.value + feedback.dissatisfied.value;
  return {
    received,
    byType: { deputy: figure('proposals.type:deputy'), member: figure('proposals.type:member') },
    closed: figure('proposals.closed'),
    completed,
    /** 办结率: received in the year and replied by its end, over received; null when none received. */
    completionRate: percent(completed.value, received.value),
    byResult: {
      A: figure('proposals.result:A'),
      B: figure('proposals.result:B'),
      C: figure('proposals.result:C'),
    },
    feedback,
    /** 满意率 (满意 + 基本满意) over those with feedback, in percent; null when none. */
    satisfactionRate: percent(feedback.satisfied.value + feedback.basicallySatisfied.value, rated),
    /** 满意 alone over those with feedback, in percent; null when none. */
    fullySatisfiedRate: percent(feedback.satisfied.value, rated),
    published: figure('proposals.published'),
  };
}
