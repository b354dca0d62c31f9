import type { FormatVersion, ReportFormat } from './format';
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';

/** Reports on 2018 and earlier had no national table format: text sections only. */
export const FORMAT_PRE_2019: ReportFormat = {
  version: 'pre2019',
  label: '2019年以前（无统一表格）',
  tables: [],
  computedFrom: {},
  check: () => [],
};

export const FORMATS: Record<FormatVersion, ReportFormat> = {
  f2021: FORMAT_2021,
  f2019: FORMAT_2019,
  pre2019: FORMAT_PRE_2019,
};

/** The format a report on `year` uses by default: 2021 from the 2021 reports on. */
export const defaultFormatFor = (year: number): FormatVersion =>
  year >= 2021 ? 'f2021' : year >= 2019 ? 'f2019' : 'pre2019';
