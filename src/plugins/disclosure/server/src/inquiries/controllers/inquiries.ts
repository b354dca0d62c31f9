import type { Core } from '@strapi/strapi';
import type { AdminUser } from '../../kernel/services/actor';
import type { InquiryViewer } from '../services/inquiries';
import {
  inquiryIdOf,
  validateAnswer,
  validateAssignment,
  validateClearance,
  validateDismissal,
  validateDraft,
  validateIntake,
  validateListQuery,
  validatePhoneLog,
  validatePublication,
  validateRegistration,
  validateReturn,
  validateSatisfaction,
  validateSend,
  validateStatusQuery,
} from '../validation';
import { acceptOnly } from '../../kernel/controllers/query';
import { getService } from '../../get-service';

export interface Context {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: { id?: string };
  state: { user: AdminUser; userAbility: { can(action: string): boolean } };
  status: number;
}

/**
 * Public inquiries (留言办理): the website's intake and status lookup (content API), and the
 * office's pages and steps (admin). Each action validates its input (validation.ts), calls one
 * service and answers; a step answers with the case page as the acting user sees it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const inquiries = () => getService(strapi, 'inquiries');
  const intake = () => getService(strapi, 'inquiry-intake');
  const steps = () => getService(strapi, 'inquiry-steps');
  const views = () => getService(strapi, 'inquiry-views');
  const viewer = (ctx: Context) => inquiries().viewerOf(ctx.state.user, ctx.state.userAbility);
  const detail = async (ctx: Context, id = inquiryIdOf(ctx.params.id)) => ({
    data: await views().show(id, await viewer(ctx)),
  });
  /** A step on one case: the body validated, the service does it, the page answers. */
  const step =
    <T>(
      validate: (body: unknown) => T,
      run: (id: number, input: T, viewer: InquiryViewer) => Promise<unknown>
    ) =>
    async (ctx: Context) => {
      const id = inquiryIdOf(ctx.params.id);
      const input = validate(ctx.request.body ?? {});
      await run(id, input, await viewer(ctx));
      return detail(ctx, id);
    };

  return {
    /** POST /api/disclosure/inquiries → 201 { data: { trackingNumber, queryCode, receivedOn, dueDate } } */
    async create(ctx: Context) {
      acceptOnly(ctx.query, []);
      const input = validateIntake(ctx.request.body);
      ctx.status = 201;
      return { data: await intake().submitOnline(input) };
    },
    /** GET /api/disclosure/inquiries/status?trackingNumber=&queryCode= → the state and the cleared reply. */
    async status(ctx: Context) {
      const { trackingNumber, queryCode } = validateStatusQuery(ctx.query);
      return { data: await intake().status(trackingNumber, queryCode) };
    },

    /** POST /disclosure/inquiries/phone → 201 with the case page. */
    async logCall(ctx: Context) {
      const input = validatePhoneLog(ctx.request.body ?? {});
      const { id } = await intake().logCall(input, await viewer(ctx));
      ctx.status = 201;
      return detail(ctx, id);
    },
    /** POST /disclosure/inquiries → 201 with the case page. */
    async register(ctx: Context) {
      const input = validateRegistration(ctx.request.body ?? {});
      const { id } = await intake().register(input, await viewer(ctx));
      ctx.status = 201;
      return detail(ctx, id);
    },
    async list(ctx: Context) {
      const { results, pagination, oldestOpen } = await views().list(
        await viewer(ctx),
        validateListQuery(ctx.query)
      );
      return { data: results, meta: { pagination, oldestOpen } };
    },
    /** GET /disclosure/inquiries/oldest-open → the oldest open message the user may see, or null. */
    async oldestOpen(ctx: Context) {
      acceptOnly(ctx.query, []);
      return { data: await views().oldestOpen(await viewer(ctx)) };
    },
    show: (ctx: Context) => detail(ctx),
    assign: step(validateAssignment, (id, input, v) => steps().assign(id, input, v)),
    answer: step(validateAnswer, (id, input, v) => steps().answer(id, input, v)),
    draftReply: step(validateDraft, (id, input, v) => steps().draftReply(id, input, v)),
    clearReply: step(validateClearance, (id, input, v) => steps().clearReply(id, input, v)),
    returnReply: step(validateReturn, (id, input, v) => steps().returnReply(id, input, v)),
    sendReply: step(validateSend, (id, input, v) => steps().sendReply(id, input, v)),
    recordSatisfaction: step(validateSatisfaction, (id, input, v) =>
      steps().recordSatisfaction(id, input, v)
    ),
    dismiss: step(validateDismissal, (id, input, v) => steps().dismiss(id, input, v)),
    preparePublication: step(validatePublication, (id, input, v) =>
      steps().preparePublication(id, input, v)
    ),
    /** GET /disclosure/inquiry-divisions → the divisions to assign to: `{ code, name }[]`. */
    async divisions() {
      const names = await inquiries().divisionNames();
      return { data: [...names].map(([code, name]) => ({ code, name })) };
    },
  };
};
