/**
 * The information processing fee (信息处理费, 条例 Art. 42) by the national rules, 《政府信息公开信息
 * 处理费管理办法》(国办函〔2020〕109号): charged either by count or by volume, never both, each
 * progressively. Pure.
 *
 * - By count (按件计收, Art. 4), for any kind of answer: the same applicant's applications in one
 *   calendar month — the 1st to the 10th free, the 11th to the 30th 100 yuan each, from the 31st
 *   each band of 10 costs 100 yuan more per application than the one before.
 * - By volume (按量计收, Art. 5), when the information is supplied on paper, by e-mail or as a copy
 *   of electronic data: up to 30 pages free, pages 31–100 10 yuan, 101–200 20 yuan, from 201 40 yuan.
 */

export type FeeBasis = 'count' | 'pages';

/**
 * How a fee notice reaches the applicant: the 20 working days to pay run from its receipt — an
 * e-mail the day it was sent, a letter the day it was delivered.
 */
export const FEE_NOTICE_ROUTES = ['email', 'post'] as const;
export type FeeNoticeRoute = (typeof FEE_NOTICE_ROUTES)[number];

export const FEE_BASES: readonly FeeBasis[] = ['count', 'pages'];

/** More pages than any one request supplies; a larger count is a typing error (1e308 was taken). */
export const MAX_FEE_PAGES = 100_000;

export interface FeeBand {
  /** First and last unit of the band (null: open-ended). */
  from: number;
  to: number | null;
  /** Yuan per unit. */
  rate: number;
}

export interface FeeAssessment {
  basis: FeeBasis;
  /** The application's place in the applicant's month (count), or the pages supplied (pages). */
  units: number;
  /** Yuan. */
  amount: number;
  /** How it was reached, for the fee notice (收费通知) and the timeline. */
  text: string;
}

export const FREE_APPLICATIONS_PER_MONTH = 10;

export const PAGE_BANDS: readonly FeeBand[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: null, rate: 40 },
];

/** Yuan for the `rank`-th application of one applicant in a calendar month. */
export function ratePerApplication(rank: number): number {
  if (rank <= FREE_APPLICATIONS_PER_MONTH) return 0;
  if (rank <= 30) return 100;
  return 100 * (2 + Math.floor((rank - 31) / 10));
}

export function feeByCount(rank: number): FeeAssessment {
  const amount = ratePerApplication(rank);
  const why =
    amount === 0
      ? `同一申请人一个自然月内累计申请${FREE_APPLICATIONS_PER_MONTH}件以下（含${FREE_APPLICATIONS_PER_MONTH}件）的，不收费`
      : rank <= 30
        ? '累计申请11—30件（含30件）的部分，100元/件'
        : '累计申请31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件';
  return {
    basis: 'count',
    units: rank,
    amount,
    text: `按件计收：本申请为申请人本自然月内第${rank}件申请，${why}，计${amount}元。`,
  };
}

export function feeByPages(pages: number): FeeAssessment {
  const parts: string[] = [];
  let amount = 0;
  for (const band of PAGE_BANDS) {
    if (pages < band.from) break;
    const last = band.to === null ? pages : Math.min(pages, band.to);
    const units = last - band.from + 1;
    amount += units * band.rate;
    const range =
      band.from === 1
        ? `${band.to}页以下（含${band.to}页）`
        : band.to === null
          ? `${band.from}页以上`
          : `${band.from}—${band.to}页`;
    parts.push(
      band.rate === 0
        ? `${range}不收费`
        : `${range}部分${units}页×${band.rate}元=${units * band.rate}元`
    );
  }
  return {
    basis: 'pages',
    units: pages,
    amount,
    text: `按量计收：共${pages}页，${parts.join('；')}，合计${amount}元。`,
  };
}
