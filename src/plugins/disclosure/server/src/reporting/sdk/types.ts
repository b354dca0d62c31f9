import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type {
  Figure,
  FigureNode,
  FigureRecord,
  ProviderLabel,
  StatisticsSection,
} from '../../../../shared/reporting/contracts';

// What providers compute is what the statistics endpoints answer: the shapes are the API's.
export type { Figure, FigureNode, FigureRecord, StatisticsSection };

/** What a provider's queries are run for: one Beijing calendar year in one content locale. */
export interface StatisticsContext {
  strapi: Core.Strapi;
  knex: Knex;
  dialect: 'sqlite' | 'postgres';
  year: number;
  locale: string;
  /** The Beijing year as instants: [from, to). */
  from: Date;
  to: Date;
}

export interface RecordPage {
  figure: string;
  total: number;
  results: FigureRecord[];
}

/**
 * Who asks for statistics: `public` = content-API callers (API tokens, whatever their type), who
 * get the public providers only; `staff` = the admin panel and in-process callers (the annual
 * report), who get every provider.
 */
export type Audience = 'public' | 'staff';

export interface Page {
  page: number;
  pageSize: number;
}

/**
 * A named source of figures (Alaveteli's "one named query per figure"). `compute` returns the
 * provider's section of the yearly statistics: plain objects whose countable leaves are
 * `Figure`s. `records` lists the records behind one of its figure keys (`<name>.<figure>[:<arg>]`),
 * paginated, or null when the key is not one of its figures.
 */
export interface StatisticsProvider {
  name: string;
  label: ProviderLabel;
  /**
   * True when the figures count only what the website itself shows (published versions) and the
   * records are published items: API tokens may read them. False for the office's own records
   * (items under review, withheld or withdrawn, disclosure requests): the admin panel only.
   */
  isPublic: boolean;
  compute(context: StatisticsContext): Promise<StatisticsSection>;
  records(context: StatisticsContext, figure: string, page: Page): Promise<RecordPage | null>;
}
