/**
 * The draft of the annual report's 五、存在的主要问题及改进情况 from the year's figures: the website's
 * timeliness as the monitor counts it (`monitor.*`, decision 0031) — "本年度有N个栏目曾超过更新期限
 * 未更新，累计N天（三个最久的栏目）；N个栏目无内容（名单），网站内容更新还不够及时。", the sentence of
 * the monitor page. Every number it quotes is a figure with its records (its key in `figures`);
 * without the `monitor` provider the draft is empty. Pure: the sections come from the statistics
 * service.
 */
import type { Figure, GeneratedOverview } from '../../../../../shared/reporting/contracts';
import { Draft, asFigure, figureAt, isRecord, type Sections } from './overview-draft';

/** The statistics providers the draft quotes. */
export const PROBLEMS_PROVIDERS = ['monitor'] as const;

const figuresIn = (section: unknown, name: string): Figure[] => {
  const list = isRecord(section) ? section[name] : undefined;
  return Array.isArray(list)
    ? list.map(asFigure).filter((figure): figure is Figure => figure !== null)
    : [];
};

/** The 存在的主要问题 draft: text, parts (each count with its figure key), the keys quoted. */
export function draftProblems(sections: Sections): Omit<GeneratedOverview, 'generatedAt'> {
  const monitor = sections.monitor;
  const staleColumns = figureAt(monitor, 'staleColumns');
  const staleDays = figureAt(monitor, 'staleDays');
  const blankColumns = figureAt(monitor, 'blankColumns');
  if (!staleColumns || !staleDays || !blankColumns) return { text: '', parts: [], figures: [] };
  const draft = new Draft();
  if (staleColumns.value > 0) {
    draft.words('本年度有').count(staleColumns, '个栏目曾超过更新期限未更新，累计');
    draft.count(staleDays, '天（');
    // The three longest, the catalogue's order among equals.
    const worst = figuresIn(monitor, 'staleDaysByColumn')
      .filter((column) => column.value > 0)
      .sort((a, b) => b.value - a.value)
      .slice(0, 3);
    for (const [index, column] of worst.entries()) {
      if (index > 0) draft.words('、');
      draft.words(column.label).count(column, '天');
    }
    draft.words('）');
  }
  if (blankColumns.value > 0) {
    if (staleColumns.value > 0) draft.words('；');
    const names = figuresIn(monitor, 'blankByColumn')
      .filter((column) => column.value > 0)
      .map((column) => column.label);
    draft.count(blankColumns, `个栏目无内容（${names.join('、')}）`);
  }
  draft.words(
    draft.parts.length > 0
      ? '，网站内容更新还不够及时。'
      : '本年度各栏目均在更新期限内更新，无空白栏目。'
  );
  const parts = draft.parts;
  return {
    text: parts.map((part) => part.text).join(''),
    parts,
    figures: [
      ...new Set(parts.flatMap((part) => (part.figure === undefined ? [] : [part.figure]))),
    ],
  };
}
