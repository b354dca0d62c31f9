import type { Core } from '@strapi/strapi';
import type { AdminUser } from '../../kernel/services/actor';
import type { ProposalViewer } from '../services/proposals';
import {
  proposalIdOf,
  validateAssignment,
  validateClearance,
  validateDraft,
  validateFeedback,
  validateListQuery,
  validateOpinion,
  validatePublication,
  validateRegistration,
  validateReturn,
  validateSend,
  validateTemplate,
} from '../validation';
import { getService } from '../../get-service';

export interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { id?: string; kind?: string };
  state: { user: AdminUser; userAbility: { can(action: string): boolean } };
  status: number;
}

/**
 * Suggestions and proposals (建议提案办理), the admin's API: each action validates its input
 * (validation.ts), calls one service and answers; a step answers with the case page as the acting
 * user sees it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const proposals = () => getService(strapi, 'proposals');
  const steps = () => getService(strapi, 'proposal-steps');
  const views = () => getService(strapi, 'proposal-views');
  const viewer = (ctx: Context) => proposals().viewerOf(ctx.state.user, ctx.state.userAbility);
  const detail = async (ctx: Context, id = proposalIdOf(ctx.params.id)) => ({
    data: await views().show(id, await viewer(ctx)),
  });
  /** A step on one case: the body validated, the service does it, the page answers. */
  const step =
    <T>(
      validate: (body: unknown) => T,
      run: (id: number, input: T, viewer: ProposalViewer) => Promise<unknown>
    ) =>
    async (ctx: Context) => {
      const id = proposalIdOf(ctx.params.id);
      const input = validate(ctx.request.body ?? {});
      await run(id, input, await viewer(ctx));
      return detail(ctx, id);
    };

  return {
    /** POST /disclosure/proposals → 201 with the case page. */
    async register(ctx: Context) {
      const input = validateRegistration(ctx.request.body ?? {});
      const { id } = await steps().register(input, await viewer(ctx));
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
    assign: step(validateAssignment, (id, input, v) => steps().assign(id, input, v)),
    submitOpinion: step(validateOpinion, (id, input, v) => steps().submitOpinion(id, input, v)),
    draftReply: step(validateDraft, (id, input, v) => steps().draftReply(id, input, v)),
    clearReply: step(validateClearance, (id, input, v) => steps().clearReply(id, input, v)),
    returnReply: step(validateReturn, (id, input, v) => steps().returnReply(id, input, v)),
    sendReply: step(validateSend, (id, input, v) => steps().sendReply(id, input, v)),
    recordFeedback: step(validateFeedback, (id, input, v) => steps().recordFeedback(id, input, v)),
    decidePublication: step(validatePublication, (id, input, v) =>
      steps().decidePublication(id, input, v)
    ),
    /** GET /disclosure/proposal-divisions → the divisions to assign to: `{ code, name }[]`. */
    async divisions() {
      const names = await proposals().divisionNames();
      return { data: [...names].map(([code, name]) => ({ code, name })) };
    },
    async templates() {
      return { data: await getService(strapi, 'proposal-templates').list() };
    },
    async saveTemplate(ctx: Context) {
      const template = validateTemplate(ctx.params.kind ?? '', ctx.request.body ?? {});
      return { data: await getService(strapi, 'proposal-templates').save(template) };
    },
  };
};
