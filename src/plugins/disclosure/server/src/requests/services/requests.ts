import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { nextOrRefuse } from '../../kernel/refusal';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import type { WorkingDayCalendar } from '../../kernel/domain/calendar';
import {
  DeadlineRuleError,
  computeDeadline,
  type Deadline,
  type RequestEvent,
} from '../domain/request-deadline';
import { CLOSED_STATES, isClosed } from '../../../../shared/requests/states';
import { isLegacyQueryCodeHash, rekeyLegacyQueryCodeHash } from '../../kernel/domain/personal-data';
import type { Actor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { factsOf, type RequestRow } from '../domain/request';
import { decide, type Action, type RequestState } from '../domain/transitions';
import { invalid } from '../validation';
import type { CaseStepDetails } from '../../kernel/services/audit';
import { getService } from '../../get-service';

/** A due date the current calendar moved: the request, its due date before and after. */
export interface MovedDueDate {
  trackingNumber: string;
  from: string | null;
  to: string | null;
}

/**
 * The records of disclosure requests (依申请公开), shared by every verb: the personal-data key,
 * one request by its tracking number, the step each verb takes (the request's lock, the
 * transition table, the audit trail), the deadline on the current calendar. The verbs are in
 * request-intake, request-handling and request-replies; what staff see, in request-views.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.disclosureRequest);
  const currentCalendar = (): Promise<WorkingDayCalendar> =>
    getService(strapi, 'calendar').current();

  return {
    /**
     * The personal-data key (the kernel's), or an error naming the missing setting; 503 while it
     * is not the key of the stored data.
     */
    key(): Buffer {
      return getService(strapi, 'personal-data').key(
        'Requests cannot be accepted: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
      );
    },

    /**
     * Runs one step of a request alone: a lock per request (in-process queue plus a PostgreSQL
     * advisory lock) and a transaction, so two clicks or two app nodes cannot both close it.
     */
    locked<T>(trackingNumber: string, fn: () => Promise<T>): Promise<T> {
      return serialize(strapi, `disclosure-request:${trackingNumber}`, fn);
    },

    /** The request, or 404. */
    async find(trackingNumber: string): Promise<RequestRow> {
      const row: RequestRow | null = await rows().findOne({ where: { trackingNumber } });
      if (!row) throw new errors.NotFoundError(`No request ${trackingNumber}.`);
      return row;
    },

    /**
     * One step of a request, as every verb takes it: under the request's lock and in its
     * transaction, the request re-read and the transition table asked — a refusal is a 400 with
     * its sentence (403 for the four-eyes rule) — then `apply` writes the step, given the state
     * the table leads to. Mail and other side effects come after it returns, once committed.
     */
    step<T>(
      trackingNumber: string,
      action: Action,
      actor: Actor,
      apply: (row: RequestRow, next: RequestState) => Promise<T>
    ): Promise<T> {
      return this.locked(trackingNumber, async () => {
        const row = await this.find(trackingNumber);
        return apply(row, nextOrRefuse(decide(factsOf(row), action, actor.id)));
      });
    },

    /** Writes fields of a request (inside its step). */
    async save(row: Pick<RequestRow, 'id'>, data: Partial<RequestRow>): Promise<void> {
      await rows().update({ where: { id: row.id }, data });
    },

    /**
     * Closes the request (inside its step) with exactly one outcome of table 三 on `date`, from
     * its receipt to today — answered once its reply is delivered, withdrawn under （六）3 — and
     * writes the step to the audit trail.
     */
    async close(
      row: RequestRow,
      closing: {
        state: RequestState;
        outcome: string;
        date: string;
        reason: string | null;
        action: string;
        actor: Actor;
        data?: Partial<RequestRow>;
      }
    ): Promise<void> {
      const { state, outcome, date, action, actor } = closing;
      const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
      if (date < receivedOn || date > beijingDate(new Date())) {
        throw invalid('"date" must be a date from the receipt to today.', 'date');
      }
      const outcomeReason = closing.reason?.slice(0, 2000) ?? null;
      await this.save(row, { ...closing.data, state, outcome, answeredOn: date, outcomeReason });
      await this.record(row, action, actor, { toState: state, reason: outcomeReason });
    },

    /** Writes one step of a request to the audit trail (the request's tracking number is its id). */
    async record(
      row: Pick<RequestRow, 'trackingNumber' | 'state'>,
      action: string,
      actor: Actor,
      extra: CaseStepDetails = {}
    ) {
      await getService(strapi, 'audit').caseStep(
        { contentType: UID.disclosureRequest, id: row.trackingNumber, state: row.state },
        action,
        actor,
        extra
      );
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

    /**
     * The request's place among the same applicant's applications (same identity document) received
     * in its calendar month, in order of receipt and registration; 1 for the first.
     */
    async monthlyRank(row: RequestRow): Promise<number> {
      const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
      const [year, month] = receivedOn.split('-').map(Number);
      const next =
        month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      const sameMonth: Array<{ id: number; receivedOn: string }> = await rows().findMany({
        where: {
          identityDigest: row.identityDigest,
          receivedOn: { $gte: `${receivedOn.slice(0, 7)}-01`, $lt: next },
        },
        select: ['id', 'receivedOn'],
      });
      return sameMonth.filter((other) => {
        const date = toDateOnly(other.receivedOn) ?? other.receivedOn;
        return date < receivedOn || (date === receivedOn && other.id <= row.id);
      }).length;
    },

    /**
     * Recomputes the deadline of every open request on the current calendar — after a calendar
     * override, and daily (a new chinese-days year, rules changed since a deadline was stored) —
     * each under its request's lock, re-read, so a step recorded meanwhile is not overwritten.
     * Returns the requests whose due date moved.
     */
    async recomputeOpen(): Promise<MovedDueDate[]> {
      const open: Array<Pick<RequestRow, 'trackingNumber'>> = await rows().findMany({
        where: { state: { $notIn: CLOSED_STATES } },
        select: ['trackingNumber'],
        orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
      });
      const calendar = await currentCalendar();
      const moved: MovedDueDate[] = [];
      for (const { trackingNumber } of open) {
        const change = await this.locked(trackingNumber, () =>
          this.recompute(trackingNumber, calendar)
        );
        if (change) moved.push(change);
      }
      return moved;
    },

    /** One open request's deadline on `calendar` (under its lock); its move, or null. */
    async recompute(
      trackingNumber: string,
      calendar: WorkingDayCalendar
    ): Promise<MovedDueDate | null> {
      const row = await this.find(trackingNumber);
      if (isClosed(row.state)) return null;
      let deadline: Deadline;
      try {
        deadline = computeDeadline(row.events ?? [], calendar);
      } catch (error) {
        // History recorded before a rule existed (e.g. a late extension) keeps its deadline.
        if (!(error instanceof DeadlineRuleError)) throw error;
        strapi.log.warn(
          `[${PLUGIN_ID}] ${trackingNumber}: deadline not recomputed (${error.message})`
        );
        return null;
      }
      const before = toDateOnly(row.dueDate);
      await this.save(row, { deadline, dueDate: deadline.dueDate });
      return before === deadline.dueDate
        ? null
        : { trackingNumber, from: before, to: deadline.dueDate };
    },

    /**
     * Rekeys every query code still stored as the earlier unsalted SHA-256 (bootstrap, once per
     * upgraded database); returns how many. The codes themselves are not needed.
     */
    async rekeyLegacyQueryCodes(): Promise<number> {
      const secret = this.key();
      // The plugin's own table, read whole once: the filter on the stored form is done here.
      const all: Array<Pick<RequestRow, 'id' | 'queryCodeHash'>> = await rows().findMany({
        select: ['id', 'queryCodeHash'],
      });
      const legacy = all.filter((row) => isLegacyQueryCodeHash(row.queryCodeHash));
      for (const row of legacy) {
        await rows().update({
          where: { id: row.id, queryCodeHash: row.queryCodeHash },
          data: { queryCodeHash: rekeyLegacyQueryCodeHash(secret, row.queryCodeHash) },
        });
      }
      return legacy.length;
    },
  };
};
