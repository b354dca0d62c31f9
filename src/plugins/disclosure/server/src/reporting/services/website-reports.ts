import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../kernel/constants';
import type { ContentTypeUid, DisclosureConfig } from '../../kernel/config';
import {
  WEBSITE_REPORT_FIELDS,
  WEBSITE_REPORT_SECTIONS,
  missingFields,
  type WebsiteReportCell,
} from '../../../../shared/reporting/website-report/format';
import type { WebsiteReportDto } from '../../../../shared/reporting/website-report/contracts';
import {
  figureValuesFor,
  websiteEntryProblem,
  websiteReportCells,
  type WebsiteEntries,
} from '../domain/website-report/fields';
import { renderWebsiteReportCsv } from '../domain/website-report/render-csv';
import { renderWebsiteReportHtml } from '../domain/website-report/render-html';
import type { ExportFormat } from '../validation';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import { defaultLocale } from '../../kernel/i18n';

type Document = Record<string, unknown> & { documentId: string };

/** What a save changes: the title and entered fields (null clears one). */
export interface WebsiteReportChanges {
  title?: string;
  entered?: Record<string, unknown>;
}

/** The statistics provider a figure key belongs to ("items" of "items.total"). */
const providerOf = (figure: string) => figure.split('.', 1)[0];

const defaultTitle = (year: number) => `政府网站工作年度报表（${year}年度）`;

/** The required fields still empty, as a refusal naming them. */
const missingRefusal = (missing: string[]) => ({
  message: `The website report cannot be submitted: ${missing.length} required field(s) are empty, first "${missing[0]}" (${
    WEBSITE_REPORT_FIELDS.find((field) => field.key === missing[0])?.label ?? ''
  }).`,
  details: { missing },
});

/**
 * The 政府网站工作年度报表 of a year: one document of the configured content type in the default
 * locale. Fields the statistics providers hold are computed from records (and drill down to
 * them); the others are entered by the coordinator. A report with a required field empty cannot be
 * submitted for review (guard on the review service), so it cannot be published either.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () =>
    (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).websiteReports;
  const documents = () => strapi.documents(settings().contentType);
  const statistics = () => getService(strapi, 'statistics');
  const reviewState = () => getService(strapi, 'review-state');

  const findDraft = async (year: number, locale: string) =>
    (await documents().findFirst({
      filters: { year } as never,
      locale,
      status: 'draft',
    })) as Document | null;

  /** Whether a figure is computed now: a registered provider holds it. */
  const isComputed = (figure: string) => statistics().has(providerOf(figure));

  /** The computed fields, from the providers registered now. */
  const computedCells = async (year: number, locale: string) => {
    const wanted = WEBSITE_REPORT_FIELDS.filter(
      (field) => field.computedFrom && isComputed(field.computedFrom)
    );
    if (wanted.length === 0) return new Map<string, WebsiteReportCell>();
    const figures = wanted.map((field) => field.computedFrom!);
    const providers = [...new Set(figures.map(providerOf))];
    const yearly = await statistics().yearly(year, locale, providers);
    const values = figureValuesFor(yearly.sections, figures);
    return new Map<string, WebsiteReportCell>(
      wanted.map((field) => [
        field.key,
        {
          value: values.get(field.computedFrom!) ?? null,
          source: 'computed',
          figure: field.computedFrom!,
          records: field.recordsFrom ?? field.computedFrom!,
        },
      ])
    );
  };

  const storedCells = (draft: Document | null) =>
    (draft?.values ?? {}) as Record<string, WebsiteReportCell | undefined>;

  const build = async (
    year: number,
    locale: string,
    draft: Document | null,
    changes: WebsiteReportChanges = {}
  ): Promise<WebsiteReportDto> => {
    const cells = websiteReportCells(
      await computedCells(year, locale),
      storedCells(draft),
      changes.entered as WebsiteEntries | undefined
    );
    return {
      year,
      documentId: draft?.documentId ?? null,
      title: changes.title ?? (draft?.title as string | undefined) ?? defaultTitle(year),
      sections: WEBSITE_REPORT_SECTIONS,
      cells,
      missing: missingFields(cells).map((field) => field.key),
      review: draft
        ? { state: await reviewState().stateOf(settings().contentType, draft.documentId, locale) }
        : null,
    };
  };

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

  const write = async (
    year: number,
    locale: string,
    draft: Document | null,
    view: WebsiteReportDto
  ) => {
    const data = { title: view.title, year, values: view.cells };
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

  const withReviewState = async (
    view: WebsiteReportDto,
    documentId: string,
    locale: string
  ): Promise<WebsiteReportDto> => ({
    ...view,
    documentId,
    review: { state: await reviewState().stateOf(settings().contentType, documentId, locale) },
  });

  return {
    /** The 报表 of a year as the editor shows it: stored entries, live computed fields. */
    async view(year: number): Promise<WebsiteReportDto> {
      const locale = await defaultLocale(strapi);
      return build(year, locale, await findDraft(year, locale));
    },

    /**
     * Saves the draft (creating it the first time) with the computed fields refreshed; 400 naming
     * the field, nothing stored, when an entry is not one of the form's, is computed, or is not of
     * the field's type.
     */
    async save(year: number, changes: WebsiteReportChanges): Promise<WebsiteReportDto> {
      const problem = websiteEntryProblem(changes.entered ?? {}, isComputed);
      if (problem) {
        throw new errors.ValidationError(problem.message, { key: 'entered', field: problem.field });
      }
      const locale = await defaultLocale(strapi);
      const draft = await findDraft(year, locale);
      const view = await build(year, locale, draft, changes);
      return withReviewState(view, await write(year, locale, draft, view), locale);
    },

    /**
     * Refreshes the computed fields and submits the 报表 for review, unless a required field is
     * empty (400 listing them) or it was never saved (404).
     */
    async submit(year: number, user: AdminUser, ability: Ability): Promise<WebsiteReportDto> {
      const locale = await defaultLocale(strapi);
      const draft = await findDraft(year, locale);
      if (!draft) {
        throw new errors.NotFoundError(
          `There is no website report for ${year} yet: save it first.`
        );
      }
      const view = await build(year, locale, draft);
      if (JSON.stringify(view.cells) !== JSON.stringify(draft.values ?? {})) {
        await write(year, locale, draft, view);
      }
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

    /** The 报表 rendered for download: JSON, CSV or the printable HTML page. */
    async export(year: number, format: ExportFormat) {
      const view = await this.view(year);
      if (format === 'csv') {
        return { type: 'text/csv; charset=utf-8', body: renderWebsiteReportCsv(view) };
      }
      if (format === 'html') {
        return { type: 'text/html; charset=utf-8', body: renderWebsiteReportHtml(view) };
      }
      return { type: 'application/json; charset=utf-8', body: JSON.stringify(view, null, 2) };
    },

    /** The review guard: every required field of the stored draft is filled. */
    async refusalFor(draft: Document) {
      const missing = missingFields(storedCells(draft)).map((field) => field.key);
      return missing.length === 0 ? null : missingRefusal(missing);
    },
  };
};
