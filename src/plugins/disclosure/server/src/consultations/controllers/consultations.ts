import type { Core } from '@strapi/strapi';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import type { ConsultationViewer } from '../services/consultations';
import {
  idOf,
  validateAdoption,
  validateClose,
  validateComment,
  validateConsultation,
  validateConsultationChanges,
  validateListQuery,
  validateModeration,
  validateNoQuery,
  validateNothing,
  validatePublicListQuery,
  validateSummary,
} from '../validation';
import { getService } from '../../get-service';

export interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { id?: string; commentId?: string };
  state: { user: AdminUser; userAbility: Ability };
  status: number;
}

/**
 * Consultations (调查征集): the website's API (published consultations, comments) and the
 * office's (each action validates its input, calls one service and answers; a step answers with
 * the consultation page as the acting user sees it).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => getService(strapi, 'consultations');
  const steps = () => getService(strapi, 'consultation-steps');
  const views = () => getService(strapi, 'consultation-views');
  const website = () => getService(strapi, 'consultation-public');
  const viewer = (ctx: Context) => consultations().viewerOf(ctx.state.user);
  const detail = async (ctx: Context, id = idOf(ctx.params.id)) => ({
    data: await views().show(id, await viewer(ctx)),
  });
  /** A step on one consultation: the body validated, the service does it, the page answers. */
  const step =
    <T>(
      validate: (body: unknown) => T,
      run: (id: number, input: T, viewer: ConsultationViewer, ctx: Context) => Promise<unknown>
    ) =>
    async (ctx: Context) => {
      const id = idOf(ctx.params.id);
      const input = validate(ctx.request.body ?? {});
      await run(id, input, await viewer(ctx), ctx);
      return detail(ctx, id);
    };
  const commentIdOf = (ctx: Context) => idOf(ctx.params.commentId, 'comment');

  return {
    // The website (content API, no authentication).
    /** GET /api/disclosure/consultations → the published consultations. */
    async publicList(ctx: Context) {
      return website().list(validatePublicListQuery(ctx.query));
    },
    /**
     * GET /api/disclosure/consultations/:id (its public id, never the row's) → one, 404 unless
     * its announcement is published.
     */
    async publicShow(ctx: Context) {
      validateNoQuery(ctx.query);
      return { data: await website().show(ctx.params.id ?? '') };
    },
    /**
     * POST /api/disclosure/consultations/:id/comments (its public id) → 201
     * { data: { consultationDocumentId, number, receivedOn } }.
     */
    async comment(ctx: Context) {
      validateNoQuery(ctx.query);
      const input = validateComment(ctx.request.body);
      const data = await website().comment(ctx.params.id ?? '', input);
      ctx.status = 201;
      return { data };
    },

    // The office (admin API).
    /** POST /disclosure/consultations → 201 with the consultation page. */
    async create(ctx: Context) {
      const input = validateConsultation(ctx.request.body ?? {});
      const { id } = await steps().create(input, await viewer(ctx));
      ctx.status = 201;
      return detail(ctx, id);
    },
    async list(ctx: Context) {
      const { results, pagination } = await views().list(
        await viewer(ctx),
        validateListQuery(ctx.query)
      );
      return { data: results, meta: { pagination } };
    },
    show: (ctx: Context) => detail(ctx),
    edit: step(validateConsultationChanges, (id, input, v) => steps().edit(id, input, v)),
    announce: step(validateNothing, (id, _input, v, ctx) =>
      steps().announce(id, v, ctx.state.userAbility)
    ),
    moderate: step(validateModeration, (id, input, v, ctx) =>
      steps().moderate(id, commentIdOf(ctx), input, v)
    ),
    recordAdoption: step(validateAdoption, (id, input, v, ctx) =>
      steps().recordAdoption(id, commentIdOf(ctx), input, v)
    ),
    close: step(validateClose, (id, input, v) => steps().close(id, input, v)),
    draftSummary: step(validateSummary, (id, input, v) => steps().draftSummary(id, input, v)),
    submitSummary: step(validateNothing, (id, _input, v, ctx) =>
      steps().submitSummary(id, v, ctx.state.userAbility)
    ),
    /** GET /disclosure/consultation-divisions → `{ code, name }[]` (the coordinator picks one). */
    async divisions() {
      const names = await consultations().divisionNames();
      return { data: [...names].map(([code, name]) => ({ code, name })) };
    },
  };
};
