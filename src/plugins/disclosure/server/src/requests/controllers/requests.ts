import type { Core } from '@strapi/strapi';
import { rm } from 'fs/promises';
import { errors } from '@strapi/utils';
import { acceptOnly, pageOf } from '../../kernel/controllers/query';
import { actorFromUser } from '../../kernel/services/actor';
import type { UploadedFile } from '../services/request-attachments';
import { MailNotSent } from '../services/request-replies';
import { invalid, viewerOf } from '../services/requests';
import { lookupProblem } from '../domain/intake';
import type { RequestEvent } from '../domain/request-deadline';
import type { AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';

export interface Context {
  request: {
    body?: unknown;
    files?: Record<string, UploadedFile | UploadedFile[]>;
    is(...types: string[]): string | false | null;
  };
  query: Record<string, unknown>;
  params: { trackingNumber: string; id: string; outcome: string; date: string };
  state: { user: AdminUser; userAbility: { can(action: string): boolean } };
  status: number;
  body?: unknown;
  set(field: string, value: string): void;
  type?: string;
}

/** Files of a multipart body under `field`, as a list. */
const filesOf = (ctx: Context, field: string): UploadedFile[] => {
  const files = ctx.request.files?.[field];
  return files === undefined ? [] : Array.isArray(files) ? files : [files];
};

/**
 * Runs `fn`, then removes every file the body parser left in the temporary directory: an
 * applicant's identity scan must not outlive the request in clear, stored or refused.
 */
const withUploads = async <T>(ctx: Context, fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } finally {
    const all = Object.values(ctx.request.files ?? {}).flatMap((files) =>
      Array.isArray(files) ? files : [files]
    );
    await Promise.all(all.map((file) => rm(file.filepath, { force: true })));
  }
};

/**
 * The intake body: JSON, or multipart with the fields in `data` (JSON, as Strapi's own upload
 * routes take them) and the files in `attachments`; any other multipart field is refused by name.
 * The fields inside `data` are validated with the JSON ones (validateIntake): a `\u0000` escape
 * there decodes to NUL only here, past any guard on the raw body.
 */
const intakeBody = (ctx: Context) => {
  const body = ctx.request.body as Record<string, unknown> | undefined;
  if (!ctx.request.is('multipart')) return body;
  const fields = Object.keys(body ?? {});
  const unknown = [
    ...fields.filter((field) => field !== 'data'),
    ...Object.keys(ctx.request.files ?? {}).filter((field) => field !== 'attachments'),
  ];
  if (unknown.length) {
    throw invalid(
      `Unknown multipart field(s) ${unknown.map((field) => `"${field}"`).join(', ')}: send the request as JSON in "data" and files in "attachments".`,
      unknown[0]
    );
  }
  if (typeof body?.data !== 'string') {
    throw invalid('"data" must be the request as JSON, sent once.', 'data');
  }
  try {
    return JSON.parse(body.data);
  } catch {
    throw invalid('"data" must be the request as JSON.', 'data');
  }
};

/** The website's intake and status lookup for disclosure requests (public content API). */
const STATES = ['open', 'closed', 'all'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'requests');
  const replies = () => getService(strapi, 'request-replies');
  const templates = () => getService(strapi, 'reply-templates');
  /** After a step, the page's view of the request as the acting user sees it. */
  const detail = async (ctx: Context) => ({
    data: await service().show(
      ctx.params.trackingNumber,
      viewerOf(ctx.state.user, ctx.state.userAbility)
    ),
  });
  /** A handling step on one request: the service does it, the answer is the page's new view. */
  const step =
    (run: (trackingNumber: string, body: unknown, user: AdminUser) => Promise<unknown>) =>
    async (ctx: Context) => {
      await run(ctx.params.trackingNumber, ctx.request.body, ctx.state.user);
      return detail(ctx);
    };
  return {
    /** POST /api/disclosure-requests → 201 { data: { trackingNumber, queryCode, receivedOn, dueDate } } */
    async create(ctx: Context) {
      const data = await withUploads(ctx, () =>
        service().submitOnline(intakeBody(ctx), filesOf(ctx, 'attachments'))
      );
      ctx.status = 201;
      return { data };
    },
    /** GET /api/disclosure-requests/status?trackingNumber=&queryCode= → the state, never personal data. */
    async status(ctx: Context) {
      acceptOnly(ctx.query, ['trackingNumber', 'queryCode']);
      const { trackingNumber, queryCode } = ctx.query;
      const problem = lookupProblem(trackingNumber, queryCode);
      if (problem) throw invalid(problem.message, problem.field);
      return {
        data: await service().status(trackingNumber as string, queryCode as string),
      };
    },

    // Admin (依申请公开 office): register, list, view, handle, reply, withdraw.
    async register(ctx: Context) {
      const data = await service().registerByStaff(ctx.request.body);
      ctx.status = 201;
      return { data };
    },
    async list(ctx: Context) {
      acceptOnly(ctx.query, ['state', 'page', 'pageSize']);
      const { state = 'all' } = ctx.query;
      if (!(STATES as readonly unknown[]).includes(state)) {
        throw new errors.ValidationError(`"state" must be one of ${STATES.join(', ')}.`, {
          key: 'state',
        });
      }
      const { results, pagination } = await service().list({
        ...pageOf(ctx.query),
        state: state as (typeof STATES)[number],
      });
      return { data: results, meta: { pagination } };
    },
    show: detail,
    addEvent: step((tn, body, user) => service().addEvent(tn, body as RequestEvent, user)),
    accept: step((tn, _body, user) => service().accept(tn, user)),
    assign: step((tn, body, user) => service().assign(tn, body, user)),
    withdraw: step((tn, body, user) => service().withdraw(tn, body, user)),
    draftReply: step((tn, body, user) => replies().draft(tn, body, user)),
    clearReply: step((tn, body, user) => replies().clear(tn, body, user)),
    returnReply: step((tn, body, user) => replies().returnReply(tn, body, user)),
    async sendReply(ctx: Context) {
      try {
        await replies().send(ctx.params.trackingNumber, ctx.state.user);
      } catch (error) {
        if (!(error instanceof MailNotSent)) throw error;
        ctx.status = 502;
        return {
          data: null,
          error: { status: 502, name: 'MailNotSent', message: error.message, details: {} },
        };
      }
      return detail(ctx);
    },
    recordDelivery: step((tn, body, user) => replies().recordDelivery(tn, body, user)),
    async makeProactive(ctx: Context) {
      return {
        data: await replies().makeProactive(
          ctx.params.trackingNumber,
          ctx.request.body,
          ctx.state.user
        ),
      };
    },
    /** POST …/attachments (multipart, field `files`): files for the reply. */
    async addAttachments(ctx: Context) {
      const trackingNumber = ctx.params.trackingNumber;
      const stored = await withUploads(ctx, async () => {
        await service().find(trackingNumber);
        const files = filesOf(ctx, 'files');
        if (files.length === 0) {
          throw new errors.ValidationError('Send the files as multipart field "files".', {
            key: 'files',
          });
        }
        const store = getService(strapi, 'request-attachments');
        return store.store(trackingNumber, 'reply', await store.prepare('reply', files));
      });
      ctx.status = 201;
      return { data: stored };
    },
    /** GET …/attachments/:id → the file; an applicant's file is personal data, so the view is audited. */
    async attachment(ctx: Context) {
      const trackingNumber = ctx.params.trackingNumber;
      if (!/^\d{1,9}$/.test(ctx.params.id ?? '')) {
        throw new errors.NotFoundError(
          `Request ${trackingNumber} has no attachment ${ctx.params.id}.`
        );
      }
      // The 保密审查员 reads the reply's files, not the applicant's (refused before decrypting).
      const canHandle = viewerOf(ctx.state.user, ctx.state.userAbility).canHandle;
      const file = await getService(strapi, 'request-attachments').read(
        trackingNumber,
        Number(ctx.params.id),
        ({ kind }: { kind: string }) => {
          if (kind === 'application' && !canHandle) {
            throw new errors.PolicyError(
              "Only the disclosure office opens the applicant's files (plugin::disclosure.requests.handle)."
            );
          }
        }
      );
      const row = await service().find(trackingNumber);
      await service().record(row, 'view_personal_data', actorFromUser(ctx.state.user), {
        reason: `附件 ${ctx.params.id}`,
      });
      ctx.set('Content-Type', file.mime);
      ctx.set(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
      );
      ctx.body = file.content;
    },
    async templates() {
      return { data: await templates().list() };
    },
    async saveTemplate(ctx: Context) {
      return { data: await templates().save(ctx.params.outcome, ctx.request.body) };
    },
    async calendar() {
      return { data: await getService(strapi, 'calendar').list() };
    },
    /** Sets one date as worked or not, then moves the due date of every open request. */
    async setCalendarDay(ctx: Context) {
      const override = await getService(strapi, 'calendar').setOverride(
        ctx.params.date,
        ctx.request.body
      );
      return { data: { override, moved: await getService(strapi, 'requests').recomputeOpen() } };
    },
  };
};
