import { createHash, createHmac, randomBytes, randomInt } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, UID } from '../constants';
import type { DisclosureConfig } from '../config';
import { beijingDate } from '../domain/beijing-time';
import { WorkingDayCalendar } from '../domain/deadlines/calendar';
import { computeDeadline, type RequestEvent } from '../domain/deadlines/request-deadline';
import { validateIntake, type Intake } from '../domain/requests/intake';

const CHANNELS = ['paper', 'in_person', 'post', 'fax', 'online'] as const;

/** The state a request is in after a handling event. */
const STATE_AFTER: Record<string, string> = {
  correction_requested: 'correction_requested',
  corrected: 'corrected',
  consultation_started: 'consulting',
  consultation_ended: 'accepted',
  fee_notice: 'accepted',
  fee_paid: 'accepted',
  extended: 'extended',
};
const CLOSED_STATES = ['answered', 'closed', 'withdrawn'];
import { OUTCOMES, WITHDRAWN_OUTCOME } from '../domain/requests/outcomes';
import { decrypt, encrypt, mask, parseKey } from '../domain/requests/personal-data';
import { DeadlineRuleError } from '../domain/deadlines/request-deadline';
import { isDate } from '../domain/deadlines/calendar';
import { toDateOnly } from '../statistics/sql';
import { actorFromUser } from './actor';
import type { AdminUser } from './reviews';

const PERSONAL_FIELDS = ['name', 'contactPerson', 'idNumber', 'phone', 'email', 'address'] as const;
const DUPLICATE_WINDOW_DAYS = 30;

/** What the applicant may see of their request: never personal data. */
export interface RequestStatus {
  trackingNumber: string;
  state: string;
  receivedOn: string;
  dueDate: string | null;
  outcome: string | null;
}

interface RequestRow {
  id: number;
  trackingNumber: string;
  queryCodeHash: string;
  state: string;
  channel: string;
  receivedOn: string;
  dueDate: string | null;
  title: string;
  applicantType: string;
  events: RequestEvent[];
  deadline: unknown;
  outcome: string | null;
  answeredOn: string | null;
  likelyDuplicateOf: string | null;
  [field: string]: unknown;
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Disclosure requests (依申请公开): intake from the website, the applicant's status lookup. The
 * applicant's personal data is encrypted at rest and never leaves through the public API.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => {
    const parsed = parseKey(
      (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).personalDataKey
    );
    if (!parsed) {
      throw new errors.ApplicationError(
        'Requests cannot be accepted: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
      );
    }
    return parsed;
  };
  const rows = () => strapi.db.query(UID.disclosureRequest);
  const currentCalendar = (): Promise<WorkingDayCalendar> =>
    strapi.plugin(PLUGIN_ID).service('calendar').current();
  const find = async (trackingNumber: string) => {
    const row = (await rows().findOne({ where: { trackingNumber } })) as RequestRow | null;
    if (!row) throw new errors.NotFoundError(`No request ${trackingNumber}.`);
    return row;
  };

  const newTrackingNumber = async (receivedOn: string) => {
    for (;;) {
      const candidate = `YSQ${receivedOn.replace(/-/g, '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!(await rows().findOne({ where: { trackingNumber: candidate } }))) return candidate;
    }
  };

  return {
    /**
     * Registers a request submitted online (received today, Beijing time): 201 data with the
     * tracking number and the query code, shown once. 400 naming every field in error.
     */
    async submitOnline(body: unknown, now = new Date()) {
      const result = validateIntake(body);
      if ('errors' in result) {
        throw new errors.ValidationError(
          `The request is incomplete or invalid: ${result.errors.map((error) => error.message).join(' ')}`,
          { errors: result.errors }
        );
      }
      return this.register(result.intake, 'online', beijingDate(now));
    },

    /** Stores a request with its deadline; flags a likely duplicate (same person, same information, recent). */
    async register(intake: Intake, channel: string, receivedOn: string) {
      const secret = key();
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
      await rows().create({
        data: {
          ...intake,
          ...personal,
          trackingNumber,
          queryCodeHash: hashCode(queryCode),
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
      return { trackingNumber, queryCode, receivedOn, dueDate: deadline.dueDate };
    },

    /** The applicant's view, or 404 when the number and code do not match (the same for both). */
    async status(trackingNumber: string, queryCode: string): Promise<RequestStatus> {
      const row = (await rows().findOne({ where: { trackingNumber } })) as RequestRow | null;
      if (!row || row.queryCodeHash !== hashCode(queryCode)) {
        throw new errors.NotFoundError('No request matches this tracking number and query code.');
      }
      return {
        trackingNumber: row.trackingNumber,
        state: row.state,
        receivedOn: row.receivedOn,
        dueDate: row.dueDate,
        outcome: row.outcome,
      };
    },

    /** A request received on paper, in person, by post or fax, with its actual receipt date. */
    async registerByStaff(body: unknown) {
      const { channel, receivedOn, ...rest } = (body ?? {}) as Record<string, unknown>;
      if (!(CHANNELS as readonly unknown[]).includes(channel) || channel === 'online') {
        throw new errors.ValidationError(
          `"channel" must be one of ${CHANNELS.filter((c) => c !== 'online').join(', ')}.`,
          { errors: [{ field: 'channel', message: 'Unknown channel.' }] }
        );
      }
      if (!isDate(receivedOn) || receivedOn > beijingDate(new Date())) {
        throw new errors.ValidationError('"receivedOn" must be a past date (YYYY-MM-DD).', {
          errors: [{ field: 'receivedOn', message: 'Invalid receipt date.' }],
        });
      }
      const result = validateIntake(rest);
      if ('errors' in result) {
        throw new errors.ValidationError(
          `The request is incomplete or invalid: ${result.errors.map((error) => error.message).join(' ')}`,
          { errors: result.errors }
        );
      }
      return this.register(result.intake, channel as string, receivedOn);
    },

    /** Requests for the office, newest first, personal data masked. */
    async list({ page = 1, pageSize = 25 }: { page?: number; pageSize?: number } = {}) {
      const secret = key();
      const [results, total] = await Promise.all([
        rows().findMany({
          orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }) as Promise<RequestRow[]>,
        rows().count(),
      ]);
      return {
        results: results.map((row) => ({
          ...publicFields(row),
          name: row.name ? mask(decrypt(secret, String(row.name))) : null,
          phone: row.phone ? mask(decrypt(secret, String(row.phone))) : null,
        })),
        pagination: { page, pageSize, total },
      };
    },

    /** One request with the applicant's personal data in full; the view is written to the audit trail. */
    async show(trackingNumber: string, user: AdminUser) {
      const row = await find(trackingNumber);
      const secret = key();
      const personal = Object.fromEntries(
        PERSONAL_FIELDS.map((field) => [
          field,
          row[field] ? decrypt(secret, String(row[field])) : null,
        ])
      );
      const actor = actorFromUser(user);
      await strapi.plugin(PLUGIN_ID).service('audit').append({
        contentType: UID.disclosureRequest,
        documentId: row.trackingNumber,
        locale: '-',
        action: 'view_personal_data',
        fromState: row.state,
        toState: row.state,
        actorId: actor.id,
        actorName: actor.name,
        actorRoles: actor.roles,
        reason: null,
        category: null,
        contentHash: null,
      });
      return {
        ...publicFields(row),
        ...personal,
        idType: row.idType,
        postcode: row.postcode,
        docNumber: row.docNumber,
        description: row.description,
        form: row.form,
        delivery: row.delivery,
        events: row.events,
        deadline: row.deadline,
      };
    },

    /**
     * Adds a handling event (补正, consultation, fee, extension) and recomputes the deadline; a
     * rule of the 条例 the event would break → 400 with its sentence.
     */
    async addEvent(trackingNumber: string, event: RequestEvent) {
      const row = await find(trackingNumber);
      if (CLOSED_STATES.includes(row.state)) {
        throw new errors.ValidationError(
          `Request ${trackingNumber} is ${row.state}: it takes no more steps.`
        );
      }
      if (!(event && typeof event === 'object' && event.type in STATE_AFTER)) {
        throw new errors.ValidationError(
          `"type" must be one of ${Object.keys(STATE_AFTER).join(', ')}.`,
          { key: 'type' }
        );
      }
      const events = [...(row.events ?? []), event];
      const deadline = await this.deadlineOf(events);
      await rows().update({
        where: { id: row.id },
        data: { events, deadline, dueDate: deadline.dueDate, state: STATE_AFTER[event.type] },
      });
      return this.summary(trackingNumber);
    },

    /** Answers the request with exactly one outcome of table 三 (or withdraws it: （六）3). */
    async close(
      trackingNumber: string,
      { outcome, date, reason }: { outcome?: unknown; date?: unknown; reason?: unknown },
      withdrawn = false
    ) {
      const row = await find(trackingNumber);
      if (CLOSED_STATES.includes(row.state)) {
        throw new errors.ValidationError(`Request ${trackingNumber} is already ${row.state}.`);
      }
      const chosen = withdrawn ? WITHDRAWN_OUTCOME : outcome;
      if (typeof chosen !== 'string' || !OUTCOMES.includes(chosen)) {
        throw new errors.ValidationError(`"outcome" must be one of ${OUTCOMES.join(', ')}.`, {
          key: 'outcome',
        });
      }
      if (!isDate(date) || date < row.receivedOn) {
        throw new errors.ValidationError('"date" must be a date on or after the receipt.', {
          key: 'date',
        });
      }
      await rows().update({
        where: { id: row.id },
        data: {
          state: withdrawn ? 'withdrawn' : 'answered',
          outcome: chosen,
          answeredOn: date,
          outcomeReason: typeof reason === 'string' ? reason.slice(0, 2000) : null,
        },
      });
      return this.summary(trackingNumber);
    },

    async summary(trackingNumber: string) {
      return publicFields(await find(trackingNumber));
    },

    /** Recomputes the deadline of every open request (after a calendar change); returns those that moved. */
    async recomputeOpen() {
      const open = (await rows().findMany({
        where: { state: { $notIn: CLOSED_STATES } },
      })) as RequestRow[];
      const moved: Array<{ trackingNumber: string; from: string | null; to: string | null }> = [];
      const calendar = await currentCalendar();
      for (const row of open) {
        const deadline = await this.deadlineOf(row.events ?? [], calendar);
        const before = toDateOnly(row.dueDate);
        await rows().update({
          where: { id: row.id },
          data: { deadline, dueDate: deadline.dueDate },
        });
        if (before !== deadline.dueDate) {
          moved.push({ trackingNumber: row.trackingNumber, from: before, to: deadline.dueDate });
        }
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

/** What staff lists show of a request besides masked personal data. */
const publicFields = (row: RequestRow) => ({
  trackingNumber: row.trackingNumber,
  channel: row.channel,
  applicantType: row.applicantType,
  title: row.title,
  state: row.state,
  receivedOn: row.receivedOn,
  dueDate: row.dueDate,
  outcome: row.outcome,
  answeredOn: row.answeredOn,
  likelyDuplicateOf: row.likelyDuplicateOf,
});
