import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { beijingYear } from '../../../../shared/kernel/dates';
import { checkValues, valueProblem } from '../../../../shared/reporting/annual-report/checks';
import {
  FORMAT_VERSIONS,
  cellsOf,
  type CellValues,
  type FormatVersion,
  type ReportFormat,
} from '../../../../shared/reporting/annual-report/format';
import { FORMATS, defaultFormatFor } from '../../../../shared/reporting/annual-report/formats';
import { renderReportCsv } from '../domain/annual-report/render-csv';
import { renderReportHtml } from '../domain/annual-report/render-html';
import type { CellValue } from '../domain/annual-report/report';
import type {
  AnnualReportDto,
  SaveReportRequest as SaveInput,
} from '../../../../shared/reporting/contracts';
import { FIRST_STATISTICS_YEAR } from './statistics';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';

type Document = Record<string, unknown> & { documentId: string };
type DocumentsUid = Parameters<Core.Strapi['documents']>[0];

/** The report as the editor shows it: the API's answer. */
export type ReportView = AnnualReportDto;

const TEXT_FIELDS = ['title', 'overview', 'problems', 'otherMatters'] as const;
const MAX_TEXT = 20000;

/** Every `{ key, value }` figure inside a statistics section, by key. */
const figureValues = (value: unknown, into = new Map<string, number>()) => {
  if (Array.isArray(value)) value.forEach((entry) => figureValues(entry, into));
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.key === 'string' && typeof object.value === 'number') {
      into.set(object.key, object.value);
    }
    Object.values(object).forEach((entry) => figureValues(entry, into));
  }
  return into;
};

/**
 * The annual report (政府信息公开工作年度报告) of a year: one document of the configured content
 * type in the default locale. Cells the statistics providers know are computed from records;
 * the others are entered by the coordinator. A report whose 勾稽 rules fail cannot be submitted
 * for review (guard on the review service), so it cannot be published either.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () =>
    (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).annualReports;
  const documents = () => strapi.documents(settings().contentType as DocumentsUid);
  const statistics = () => getService(strapi, 'statistics');
  const reviews = () => getService(strapi, 'reviews');
  const defaultLocale = async (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();

  const checkYear = (year: number) => {
    const current = beijingYear(new Date());
    if (!Number.isInteger(year) || year < FIRST_STATISTICS_YEAR || year > current) {
      throw new errors.ValidationError(
        `Unknown year "${year}": annual reports cover ${FIRST_STATISTICS_YEAR} to ${current}.`,
        { key: 'year' }
      );
    }
  };

  const findDraft = async (year: number, locale: string) =>
    (await documents().findFirst({
      filters: { year } as never,
      locale,
      status: 'draft',
    })) as Document | null;

  /** The values of the format's computed cells, from the providers registered now. */
  const computedCells = async (year: number, locale: string, format: ReportFormat) => {
    const wanted = Object.entries(format.computedFrom).filter(([, figure]) =>
      statistics().has(figure.split('.', 1)[0])
    );
    if (wanted.length === 0) return new Map<string, CellValue>();
    const providers = [...new Set(wanted.map(([, figure]) => figure.split('.', 1)[0]))];
    const yearly = await statistics().yearly(year, locale, providers);
    const values = figureValues(yearly.sections);
    return new Map<string, CellValue>(
      wanted.map(([cell, figure]) => [
        cell,
        { value: values.get(figure) ?? 0, source: 'computed', figure },
      ])
    );
  };

  const failuresOf = (format: ReportFormat, cells: Record<string, CellValue>) => {
    const values: CellValues = Object.fromEntries(
      Object.entries(cells).map(([key, cell]) => [key, cell.value])
    );
    return [...checkValues(format.tables, values), ...format.check(values)];
  };

  const build = async (
    year: number,
    locale: string,
    draft: Document | null,
    changes: SaveInput = {}
  ): Promise<ReportView> => {
    const formatVersion =
      changes.formatVersion ??
      (draft?.formatVersion as FormatVersion | undefined) ??
      defaultFormatFor(year);
    const format = FORMATS[formatVersion];
    const computed = await computedCells(year, locale, format);
    const stored = (draft?.cells ?? {}) as Record<string, CellValue>;
    const cells: Record<string, CellValue> = {};
    for (const { key } of cellsOf(format)) {
      const entered =
        changes.entered && Object.hasOwn(changes.entered, key)
          ? changes.entered[key]
          : stored[key]?.value;
      cells[key] = computed.get(key) ?? { value: entered ?? null, source: 'entered' };
    }
    const text = (field: (typeof TEXT_FIELDS)[number], fallback: string) =>
      changes[field] ?? (draft?.[field] as string | null | undefined) ?? fallback;
    return {
      year,
      documentId: draft?.documentId ?? null,
      formatVersion,
      formatLabel: format.label,
      title: text('title', `${year}年政府信息公开工作年度报告`),
      overview: text('overview', ''),
      problems: text('problems', ''),
      otherMatters: text('otherMatters', ''),
      tables: format.tables,
      cells,
      failures: failuresOf(format, cells),
      review: draft
        ? {
            state: await reviews().stateOf(settings().contentType, draft.documentId, locale),
          }
        : null,
    };
  };

  const validate = (
    input: unknown,
    format: (version?: FormatVersion) => ReportFormat
  ): SaveInput => {
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      throw new errors.ValidationError('Send the report as a JSON object.');
    }
    const body = input as Record<string, unknown>;
    const allowed = ['formatVersion', ...TEXT_FIELDS, 'entered'];
    const unknown = Object.keys(body).find((key) => !allowed.includes(key));
    if (unknown) {
      throw new errors.ValidationError(
        `Unknown field "${unknown}": a report has ${allowed.join(', ')}.`,
        { key: unknown }
      );
    }
    if (
      body.formatVersion !== undefined &&
      !(FORMAT_VERSIONS as readonly unknown[]).includes(body.formatVersion)
    ) {
      throw new errors.ValidationError(
        `Unknown format "${String(body.formatVersion)}": use ${FORMAT_VERSIONS.join(', ')}.`,
        { key: 'formatVersion' }
      );
    }
    for (const field of TEXT_FIELDS) {
      const value = body[field];
      if (value === undefined) continue;
      const limit = field === 'title' ? 255 : MAX_TEXT;
      if (
        typeof value !== 'string' ||
        value.length > limit ||
        (field === 'title' && !value.trim())
      ) {
        throw new errors.ValidationError(
          `"${field}" must be text of at most ${limit} characters${field === 'title' ? ', not empty' : ''}.`,
          { key: field }
        );
      }
    }
    const chosen = format(body.formatVersion as FormatVersion | undefined);
    const cells = new Map(cellsOf(chosen).map((cell) => [cell.key, cell]));
    const entered: Record<string, number | null> = {};
    if (body.entered !== undefined) {
      if (!body.entered || typeof body.entered !== 'object' || Array.isArray(body.entered)) {
        throw new errors.ValidationError('"entered" maps cell keys to numbers.', {
          key: 'entered',
        });
      }
      for (const [key, value] of Object.entries(body.entered as Record<string, unknown>)) {
        const cell = cells.get(key);
        if (!cell) {
          throw new errors.ValidationError(`Unknown cell "${key}" in the ${chosen.label} format.`, {
            key: 'entered',
            cell: key,
          });
        }
        if (
          chosen.computedFrom[key] &&
          statistics().has(chosen.computedFrom[key].split('.', 1)[0])
        ) {
          throw new errors.ValidationError(
            `Cell "${key}" is computed from records (${chosen.computedFrom[key]}) and cannot be entered.`,
            { key: 'entered', cell: key }
          );
        }
        const valid =
          value === null ||
          (typeof value === 'number' &&
            Number.isFinite(value) &&
            !valueProblem(cell.column, value));
        if (!valid) {
          const takes = cell.column.amount
            ? 'an amount ≥ 0'
            : cell.column.signed
              ? 'a whole number (a decrease negative)'
              : 'a whole number ≥ 0';
          throw new errors.ValidationError(`Cell "${key}" takes ${takes} or null.`, {
            key: 'entered',
            cell: key,
          });
        }
        entered[key] = value as number | null;
      }
    }
    return { ...(body as SaveInput), entered };
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
    review: { state: await reviews().stateOf(settings().contentType, documentId, locale) },
  });

  const columnDocumentId = async (locale: string): Promise<string | null> => {
    const attribute = (
      strapi.contentType(settings().contentType as never).attributes as Record<
        string,
        { target?: string }
      >
    ).column;
    if (!attribute?.target) return null;
    const column = (await strapi.documents(attribute.target as DocumentsUid).findFirst({
      filters: { code: settings().columnCode } as never,
      locale,
    })) as Document | null;
    return column?.documentId ?? null;
  };

  return {
    /** The report of a year as the editor shows it: stored text and entries, live computed cells. */
    async view(year: number): Promise<ReportView> {
      checkYear(year);
      const locale = await defaultLocale();
      return build(year, locale, await findDraft(year, locale));
    },

    /** Saves the draft (creating it the first time) with the computed cells refreshed. */
    async save(year: number, input: unknown): Promise<ReportView> {
      checkYear(year);
      const locale = await defaultLocale();
      const draft = await findDraft(year, locale);
      const changes = validate(
        input,
        (version) =>
          FORMATS[
            version ?? (draft?.formatVersion as FormatVersion | undefined) ?? defaultFormatFor(year)
          ]
      );
      const view = await build(year, locale, draft, changes);
      return withReviewState(view, await write(year, locale, draft, view), locale);
    },

    /**
     * Refreshes the computed cells and submits the report for review, unless a 勾稽 rule fails
     * (400 listing every failing cell) or it was never saved (404).
     */
    async submit(year: number, user: AdminUser, ability: Ability): Promise<ReportView> {
      checkYear(year);
      const locale = await defaultLocale();
      const draft = await findDraft(year, locale);
      if (!draft) {
        throw new errors.NotFoundError(`There is no annual report for ${year} yet: save it first.`);
      }
      const view = await build(year, locale, draft);
      const stored = JSON.stringify(draft.cells ?? {});
      if (JSON.stringify(view.cells) !== stored) await write(year, locale, draft, view);
      await reviews().transition({
        uid: settings().contentType,
        documentId: draft.documentId,
        locale,
        action: 'submit',
        user,
        ability,
      });
      return withReviewState(view, draft.documentId, locale);
    },

    /** The report rendered for download: JSON, CSV or the printable HTML page. */
    async export(year: number, format: 'json' | 'csv' | 'html') {
      const view = await this.view(year);
      if (format === 'csv') return { type: 'text/csv; charset=utf-8', body: renderReportCsv(view) };
      if (format === 'html')
        return { type: 'text/html; charset=utf-8', body: renderReportHtml(view) };
      return { type: 'application/json; charset=utf-8', body: JSON.stringify(view, null, 2) };
    },

    /** The review guard: the stored cells of the draft must pass every 勾稽 rule. */
    async refusalFor(draft: Document) {
      const version = (draft.formatVersion as FormatVersion | undefined) ?? 'f2021';
      const format = FORMATS[version];
      const stored = (draft.cells ?? {}) as Record<string, CellValue>;
      const cells = Object.fromEntries(
        cellsOf(format).map(({ key }) => [key, stored[key] ?? { value: null, source: 'entered' }])
      ) as Record<string, CellValue>;
      const failures = failuresOf(format, cells);
      if (failures.length === 0) return null;
      return {
        message: `The annual report cannot be submitted: ${failures.length} 勾稽 check(s) fail, first at ${failures[0].cell} (${failures[0].rule}: expected ${failures[0].expected}, found ${failures[0].actual}).`,
        details: { failures },
      };
    },
  };
};
