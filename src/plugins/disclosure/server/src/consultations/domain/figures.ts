/**
 * The yearly figures of 调查征集 (`consultations.*`), one named rule per figure, as another
 * module's report reads them:
 * - held (期数): consultations whose announcement is published, opening in the year;
 * - comments (收到意见数量): comments received in the year (on published consultations);
 * - resultsPublished (公布调查结果期数): summaries (意见采纳情况) first published in the year.
 * Dates are Beijing calendar dates (YYYY-MM-DD). Pure.
 */

export interface ConsultationFigureFacts {
  id: number;
  /** The public id: the records name the consultation by it. */
  documentId: string;
  title: string;
  opensOn: string;
  /** The announcement's first publication, null while it is not published. */
  announcementPublishedOn: string | null;
  /** The summary's first publication, null while it is not published. */
  summaryPublishedOn: string | null;
  /** The dates the comments were received, one per comment, by number. */
  commentDates: readonly string[];
}

export const FIGURE_KEYS = [
  'consultations.held',
  'consultations.comments',
  'consultations.resultsPublished',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  'consultations.held': '调查征集期数',
  'consultations.comments': '收到意见数量',
  'consultations.resultsPublished': '公布调查结果期数',
};

const inYear = (date: string | null, year: number) => date !== null && date.startsWith(`${year}-`);

/** One record behind a figure: a published consultation, with the date that placed it. */
export interface FigureEntry {
  facts: ConsultationFigureFacts;
  date: string;
  /** For comments: the comment's number (never its text or its commenter). */
  number?: number;
}

/** The records each figure counts in the year, in order: the figure is their number. */
export function entriesOf(
  all: readonly ConsultationFigureFacts[],
  key: FigureKey,
  year: number
): FigureEntry[] {
  const published = all.filter((facts) => facts.announcementPublishedOn !== null);
  switch (key) {
    case 'consultations.held':
      return published
        .filter((facts) => inYear(facts.opensOn, year))
        .map((facts) => ({ facts, date: facts.opensOn }));
    case 'consultations.comments':
      return published.flatMap((facts) =>
        facts.commentDates.flatMap((date, index) =>
          inYear(date, year) ? [{ facts, date, number: index + 1 }] : []
        )
      );
    case 'consultations.resultsPublished':
      return published
        .filter((facts) => inYear(facts.summaryPublishedOn, year))
        .map((facts) => ({ facts, date: facts.summaryPublishedOn! }));
  }
}

/** The section of the yearly statistics. */
export function consultationFigures(all: readonly ConsultationFigureFacts[], year: number) {
  const figure = (key: FigureKey) => ({
    key,
    label: FIGURE_LABELS[key],
    value: entriesOf(all, key, year).length,
  });
  return {
    held: figure('consultations.held'),
    comments: figure('consultations.comments'),
    resultsPublished: figure('consultations.resultsPublished'),
  };
}
