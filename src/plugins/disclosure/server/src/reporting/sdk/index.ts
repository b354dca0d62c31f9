/**
 * The statistics provider SDK: what a module or the host app needs to add figures to the yearly
 * statistics (`getService(strapi, 'statistics').register(provider)`). The one declared port into
 * the reporting module.
 */
export { splitFigureKey } from './figure-key';
// The 存在的主要问题 sentence from the `monitor` section: the monitor page shows the same text.
export { draftProblems } from '../domain/annual-report/problems-draft';
export {
  dialectOf,
  instant,
  millisecondsBetween,
  monthOf,
  namesOf,
  pageOf,
  toCount,
  toDateOnly,
  toIso,
  withStatisticsContext,
  type Dialect,
  type TableNames,
} from './sql';
export type {
  Audience,
  Figure,
  FigureNode,
  FigureRecord,
  Page,
  RecordPage,
  StatisticsContext,
  StatisticsProvider,
  StatisticsSection,
} from './types';
