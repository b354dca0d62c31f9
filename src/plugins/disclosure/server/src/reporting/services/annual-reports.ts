import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../kernel/constants';
import type { ContentTypeUid, DisclosureConfig } from '../../kernel/config';
import type {
  FormatVersion,
  ReportFormat,
} from '../../../../shared/reporting/annual-report/format';
import { FORMATS, defaultFormatFor } from '../../../../shared/reporting/annual-report/formats';
import { figureValues, reportCells, reportFailures } from '../domain/annual-report/cells';
import { entryProblem, type Entries } from '../domain/annual-report/entries';
import { renderReportCsv } from '../domain/annual-report/render-csv';
import { renderReportHtml } from '../domain/annual-report/render-html';
import type { CellValue } from '../domain/annual-report/report';
import {
  OVERVIEW_PROVIDERS,
  draftOverview as writeOverviewDraft,
  type Sections,
} from '../domain/annual-report/overview-draft';
import { PROBLEMS_PROVIDERS, draftProblems } from '../domain/annual-report/problems-draft';
import type { AnnualReportDto, GeneratedOverview } from '../../../../shared/reporting/contracts';
import type { ExportFormat } from '../validation';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import { defaultLocale } from '../../kernel/i18n';

type Document = Record<string, unknown> & { documentId: string };

/** The report as the editor shows it: the API's answer. */
export type ReportView = AnnualReportDto;

/** What a save changes: the format, the text sections, entered cells (null clears one). */
export interface ReportChanges {
  formatVersion?: FormatVersion;
  title?: string;
  overview?: string;
  problems?: string;
  otherMatters?: string;
  entered?: Entries;
}

type TextField = 'title' | 'overview' | 'problems' | 'otherMatters';

/** The text sections drafted from records: 一、总体情况 and 五、存在的主要问题及改进情况. */
export type DraftedSection = 'overview' | 'problems';

/** Each drafted section: the providers its draft quotes and the pure writer. */
const DRAFTERS: Record<
  DraftedSection,
  {
    providers: readonly string[];
    write: (sections: Sections) => Omit<GeneratedOverview, 'generatedAt'>;
  }
> = {
  overview: { providers: OVERVIEW_PROVIDERS, write: writeOverviewDraft },
  problems: { providers: PROBLEMS_PROVIDERS, write: draftProblems },
};

/** What drafting a section from records did. */
export type OverviewDraftOutcome =
  /** `replaced`: the draft is the section's text now; `empty`: nothing to report, nothing changed. */
  | { status: 'replaced' | 'empty'; view: ReportView; draft: GeneratedOverview }
  /** The coordinator had edited the last draft: nothing changed; `edited` is their text. */
  | { status: 'conflict'; draft: GeneratedOverview; edited: string };

/** The statistics provider a figure key belongs to ("items" of "items.total"). */
const providerOf = (figure: string) => figure.split('.', 1)[0];

/**
 * The annual report (政府信息公开工作年度报告) of a year: one document of the configured content
 * type in the default locale. Cells the statistics providers know are computed from records;
 * the others are entered by the coordinator. A report whose 勾稽 rules fail cannot be submitted
 * for review (guard on the review service), so it cannot be published either.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () =>
    (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).annualReports;
  const documents = () => strapi.documents(settings().contentType);
  const statistics = () => getService(strapi, 'statistics');
  const reviewState = () => getService(strapi, 'review-state');

  // The last generated draft of a section per report, in the plugin's store: the report's content
  // type is the host app's, so it cannot be relied on to have a field for it.
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const draftKey = (section: DraftedSection, year: number, locale: string) =>
    `annual-report-${section}:${year}:${locale}`;
  const lastDraft = async (section: DraftedSection, year: number, locale: string) =>
    ((await store().get({ key: draftKey(section, year, locale) })) as GeneratedOverview | null) ??
    null;

  const findDraft = async (year: number, locale: string) =>
    (await documents().findFirst({
      filters: { year } as never,
      locale,
      status: 'draft',
    })) as Document | null;

  /** Whether a figure is computed now: a registered provider holds it. */
  const isComputed = (figure: string) => statistics().has(providerOf(figure));

  /** The values of the format's computed cells, from the providers registered now. */
  const computedCells = async (year: number, locale: string, format: ReportFormat) => {
    const wanted = Object.entries(format.computedFrom).filter(([, figure]) => isComputed(figure));
    if (wanted.length === 0) return new Map<string, CellValue>();
    const providers = [...new Set(wanted.map(([, figure]) => providerOf(figure)))];
    const yearly = await statistics().yearly(year, locale, providers);
    const values = figureValues(yearly.sections);
    return new Map<string, CellValue>(
      wanted.map(([cell, figure]) => [
        cell,
        { value: values.get(figure) ?? 0, source: 'computed', figure },
      ])
    );
  };

  /** The cells a draft stores (none before its first save). */
  const storedCells = (draft: Document | null) =>
    (draft?.cells ?? {}) as Record<string, CellValue | undefined>;

  /** The format of the report: as changed, else as saved, else the year's default. */
  const formatVersionOf = (year: number, draft: Document | null, changes: ReportChanges) =>
    changes.formatVersion ??
    (draft?.formatVersion as FormatVersion | undefined) ??
    defaultFormatFor(year);

  const build = async (
    year: number,
    locale: string,
    draft: Document | null,
    changes: ReportChanges = {}
  ): Promise<ReportView> => {
    const formatVersion = formatVersionOf(year, draft, changes);
    const format = FORMATS[formatVersion];
    const cells = reportCells(
      format,
      await computedCells(year, locale, format),
      storedCells(draft),
      changes.entered
    );
    const text = (field: TextField, fallback: string) =>
      changes[field] ?? (draft?.[field] as string | null | undefined) ?? fallback;
    const overviewDraft = await lastDraft('overview', year, locale);
    const problemsDraft = await lastDraft('problems', year, locale);
    const overview = text('overview', '');
    const problems = text('problems', '');
    return {
      year,
      documentId: draft?.documentId ?? null,
      formatVersion,
      formatLabel: format.label,
      title: text('title', `${year}年政府信息公开工作年度报告`),
      overview,
      problems,
      otherMatters: text('otherMatters', ''),
      tables: format.tables,
      cells,
      failures: reportFailures(format, cells),
      overviewDraft,
      overviewEdited: overviewDraft !== null && overview !== overviewDraft.text,
      problemsDraft,
      problemsEdited: problemsDraft !== null && problems !== problemsDraft.text,
      review: draft
        ? {
            state: await reviewState().stateOf(settings().contentType, draft.documentId, locale),
          }
        : null,
    };
  };

  const write = async (year: number, locale: string, draft: Document | null, view: ReportView) => {
    const data = {
      title: view.title,
      year,
      formatVersion: view.formatVersion,
      overview: view.overview,
      problems: view.problems,
      otherMatters: view.otherMatters,
      cells: view.cells,
    };
    if (draft) {
      await documents().update({ documentId: draft.documentId, locale, data: data as never });
      return draft.documentId;
    }
    const column = await columnDocumentId(locale);
    const created = await documents().create({
      locale,
      data: {
        ...data,
        ...(column ? { column } : {}),
        metadata: { disclosureMode: 'proactive', genre: 'report' },
      } as never,
    });
    return created.documentId as string;
  };

  /** The view just written, with its document and review state (no second statistics run). */
  const withReviewState = async (
    view: ReportView,
    documentId: string,
    locale: string
  ): Promise<ReportView> => ({
    ...view,
    documentId,
    review: { state: await reviewState().stateOf(settings().contentType, documentId, locale) },
  });

  const columnDocumentId = async (locale: string): Promise<string | null> => {
    const attribute = (
      strapi.contentType(settings().contentType).attributes as Record<string, { target?: string }>
    ).column;
    if (!attribute?.target) return null;
    const column = (await strapi.documents(attribute.target as ContentTypeUid).findFirst({
      filters: { code: settings().columnCode } as never,
      locale,
    })) as Document | null;
    return column?.documentId ?? null;
  };

  return {
    /** The report of a year as the editor shows it: stored text and entries, live computed cells. */
    async view(year: number): Promise<ReportView> {
      const locale = await defaultLocale(strapi);
      return build(year, locale, await findDraft(year, locale));
    },

    /**
     * Saves the draft (creating it the first time) with the computed cells refreshed; 400 naming
     * the cell when an entry is not one of the format's, is computed, or does not fit its column.
     */
    async save(year: number, changes: ReportChanges): Promise<ReportView> {
      const locale = await defaultLocale(strapi);
      const draft = await findDraft(year, locale);
      const format = FORMATS[formatVersionOf(year, draft, changes)];
      const problem = entryProblem(format, changes.entered ?? {}, isComputed);
      if (problem) {
        throw new errors.ValidationError(problem.message, { key: 'entered', cell: problem.cell });
      }
      const view = await build(year, locale, draft, changes);
      return withReviewState(view, await write(year, locale, draft, view), locale);
    },

    /**
     * Refreshes the computed cells and submits the report for review, unless a 勾稽 rule fails
     * (400 listing every failing cell) or it was never saved (404).
     */
    async submit(year: number, user: AdminUser, ability: Ability): Promise<ReportView> {
      const locale = await defaultLocale(strapi);
      const draft = await findDraft(year, locale);
      if (!draft) {
        throw new errors.NotFoundError(`There is no annual report for ${year} yet: save it first.`);
      }
      const view = await build(year, locale, draft);
      const stored = JSON.stringify(draft.cells ?? {});
      if (JSON.stringify(view.cells) !== stored) await write(year, locale, draft, view);
      await getService(strapi, 'reviews').transition({
        uid: settings().contentType,
        documentId: draft.documentId,
        locale,
        action: 'submit',
        user,
        ability,
      });
      return withReviewState(view, draft.documentId, locale);
    },

    /**
     * Drafts a text section from the year's figures — 一、总体情况 (`overview`) or 五、存在的主要问题
     * 及改进情况 (`problems`) — and makes it the report's (saving the report, the first time too)
     * unless the coordinator has edited the section since it was last drafted: then nothing
     * changes and the new draft comes back beside the edited text, until `replace`. An empty text
     * is never an edit; a draft with nothing to report leaves the report as it is.
     */
    async draftSection(
      section: DraftedSection,
      year: number,
      { replace = false }: { replace?: boolean } = {}
    ): Promise<OverviewDraftOutcome> {
      const locale = await defaultLocale(strapi);
      const drafter = DRAFTERS[section];
      const quoted = drafter.providers.filter((name) => statistics().has(name));
      const yearly = await statistics().yearly(year, locale, quoted);
      const draft: GeneratedOverview = {
        ...drafter.write(yearly.sections),
        generatedAt: yearly.generatedAt,
      };
      const report = await findDraft(year, locale);
      const current = (report?.[section] as string | null | undefined) ?? '';
      const last = await lastDraft(section, year, locale);
      const isEdited = current.trim() !== '' && current !== last?.text;
      if (isEdited && !replace) return { status: 'conflict', draft, edited: current };
      if (draft.text === '') {
        return { status: 'empty', view: await build(year, locale, report), draft };
      }
      const view = await build(year, locale, report, { [section]: draft.text });
      const documentId = await write(year, locale, report, view);
      // After the report: a draft stored for a report not written would read as an edit.
      await store().set({ key: draftKey(section, year, locale), value: draft });
      return {
        status: 'replaced',
        view: await withReviewState(
          { ...view, [`${section}Draft`]: draft, [`${section}Edited`]: false },
          documentId,
          locale
        ),
        draft,
      };
    },

    /** The report rendered for download: JSON, CSV or the printable HTML page. */
    async export(year: number, format: ExportFormat) {
      const view = await this.view(year);
      if (format === 'csv') return { type: 'text/csv; charset=utf-8', body: renderReportCsv(view) };
      if (format === 'html')
        return { type: 'text/html; charset=utf-8', body: renderReportHtml(view) };
      return { type: 'application/json; charset=utf-8', body: JSON.stringify(view, null, 2) };
    },

    /** The review guard: the stored cells of the draft must pass every 勾稽 rule. */
    async refusalFor(draft: Document) {
      const format = FORMATS[(draft.formatVersion as FormatVersion | undefined) ?? 'f2021'];
      const failures = reportFailures(format, reportCells(format, new Map(), storedCells(draft)));
      if (failures.length === 0) return null;
      return {
        message: `The annual report cannot be submitted: ${failures.length} 勾稽 check(s) fail, first at ${failures[0].cell} (${failures[0].rule}: expected ${failures[0].expected}, found ${failures[0].actual}).`,
        details: { failures },
      };
    },
  };
};
