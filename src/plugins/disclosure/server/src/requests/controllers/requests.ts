import type { Core } from '@strapi/strapi';
import { rm } from 'fs/promises';
import { errors } from '@strapi/utils';
import { MailNotSent } from '../../kernel/services/mailer';
import type { AdminUser } from '../../kernel/services/actor';
import type { UploadedFile } from '../services/request-attachments';
import { viewerOf } from '../services/request-views';
import {
  attachmentIdOf,
  validateAssignment,
  validateCalendarOverride,
  validateClearance,
  validateDelivery,
  validateDraft,
  validateEvent,
  validateListQuery,
  validateNothing,
  validateOnlineIntake,
  validateProactive,
  validateReturn,
  validateStaffRegistration,
  validateStatusQuery,
  validateTemplate,
  validateWithdrawal,
} from '../validation';
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
 * Disclosure requests: the website's intake and status lookup (content API), and the office's
 * pages and steps (admin). Each action validates its input (validation.ts), calls one service
 * and answers; a handling step answers with the request's page as the acting user sees it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const intake = () => getService(strapi, 'request-intake');
  const views = () => getService(strapi, 'request-views');
  const handling = () => getService(strapi, 'request-handling');
  const replies = () => getService(strapi, 'request-replies');
  const viewer = (ctx: Context) => viewerOf(ctx.state.user, ctx.state.userAbility);
  /** After a step, the page's view of the request as the acting user sees it. */
  const detail = async (ctx: Context) => ({
    data: await views().show(ctx.params.trackingNumber, viewer(ctx)),
  });
  /** A handling step on one request: its body validated, the service does it, the page answers. */
  const step =
    <T>(
      validate: (body: unknown) => Promise<T>,
      run: (trackingNumber: string, input: T, user: AdminUser) => Promise<unknown>
    ) =>
    async (ctx: Context) => {
      const input = await validate(ctx.request.body ?? {});
      await run(ctx.params.trackingNumber, input, ctx.state.user);
      return detail(ctx);
    };

  return {
    /** POST /api/disclosure-requests → 201 { data: { trackingNumber, queryCode, receivedOn, dueDate } } */
    async create(ctx: Context) {
      const data = await withUploads(ctx, () => {
        const input = validateOnlineIntake({
          body: ctx.request.body,
          multipart: Boolean(ctx.request.is('multipart')),
          fileFields: Object.keys(ctx.request.files ?? {}),
        });
        return intake().submitOnline(input, filesOf(ctx, 'attachments'));
      });
      ctx.status = 201;
      return { data };
    },
    /** GET /api/disclosure-requests/status?trackingNumber=&queryCode= → the state, never personal data. */
    async status(ctx: Context) {
      const { trackingNumber, queryCode } = validateStatusQuery(ctx.query);
      return { data: await intake().status(trackingNumber, queryCode) };
    },

    // Admin (依申请公开 office): register, list, view, handle, reply, withdraw.
    async register(ctx: Context) {
      const {
        intake: input,
        channel,
        receivedOn,
      } = await validateStaffRegistration(ctx.request.body);
      const data = await intake().registerByStaff(input, channel, receivedOn);
      ctx.status = 201;
      return { data };
    },
    async list(ctx: Context) {
      const { results, pagination } = await views().list(validateListQuery(ctx.query));
      return { data: results, meta: { pagination } };
    },
    show: detail,
    addEvent: step(validateEvent, (tn, input, user) => handling().addEvent(tn, input, user)),
    accept: step(validateNothing, (tn, _input, user) => handling().accept(tn, user)),
    assign: step(validateAssignment, (tn, input, user) => handling().assign(tn, input, user)),
    withdraw: step(validateWithdrawal, (tn, input, user) => handling().withdraw(tn, input, user)),
    draftReply: step(validateDraft, (tn, input, user) => replies().draft(tn, input, user)),
    clearReply: step(validateClearance, (tn, input, user) => replies().clear(tn, input, user)),
    returnReply: step(validateReturn, (tn, input, user) => replies().returnReply(tn, input, user)),
    recordDelivery: step(validateDelivery, (tn, input, user) =>
      replies().recordDelivery(tn, input, user)
    ),
    /** The reply e-mailed: 502 MailNotSent when the mail server refuses it (nothing recorded). */
    async sendReply(ctx: Context) {
      await validateNothing(ctx.request.body ?? {});
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
    async makeProactive(ctx: Context) {
      const input = await validateProactive(ctx.request.body ?? {});
      return {
        data: await replies().makeProactive(ctx.params.trackingNumber, input, ctx.state.user),
      };
    },
    /** POST …/attachments (multipart, field `files`): files for the reply. */
    async addAttachments(ctx: Context) {
      const stored = await withUploads(ctx, () => {
        const files = filesOf(ctx, 'files');
        if (files.length === 0) {
          throw new errors.ValidationError('Send the files as multipart field "files".', {
            key: 'files',
          });
        }
        return replies().attach(ctx.params.trackingNumber, files);
      });
      ctx.status = 201;
      return { data: stored };
    },
    /** GET …/attachments/:id → the file; an applicant's file is personal data, so the view is audited. */
    async attachment(ctx: Context) {
      const { trackingNumber } = ctx.params;
      const id = attachmentIdOf(trackingNumber, ctx.params.id);
      const file = await views().openAttachment(trackingNumber, id, viewer(ctx));
      ctx.set('Content-Type', file.mime);
      ctx.set(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
      );
      ctx.body = file.content;
    },
    async templates() {
      return { data: await getService(strapi, 'reply-templates').list() };
    },
    async saveTemplate(ctx: Context) {
      const { outcome, template } = await validateTemplate(ctx.params.outcome, ctx.request.body);
      return { data: await getService(strapi, 'reply-templates').save(outcome, template) };
    },
    async calendar() {
      return { data: await getService(strapi, 'calendar').list() };
    },
    /** Sets one date as worked or not, then moves the due date of every open request. */
    async setCalendarDay(ctx: Context) {
      const input = await validateCalendarOverride(ctx.params.date, ctx.request.body ?? {});
      const override = await getService(strapi, 'calendar').setOverride(input);
      return { data: { override, moved: await getService(strapi, 'requests').recomputeOpen() } };
    },
  };
};
