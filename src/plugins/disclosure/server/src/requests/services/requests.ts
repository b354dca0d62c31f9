import { createHmac, randomBytes, randomInt } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS, PLUGIN_ID, UID } from '../../kernel/constants';
import { divisionType, type DisclosureConfig } from '../../kernel/config';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { WorkingDayCalendar, isDate } from '../../kernel/domain/calendar';
import {
  DeadlineRuleError,
  FEE_NOTICE_ROUTES,
  computeDeadline,
  uncoveredYearsOf,
  type Deadline,
  type FeeNoticeRoute,
  type RequestEvent,
} from '../domain/request-deadline';
import { allowedActions, describeEvent, urgencyOf } from '../domain/handling';
import { CLOSED_STATES, isClosed } from '../../../../shared/requests/states';
import { validateIntake, type Intake } from '../domain/intake';
import {
  FEE_BASES,
  feeByCount,
  feeByPages,
  MAX_FEE_PAGES,
  type FeeAssessment,
} from '../../../../shared/requests/fees';
import { noticeFor } from '../domain/notices';
import { OUTCOMES, WITHDRAWN_OUTCOME } from '../../../../shared/requests/outcomes';
import {
  decrypt,
  encrypt,
  isLegacyQueryCodeHash,
  mask,
  parseKey,
  queryCodeHash,
  queryCodeMatches,
  rekeyLegacyQueryCodeHash,
} from '../../kernel/domain/personal-data';
import type { ChainedAuditRecord } from '../../kernel/domain/audit-chain';
import { actorFromUser, currentActor, type Actor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import type { UploadedFile } from './request-attachments';
import type { AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import type {
  CreatedRequest,
  ProactiveDraft,
  Reply,
  RequestDetail,
  RequestRow as RequestListRow,
  RequestState,
  RequestStatus,
} from '../../../../shared/requests/contracts';

const CHANNELS = ['paper', 'in_person', 'post', 'fax', 'online'] as const;

/** The state a request is in after a handling event. */
const STATE_AFTER: Record<string, RequestState> = {
  correction_requested: 'correction_requested',
  corrected: 'corrected',
  consultation_started: 'consulting',
  consultation_ended: 'accepted',
  fee_notice: 'accepted',
  fee_notice_delivered: 'accepted',
  fee_paid: 'accepted',
  extended: 'extended',
};

/** What the audit trail's request actions say on the timeline. */
const AUDIT_TEXT: Record<string, string> = {
  registered: '登记申请',
  accepted: '受理申请',
  view_personal_data: '查看申请人信息',
  assigned: '指定承办处室',
  reply_drafted: '起草答复',
  reply_cleared: '答复通过保密审查',
  reply_returned: '答复被退回',
  reply_sent: '答复已通过电子邮件送达',
  reply_delivered: '答复已送达',
  withdrawn: '申请人撤回申请',
  closed_lapsed: '逾期未补正或未缴费，不再处理',
  made_proactive: '转为主动公开（条例第四十四条）',
  applicant_notified: '已告知申请人',
};

const PERSONAL_FIELDS = ['name', 'contactPerson', 'idNumber', 'phone', 'email', 'address'] as const;
const DUPLICATE_WINDOW_DAYS = 30;

/** A request as stored: the fields the API answers as they are, the personal data encrypted. */
export interface RequestRow extends Pick<
  RequestDetail,
  | 'trackingNumber'
  | 'state'
  | 'channel'
  | 'receivedOn'
  | 'dueDate'
  | 'title'
  | 'applicantType'
  | 'idType'
  | 'postcode'
  | 'docNumber'
  | 'description'
  | 'form'
  | 'delivery'
  | 'outcomeReason'
  | 'events'
  | 'deadline'
  | 'outcome'
  | 'answeredOn'
  | 'likelyDuplicateOf'
  | 'division'
> {
  id: number;
  queryCodeHash: string;
  reply: StoredReply | null;
  [field: string]: unknown;
}

/**
 * The reply letter as stored on the request (request-replies writes it): what the request page
 * shows, and the hash its clearance holds for (exactly what was drafted).
 */
export interface StoredReply extends Omit<Reply, 'proactiveItem'> {
  clearedHash: string | null;
  proactiveItem?: ProactiveDraft | null;
}

/** Whoever is looking at a request: handlers see personal data, confidentiality reviewers masked. */
export interface RequestViewer extends AdminUser {
  canHandle: boolean;
  canClear: boolean;
}

const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase();
/** A 400 naming the field, in the shape intake errors have. */
export const invalid = (message: string, key: string) =>
  new errors.ValidationError(message, { key, errors: [{ field: key, message }] });

/**
 * Disclosure requests (依申请公开): intake from the website, the applicant's status lookup, the
 * office's handling. The applicant's personal data is encrypted at rest and never leaves through
 * the public API; every handling step is written to the audit trail.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.disclosureRequest);
  const audit = () => getService(strapi, 'audit');
  const attachments = () => getService(strapi, 'request-attachments');
  const currentCalendar = (): Promise<WorkingDayCalendar> =>
    getService(strapi, 'calendar').current();

  const newTrackingNumber = async (receivedOn: string) => {
    for (;;) {
      const candidate = `YSQ${receivedOn.replace(/-/g, '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!(await rows().findOne({ where: { trackingNumber: candidate } }))) return candidate;
    }
  };

  const intakeOrError = (body: unknown): Intake => {
    const result = validateIntake(body);
    if ('errors' in result) {
      throw new errors.ValidationError(
        `The request is incomplete or invalid: ${result.errors.map((error) => error.message).join(' ')}`,
        { errors: result.errors }
      );
    }
    return result.intake;
  };

  return {
    /** The personal-data key, or a 400 naming the missing setting. */
    key(): Buffer {
      const parsed = parseKey(
        (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).personalDataKey
      );
      if (!parsed) {
        throw new errors.ApplicationError(
          'Requests cannot be accepted: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
        );
      }
      return parsed;
    },

    /**
     * Runs one step of a request alone: a lock per request (in-process queue plus a PostgreSQL
     * advisory lock) and a transaction, so two clicks or two app nodes cannot both close it.
     */
    locked<T>(trackingNumber: string, fn: () => Promise<T>): Promise<T> {
      return serialize(strapi, `disclosure-request:${trackingNumber}`, fn);
    },

    async find(trackingNumber: string): Promise<RequestRow> {
      const row = (await rows().findOne({ where: { trackingNumber } })) as RequestRow | null;
      if (!row) throw new errors.NotFoundError(`No request ${trackingNumber}.`);
      return row;
    },

    /** Writes one step of a request to the audit trail (the request's tracking number is its id). */
    async record(
      row: { trackingNumber: string; state: string },
      action: string,
      actor: Actor,
      extra: { toState?: string; reason?: string | null; contentHash?: string | null } = {}
    ) {
      await audit().append({
        contentType: UID.disclosureRequest,
        documentId: row.trackingNumber,
        locale: '-',
        action,
        fromState: row.state,
        toState: extra.toState ?? row.state,
        actorId: actor.id,
        actorName: actor.name,
        actorRoles: actor.roles,
        reason: extra.reason ?? null,
        category: null,
        contentHash: extra.contentHash ?? null,
      });
    },

    /**
     * Registers a request submitted online (received today, Beijing time), with its attachments:
     * 201 data with the tracking number and the query code, shown once. 400 naming every field or
     * file in error, and then nothing is kept.
     */
    async submitOnline(body: unknown, files: UploadedFile[] = [], now = new Date()) {
      const intake = intakeOrError(body);
      const prepared = await attachments().prepare('application', files);
      return this.register(intake, 'online', beijingDate(now), prepared);
    },

    /** Stores a request with its deadline; flags a likely duplicate (same person, same information, recent). */
    async register(
      intake: Intake,
      channel: string,
      receivedOn: string,
      files: Array<{ fileName: string; mime: string; content: Buffer }> = []
    ): Promise<CreatedRequest> {
      const secret = this.key();
      const identityDigest = createHmac('sha256', secret)
        .update(`${intake.idType}:${intake.idNumber.toUpperCase()}`)
        .digest('hex');
      const since = new Date(
        Date.parse(`${receivedOn}T00:00:00Z`) - DUPLICATE_WINDOW_DAYS * 86400000
      )
        .toISOString()
        .slice(0, 10);
      const earlier = (await rows().findMany({
        where: { identityDigest, receivedOn: { $gte: since } },
        select: ['trackingNumber', 'title'],
      })) as Array<{ trackingNumber: string; title: string }>;
      const duplicate = earlier.find((row) => normalise(row.title) === normalise(intake.title));

      const events: RequestEvent[] = [{ type: 'received', date: receivedOn }];
      const deadline = await this.deadlineOf(events);
      const queryCode = randomBytes(6).toString('base64url').slice(0, 8);
      const trackingNumber = await newTrackingNumber(receivedOn);
      const personal = Object.fromEntries(
        PERSONAL_FIELDS.map((field) => [
          field,
          intake[field] ? encrypt(secret, intake[field]!) : null,
        ])
      );
      await strapi.db.transaction(async () => {
        await rows().create({
          data: {
            ...intake,
            ...personal,
            trackingNumber,
            queryCodeHash: queryCodeHash(secret, queryCode),
            identityDigest,
            channel,
            receivedOn,
            state: 'registered',
            dueDate: deadline.dueDate,
            deadline,
            events,
            likelyDuplicateOf: duplicate?.trackingNumber ?? null,
          },
        });
        if (files.length) await attachments().store(trackingNumber, 'application', files);
        await this.record(
          { trackingNumber, state: 'registered' },
          'registered',
          currentActor(strapi),
          {
            reason: `${receivedOn} 收到申请（${CHANNEL_TEXT[channel] ?? channel}）`,
          }
        );
      });
      return {
        trackingNumber,
        queryCode,
        receivedOn,
        dueDate: deadline.dueDate,
        attachments: files.length,
      };
    },

    /**
     * The applicant's view, or 404 when the number and code do not match (the same for both). A
     * code still stored in the earlier unsalted form is rekeyed once it has matched.
     */
    async status(trackingNumber: string, queryCode: string): Promise<RequestStatus> {
      const secret = this.key();
      const row = (await rows().findOne({ where: { trackingNumber } })) as RequestRow | null;
      // The code is hashed for an unknown number too, so both 404s take the same work.
      const matches = queryCodeMatches(secret, queryCode, row?.queryCodeHash ?? '');
      if (!row || !matches) {
        throw new errors.NotFoundError('No request matches this tracking number and query code.');
      }
      if (isLegacyQueryCodeHash(row.queryCodeHash)) {
        await rows().update({
          where: { id: row.id },
          data: { queryCodeHash: queryCodeHash(secret, queryCode) },
        });
      }
      return {
        trackingNumber: row.trackingNumber,
        state: row.state,
        receivedOn: row.receivedOn,
        dueDate: row.dueDate,
        outcome: row.outcome,
        explanation: row.deadline?.steps ?? [],
      };
    },

    /**
     * Rekeys every query code still stored as the earlier unsalted SHA-256 (bootstrap, once per
     * upgraded database); returns how many. The codes themselves are not needed.
     */
    async rekeyLegacyQueryCodes(): Promise<number> {
      const secret = this.key();
      // The plugin's own table, read whole once: the filter on the stored form is done here.
      const all = (await rows().findMany({ select: ['id', 'queryCodeHash'] })) as Array<
        Pick<RequestRow, 'id' | 'queryCodeHash'>
      >;
      const legacy = all.filter((row) => isLegacyQueryCodeHash(row.queryCodeHash));
      for (const row of legacy) {
        await rows().update({
          where: { id: row.id, queryCodeHash: row.queryCodeHash },
          data: { queryCodeHash: rekeyLegacyQueryCodeHash(secret, row.queryCodeHash) },
        });
      }
      return legacy.length;
    },

    /** A request received on paper, in person, by post or fax, with its actual receipt date. */
    async registerByStaff(body: unknown) {
      const { channel, receivedOn, ...rest } = (body ?? {}) as Record<string, unknown>;
      if (!(CHANNELS as readonly unknown[]).includes(channel) || channel === 'online') {
        throw invalid(
          `"channel" must be one of ${CHANNELS.filter((c) => c !== 'online').join(', ')}.`,
          'channel'
        );
      }
      if (!isDate(receivedOn) || receivedOn > beijingDate(new Date())) {
        throw invalid('"receivedOn" must be a past date (YYYY-MM-DD).', 'receivedOn');
      }
      return this.register(intakeOrError(rest), channel as string, receivedOn);
    },

    /** Requests for the office, newest first, personal data masked, due dates with their urgency. */
    async list({
      page = 1,
      pageSize = 25,
      state = 'all',
    }: { page?: number; pageSize?: number; state?: 'open' | 'closed' | 'all' } = {}): Promise<{
      results: RequestListRow[];
      pagination: { page: number; pageSize: number; total: number };
    }> {
      const secret = this.key();
      const where =
        state === 'open'
          ? { state: { $notIn: CLOSED_STATES } }
          : state === 'closed'
            ? { state: { $in: CLOSED_STATES } }
            : {};
      const [results, total, calendar] = await Promise.all([
        rows().findMany({
          where,
          orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }) as Promise<RequestRow[]>,
        rows().count({ where }),
        currentCalendar(),
      ]);
      const today = beijingDate(new Date());
      return {
        results: results.map((row) => ({
          ...listFields(row, today, calendar),
          name: row.name ? mask(decrypt(secret, String(row.name))) : null,
          phone: row.phone ? mask(decrypt(secret, String(row.phone))) : null,
        })),
        pagination: { page, pageSize, total },
      };
    },

    /**
     * One request with its deadline, timeline, attachments, reply and the actions the viewer may
     * take. Handlers see the applicant's personal data in full, and the view is written to the
     * audit trail; a confidentiality reviewer sees it masked.
     */
    async show(trackingNumber: string, viewer: RequestViewer): Promise<RequestDetail> {
      const row = await this.find(trackingNumber);
      const secret = this.key();
      const personal = Object.fromEntries(
        PERSONAL_FIELDS.map((field) => {
          const plain = row[field] ? decrypt(secret, String(row[field])) : null;
          return [field, plain && !viewer.canHandle ? mask(plain) : plain];
        })
      ) as Record<(typeof PERSONAL_FIELDS)[number], string | null>;
      if (viewer.canHandle) {
        await this.record(row, 'view_personal_data', actorFromUser(viewer));
      }
      const [calendar, files, history, rank] = await Promise.all([
        currentCalendar(),
        attachments().list(trackingNumber),
        audit().history(UID.disclosureRequest, trackingNumber) as Promise<ChainedAuditRecord[]>,
        this.monthlyRank(row),
      ]);
      const reply = row.reply;
      return {
        ...listFields(row, beijingDate(new Date()), calendar),
        ...personal,
        idType: row.idType,
        postcode: row.postcode,
        docNumber: row.docNumber,
        description: row.description,
        form: row.form,
        delivery: row.delivery,
        outcomeReason: row.outcomeReason,
        events: row.events,
        deadline: row.deadline,
        // For a fee notice: the applicant's n-th application this month and what 按件计收 would charge.
        monthlyRank: rank,
        feeByCount: feeByCount(rank).amount,
        attachments: files,
        reply: reply && {
          outcome: reply.outcome,
          outcomeLabel: reply.outcomeLabel,
          article: reply.article,
          subject: reply.subject,
          body: reply.body,
          reason: reply.reason,
          attachmentIds: reply.attachmentIds,
          state: reply.state,
          // What a reviewer clears or returns: the server refuses if the reply changed since.
          hash: reply.hash,
          draftedBy: reply.draftedBy,
          draftedAt: reply.draftedAt,
          clearedBy: reply.clearedBy,
          clearedAt: reply.clearedAt,
          returnedReason: reply.returnedReason,
          deliveredOn: reply.deliveredOn,
          deliveryMethod: reply.deliveryMethod,
          proactiveItem: reply.proactiveItem ?? null,
        },
        // Oldest first: who did what and when; handling events carry their legal date in the text.
        timeline: history
          .filter((entry) => entry.action !== 'view_personal_data')
          .map((entry) => ({
            at: entry.at,
            action: entry.action,
            actorName: entry.actorName,
            text: [AUDIT_TEXT[entry.action], entry.reason].filter(Boolean).join('：'),
          })),
        allowedActions: allowedActions(
          {
            state: row.state,
            outcome: row.outcome,
            events: row.events ?? [],
            clockStatus: row.deadline?.status,
            reply: reply && { state: reply.state, draftedBy: reply.draftedBy },
            proactiveItem: reply?.proactiveItem,
          },
          { canHandle: viewer.canHandle, canClear: viewer.canClear, userId: Number(viewer.id) }
        ),
      };
    },

    /**
     * Adds a handling event (补正, consultation, fee, extension) and recomputes the deadline; a
     * rule of the 条例 the event would break → 400 with its sentence.
     */
    async addEvent(trackingNumber: string, event: RequestEvent, user?: AdminUser) {
      if (!(
        event &&
        typeof event === 'object' &&
        Object.prototype.hasOwnProperty.call(STATE_AFTER, event.type)
      )) {
        throw invalid(`"type" must be one of ${Object.keys(STATE_AFTER).join(', ')}.`, 'type');
      }
      if (event.type === 'extended' && user && !event.approver) {
        event.approver = actorFromUser(user).name;
      }
      const state = STATE_AFTER[event.type];
      const { row, deadline, stored } = await this.locked(trackingNumber, async () => {
        const row = await this.find(trackingNumber);
        if (isClosed(row.state)) {
          throw new errors.ValidationError(
            `Request ${trackingNumber} is ${row.state}: it takes no more steps.`
          );
        }
        const stored: RequestEvent =
          event.type === 'fee_notice'
            ? {
                type: event.type,
                date: event.date,
                ...this.feeNoticeRoute(row, event),
                fee: await this.assessFee(row, event),
              }
            : event;
        const events = [...(row.events ?? []), stored];
        const deadline = await this.deadlineOf(events);
        await rows().update({
          where: { id: row.id },
          data: { events, deadline, dueDate: deadline.dueDate, state },
        });
        await this.record(row, 'event', user ? actorFromUser(user) : currentActor(strapi), {
          toState: state,
          reason: describeEvent(stored),
        });
        return { row, deadline, stored };
      });
      await this.notifyApplicant({ ...row, state }, stored, deadline);
    },

    /**
     * How a fee notice reaches the applicant, which decides when the 20 working days to pay start
     * (国办函〔2020〕109号: from receipt): `via: 'email'` — received the day sent (the server
     * e-mails it); `via: 'post'` — on the delivery date, given as `deliveredOn` or recorded later
     * (`fee_notice_delivered`). Without `via`: e-mail when the applicant gave an address, else post.
     */
    feeNoticeRoute(row: RequestRow, input: unknown): { via: FeeNoticeRoute; deliveredOn?: string } {
      const { via, deliveredOn } = (input ?? {}) as { via?: unknown; deliveredOn?: unknown };
      if (via !== undefined && !FEE_NOTICE_ROUTES.includes(via as FeeNoticeRoute)) {
        throw invalid(`"via" must be one of ${FEE_NOTICE_ROUTES.join(', ')}.`, 'via');
      }
      const route = (via as FeeNoticeRoute | undefined) ?? (row.email ? 'email' : 'post');
      if (route === 'email' && !row.email) {
        throw invalid(
          'The applicant gave no e-mail address: send the fee notice by post ("via": "post") and record the day it was delivered.',
          'via'
        );
      }
      if (deliveredOn === undefined) return { via: route };
      if (route !== 'post' || !isDate(deliveredOn)) {
        throw invalid(
          '"deliveredOn" is the delivery date (YYYY-MM-DD) of a fee notice sent by post.',
          'deliveredOn'
        );
      }
      return { via: route, deliveredOn };
    },

    /**
     * The information processing fee a fee notice asks for: by count (`basis: 'count'`, from the
     * request's place among the applicant's applications of its calendar month) or by volume
     * (`basis: 'pages'`, `pages`). A notice that would charge nothing is refused.
     */
    async assessFee(row: RequestRow, input: unknown): Promise<FeeAssessment> {
      const { basis, pages } = (input ?? {}) as { basis?: unknown; pages?: unknown };
      if (!FEE_BASES.includes(basis as never)) {
        throw invalid(
          `"basis" must be one of ${FEE_BASES.join(', ')} (按件 or 按量计收).`,
          'basis'
        );
      }
      if (
        basis === 'pages' &&
        !(Number.isInteger(pages) && (pages as number) > 0 && (pages as number) <= MAX_FEE_PAGES)
      ) {
        throw invalid(
          `"pages" must be the number of pages supplied, a whole number from 1 to ${MAX_FEE_PAGES}.`,
          'pages'
        );
      }
      const fee =
        basis === 'count' ? feeByCount(await this.monthlyRank(row)) : feeByPages(pages as number);
      if (fee.amount === 0) throw invalid(`No fee is due: ${fee.text}`, 'basis');
      return fee;
    },

    /**
     * The request's place among the same applicant's applications (same identity document) received
     * in its calendar month, in order of receipt and registration; 1 for the first.
     */
    async monthlyRank(row: RequestRow): Promise<number> {
      const receivedOn = toDateOnly(row.receivedOn)!;
      const [year, month] = receivedOn.split('-').map(Number);
      const next =
        month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      const sameMonth = (await rows().findMany({
        where: {
          identityDigest: row.identityDigest,
          receivedOn: { $gte: `${receivedOn.slice(0, 7)}-01`, $lt: next },
        },
        select: ['id', 'receivedOn'],
      })) as Array<{ id: number; receivedOn: string }>;
      return sameMonth.filter((other) => {
        const date = toDateOnly(other.receivedOn)!;
        return date < receivedOn || (date === receivedOn && other.id <= row.id);
      }).length;
    },

    /**
     * E-mails the applicant the correction request or the extension, when they gave an address;
     * the timeline shows it was sent. A failed mail is logged and missing from the timeline, so
     * staff see to notify them on paper.
     */
    async notifyApplicant(row: RequestRow, event: RequestEvent, deadline: Deadline) {
      const secret = this.key();
      const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
      const notice = noticeFor(event, {
        trackingNumber: row.trackingNumber,
        applicantName: row.name ? decrypt(secret, String(row.name)) : '',
        title: row.title,
        bureau: config.publisherName,
        dueDate: deadline.dueDate,
        feeDueDate: deadline.feeDueDate,
        feePayment: config.feePayment,
      });
      const to = row.email ? decrypt(secret, String(row.email)) : null;
      if (!notice || !to) return;
      try {
        await strapi
          .plugin('email')
          .service('email')
          .send({ to, ...notice });
        await this.record(row, 'applicant_notified', currentActor(strapi), {
          reason: `电子邮件：${notice.subject}`,
        });
      } catch (error) {
        strapi.log.error(
          `[${PLUGIN_ID}] ${notice.subject} not e-mailed: ${(error as Error).message}`
        );
      }
    },

    /** 受理: the office has checked the request is one it handles and complete enough to answer. */
    async accept(trackingNumber: string, user: AdminUser) {
      await this.locked(trackingNumber, async () => {
        const row = await this.find(trackingNumber);
        if (row.state !== 'registered') {
          throw new errors.ValidationError(
            `Only a registered request can be accepted; ${trackingNumber} is ${row.state}.`
          );
        }
        await rows().update({ where: { id: row.id }, data: { state: 'accepted' } });
        await this.record(row, 'accepted', actorFromUser(user), { toState: 'accepted' });
      });
    },

    /** Gives the request to a division (处室) to handle, by the department's code. */
    async assign(trackingNumber: string, body: unknown, user: AdminUser) {
      const { division } = (body ?? {}) as { division?: unknown };
      const divisions = divisionType(strapi);
      const department =
        typeof division === 'string' &&
        divisions &&
        ((await strapi
          .documents(divisions)
          .findFirst({ filters: { code: division }, status: 'draft' })) as {
          name: string;
        } | null);
      if (!department) {
        throw invalid(`"division" must be the code of a division (处室).`, 'division');
      }
      await this.locked(trackingNumber, async () => {
        const row = await this.find(trackingNumber);
        await rows().update({ where: { id: row.id }, data: { division } });
        await this.record(row, 'assigned', actorFromUser(user), {
          reason: `${department.name}（${division}）`,
        });
      });
    },

    /**
     * Closes the request with exactly one outcome of table 三 — as answered once its reply is
     * delivered (request-replies), as withdrawn under （六）3 — and writes the step. Run it under
     * the request's lock (`locked`).
     */
    async close(
      trackingNumber: string,
      {
        outcome,
        date,
        reason,
        state,
        action,
        actor,
        data = {},
      }: {
        outcome: unknown;
        date: unknown;
        reason?: unknown;
        state: 'answered' | 'withdrawn' | 'closed';
        action: string;
        actor: Actor;
        data?: Record<string, unknown>;
      }
    ) {
      if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) {
        throw invalid(`"outcome" must be one of ${OUTCOMES.join(', ')}.`, 'outcome');
      }
      const outcomeReason = typeof reason === 'string' ? reason.slice(0, 2000) : null;
      // Callers hold the request's lock, a transaction (withdraw, a reply's delivery).
      const row = await this.find(trackingNumber);
      if (isClosed(row.state)) {
        throw new errors.ValidationError(`Request ${trackingNumber} is already ${row.state}.`);
      }
      if (!isDate(date) || date < toDateOnly(row.receivedOn)! || date > beijingDate(new Date())) {
        throw invalid('"date" must be a date from the receipt to today.', 'date');
      }
      await rows().update({
        where: { id: row.id },
        data: { ...data, state, outcome, answeredOn: date, outcomeReason },
      });
      await this.record(row, action, actor, { toState: state, reason: outcomeReason });
    },

    /** The applicant withdrew the request: counted under （六）3 其他. */
    async withdraw(trackingNumber: string, body: unknown, user: AdminUser) {
      const { date, reason } = (body ?? {}) as { date?: unknown; reason?: unknown };
      return this.locked(trackingNumber, () =>
        this.close(trackingNumber, {
          outcome: WITHDRAWN_OUTCOME,
          date,
          reason: typeof reason === 'string' && reason.trim() ? reason : '申请人撤回申请',
          state: 'withdrawn',
          action: 'withdrawn',
          actor: actorFromUser(user),
        })
      );
    },

    /**
     * Recomputes the deadline of every open request on the current calendar — after a calendar
     * override, and daily (a new chinese-days year, rules changed since a deadline was stored) —
     * each under its request's lock, re-read, so a step recorded meanwhile is not overwritten.
     * Returns the requests whose due date moved.
     */
    async recomputeOpen() {
      const open = (await rows().findMany({
        where: { state: { $notIn: CLOSED_STATES } },
        select: ['trackingNumber'],
        orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
      })) as Array<Pick<RequestRow, 'trackingNumber'>>;
      const moved: Array<{ trackingNumber: string; from: string | null; to: string | null }> = [];
      const calendar = await currentCalendar();
      for (const { trackingNumber } of open) {
        await this.locked(trackingNumber, async () => {
          const row = await this.find(trackingNumber);
          if (isClosed(row.state)) return;
          let deadline: Deadline;
          try {
            deadline = computeDeadline(row.events ?? [], calendar);
          } catch (error) {
            // History recorded before a rule existed (e.g. a late extension) keeps its deadline.
            if (!(error instanceof DeadlineRuleError)) throw error;
            strapi.log.warn(
              `[${PLUGIN_ID}] ${trackingNumber}: deadline not recomputed (${error.message})`
            );
            return;
          }
          const before = toDateOnly(row.dueDate);
          await rows().update({
            where: { id: row.id },
            data: { deadline, dueDate: deadline.dueDate },
          });
          if (before !== deadline.dueDate) {
            moved.push({ trackingNumber, from: before, to: deadline.dueDate });
          }
        });
      }
      return moved;
    },

    /** The deadline the events imply on the current calendar (loaded unless given); 400 on a broken rule. */
    async deadlineOf(events: RequestEvent[], calendar?: WorkingDayCalendar) {
      calendar ??= await currentCalendar();
      try {
        return computeDeadline(events, calendar);
      } catch (error) {
        if (error instanceof DeadlineRuleError) throw new errors.ValidationError(error.message);
        throw error;
      }
    },
  };
};

const CHANNEL_TEXT: Record<string, string> = {
  online: '网上申请',
  paper: '书面',
  in_person: '当面',
  post: '邮寄',
  fax: '传真',
};

/** Who may see what on a request page: from the viewer's RBAC abilities. */
export const viewerOf = (
  user: AdminUser,
  ability: { can(action: string): boolean }
): RequestViewer => ({
  ...user,
  canHandle: ability.can(ACTIONS.handleRequests),
  canClear: ability.can(ACTIONS.approveConfidentiality),
});

/** What staff lists show of a request besides masked personal data. */
const listFields = (
  row: RequestRow,
  today: string,
  calendar: WorkingDayCalendar
): Omit<RequestListRow, 'name' | 'phone'> => {
  const dueDate = toDateOnly(row.dueDate);
  return {
    trackingNumber: row.trackingNumber,
    channel: row.channel,
    applicantType: row.applicantType,
    title: row.title,
    state: row.state,
    receivedOn: toDateOnly(row.receivedOn),
    dueDate,
    outcome: row.outcome,
    answeredOn: toDateOnly(row.answeredOn),
    likelyDuplicateOf: row.likelyDuplicateOf,
    division: row.division ?? null,
    replyState: row.reply?.state ?? null,
    ...urgencyOf(
      row.state,
      dueDate,
      row.deadline?.status,
      today,
      calendar,
      row.deadline?.consultationDueDate
    ),
    // Years whose holidays the calendar does not know yet (their weekdays were counted as worked).
    uncoveredYears: isClosed(row.state)
      ? []
      : uncoveredYearsOf(toDateOnly(row.receivedOn)!, row.deadline, calendar),
  };
};
