/**
 * The draft sentence on the website's timeliness for the annual report's 五、存在的主要问题及改进情况,
 * from the monitor's year figures: "本年度有N个栏目曾超过更新期限未更新，累计N天（…）；N个栏目无内容。"
 * Pure.
 */
export interface YearFigures {
  staleColumns: number;
  staleDays: number;
  blankColumns: number;
}

export function problemsDraft(
  figures: YearFigures,
  columns: ReadonlyArray<{ name: string; staleDays: number; blank: boolean }>
): string {
  const clauses: string[] = [];
  if (figures.staleColumns > 0) {
    const worst = [...columns]
      .filter((column) => column.staleDays > 0)
      .sort((a, b) => b.staleDays - a.staleDays)
      .slice(0, 3)
      .map((column) => `${column.name}${column.staleDays}天`)
      .join('、');
    clauses.push(
      `本年度有${figures.staleColumns}个栏目曾超过更新期限未更新，累计${figures.staleDays}天（${worst}）`
    );
  }
  if (figures.blankColumns > 0) {
    const names = columns
      .filter((column) => column.blank)
      .map((column) => column.name)
      .join('、');
    clauses.push(`${figures.blankColumns}个栏目无内容（${names}）`);
  }
  if (clauses.length === 0) return '本年度各栏目均在更新期限内更新，无空白栏目。';
  return `${clauses.join('；')}，网站内容更新还不够及时。`;
}
