import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

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

/** One countable figure; its key lists the records behind it (`/statistics/records?figure=`). */
export interface Figure {
  key: string;
  label: string;
  value: number;
}

/** A figure with the figures it is made of (a column and its sub-columns, a year and its months). */
export interface FigureNode extends Figure {
  /** The records directly in this node, when it also has children (a column's own items). */
  own?: Figure;
  children?: FigureNode[];
}

/** One record behind a figure, with enough to find it again. */
export interface FigureRecord {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  /** The date that placed the record in the figure (first publication, issue date …). */
  date: string | null;
  indexNumber?: string | null;
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
  label: { 'zh-Hans': string; en: string };
  /**
   * True when the figures count only what the website itself shows (published versions) and the
   * records are published items: API tokens may read them. False for the office's own records
   * (items under review, withheld or withdrawn, disclosure requests): the admin panel only.
   */
  isPublic: boolean;
  compute(context: StatisticsContext): Promise<Record<string, unknown>>;
  records(context: StatisticsContext, figure: string, page: Page): Promise<RecordPage | null>;
}
