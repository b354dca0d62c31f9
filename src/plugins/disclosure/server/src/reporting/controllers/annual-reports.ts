import type { Core } from '@strapi/strapi';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import type { OverviewConflictResponse } from '../../../../shared/reporting/contracts';
import { getService } from '../../get-service';
import type { DraftedSection } from '../services/annual-reports';
import {
  validateDraftOverviewRequest,
  validateExportQuery,
  validateReportChanges,
  validateReportYear,
} from '../validation';

export interface Context {
  params: { year?: string };
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: Ability };
  set(header: string, value: string): void;
  status: number;
  type: string;
  body: unknown;
}

const SECTION_NAMES: Record<DraftedSection, string> = {
  overview: '总体情况',
  problems: '存在的主要问题及改进情况',
};

/** The annual report editor's API (admin): validate, call service('annual-reports'), answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'annual-reports');
  const yearOf = (ctx: Context) => validateReportYear(ctx.params).year;

  /** POST …/overview-draft and …/problems-draft: draft the section, or 409 when it was edited. */
  const draftSection = async (ctx: Context, section: DraftedSection) => {
    const year = yearOf(ctx);
    const { replace } = validateDraftOverviewRequest(ctx.request.body);
    const outcome = await service().draftSection(section, year, { replace });
    if (outcome.status === 'conflict') {
      // Answered, not thrown: @strapi/utils has no ConflictError, and a thrown HTTP error of
      // another http-errors copy would be logged as a server error.
      const conflict: OverviewConflictResponse = {
        data: null,
        error: {
          status: 409,
          name: 'ConflictError',
          message: `The ${SECTION_NAMES[section]} of ${year} was edited since it was last drafted from records: compare the new draft with the edited text, then send "replace": true to overwrite it.`,
          details: { draft: outcome.draft, edited: outcome.edited },
        },
      };
      ctx.status = 409;
      ctx.body = conflict;
      return undefined;
    }
    return {
      data: outcome.view,
      meta: { draft: outcome.draft, replaced: outcome.status === 'replaced' },
    };
  };

  return {
    async show(ctx: Context) {
      return { data: await service().view(yearOf(ctx)) };
    },
    async save(ctx: Context) {
      const year = yearOf(ctx);
      return { data: await service().save(year, validateReportChanges(ctx.request.body)) };
    },
    async submit(ctx: Context) {
      return {
        data: await service().submit(yearOf(ctx), ctx.state.user, ctx.state.userAbility),
      };
    },
    /** 200 with the drafted report, or 409 with the draft beside the coordinator's edited text. */
    draftOverview: (ctx: Context) => draftSection(ctx, 'overview'),
    /** The same for 五、存在的主要问题及改进情况. */
    draftProblems: (ctx: Context) => draftSection(ctx, 'problems'),
    async export(ctx: Context) {
      const year = yearOf(ctx);
      const { format } = validateExportQuery(ctx.query);
      const file = await service().export(year, format);
      ctx.type = file.type;
      if (format !== 'html') {
        ctx.set('Content-Disposition', `attachment; filename="annual-report-${year}.${format}"`);
      }
      ctx.body = file.body;
    },
  };
};
