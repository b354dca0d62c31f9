import type { Core } from '@strapi/strapi';
import { feeByCount, feeByPages, type FeeAssessment } from '../../../../shared/requests/fees';
import { WITHDRAWN_OUTCOME } from '../../../../shared/requests/outcomes';
import { actorFromUser, currentActor, type Actor } from '../../kernel/services/actor';
import type { AdminUser } from '../../kernel/services/actor';
import { describeEvent } from '../domain/handling';
import type { RequestRow } from '../domain/request';
import type { FeeNoticeRoute, RequestEvent } from '../domain/request-deadline';
import { requestMail } from '../mail';
import { invalid, type EventInput, type FeeCharge } from '../validation';
import { getService } from '../../get-service';

type FeeNoticeInput = Extract<EventInput, { type: 'fee_notice' }>;

/**
 * The office's handling steps on a request (受理, 指定承办处室, 补正, 征求意见, 收费, 延期, 撤回), each
 * the same way: the transition table checks it under the request's lock (requests.step), the
 * step is written in the request's transaction, and the applicant is told after it commits.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => getService(strapi, 'requests');

  /**
   * How a fee notice reaches the applicant, which decides when the 20 working days to pay start
   * (国办函〔2020〕109号: from receipt): `via: 'email'` — received the day sent (the server
   * e-mails it); `via: 'post'` — on the delivery date, given as `deliveredOn` or recorded later
   * (`fee_notice_delivered`). Without `via`: e-mail when the applicant gave an address, else post.
   */
  const feeNoticeRoute = (
    row: RequestRow,
    input: FeeNoticeInput
  ): { via: FeeNoticeRoute; deliveredOn?: string } => {
    const via = input.via ?? (row.email ? 'email' : 'post');
    if (via === 'email' && !row.email) {
      throw invalid(
        'The applicant gave no e-mail address: send the fee notice by post ("via": "post") and record the day it was delivered.',
        'via'
      );
    }
    if (input.deliveredOn === undefined) return { via };
    if (via !== 'post') {
      throw invalid(
        '"deliveredOn" is the delivery date (YYYY-MM-DD) of a fee notice sent by post.',
        'deliveredOn'
      );
    }
    return { via, deliveredOn: input.deliveredOn };
  };

  /**
   * The information processing fee a fee notice asks for: by count (from the request's place
   * among the applicant's applications of its calendar month) or by pages. A notice that would
   * charge nothing is refused.
   */
  const assessFee = async (row: RequestRow, charge: FeeCharge): Promise<FeeAssessment> => {
    const fee =
      charge.basis === 'count'
        ? feeByCount(await requests().monthlyRank(row))
        : feeByPages(charge.pages);
    if (fee.amount === 0) throw invalid(`No fee is due: ${fee.text}`, 'basis');
    return fee;
  };

  /** The event as the request keeps it: a fee notice with its fee, an extension with its approver. */
  const eventOf = async (
    row: RequestRow,
    input: EventInput,
    actor: Actor
  ): Promise<RequestEvent> => {
    switch (input.type) {
      case 'correction_requested':
        return {
          type: input.type,
          date: input.date,
          ...(input.dueBy ? { dueBy: input.dueBy } : {}),
        };
      case 'consultation_started':
        return { type: input.type, date: input.date, party: input.party };
      case 'fee_notice': {
        const route = feeNoticeRoute(row, input);
        return {
          type: input.type,
          date: input.date,
          ...route,
          fee: await assessFee(row, input.charge),
        };
      }
      case 'extended': {
        const { days, reason } = input;
        return {
          type: input.type,
          date: input.date,
          days,
          reason,
          approver: input.approver || actor.name,
        };
      }
      default:
        return { type: input.type, date: input.date };
    }
  };

  return {
    /** 受理: the office has checked the request is one it handles and complete enough to answer. */
    async accept(trackingNumber: string, user: AdminUser) {
      const actor = actorFromUser(user);
      await requests().step(trackingNumber, 'accept', actor, async (row, next) => {
        await requests().save(row, { state: next });
        await requests().record(row, 'accepted', actor, { toState: next });
      });
    },

    /** Gives the request to a division (处室) to handle, by the department's code. */
    async assign(trackingNumber: string, { division }: { division: string }, user: AdminUser) {
      const department = await getService(strapi, 'staff').divisionByCode(division);
      if (!department) {
        throw invalid('"division" must be the code of a division (处室).', 'division');
      }
      const actor = actorFromUser(user);
      await requests().step(trackingNumber, 'assign', actor, async (row) => {
        await requests().save(row, { division });
        await requests().record(row, 'assigned', actor, {
          reason: `${department.name}（${division}）`,
        });
      });
    },

    /**
     * Adds a handling event (补正, consultation, fee, extension) and recomputes the deadline; a
     * rule of the 条例 the event would break → 400 with its sentence. The applicant is told of a
     * correction request, an extension or a fee by e-mail when they gave an address.
     */
    async addEvent(trackingNumber: string, input: EventInput, user: AdminUser) {
      const actor = actorFromUser(user);
      const { row, event, deadline } = await requests().step(
        trackingNumber,
        input.type,
        actor,
        async (row, next) => {
          const event = await eventOf(row, input, actor);
          const events = [...(row.events ?? []), event];
          const deadline = await requests().deadlineOf(events);
          await requests().save(row, { events, deadline, dueDate: deadline.dueDate, state: next });
          await requests().record(row, 'event', actor, {
            toState: next,
            reason: describeEvent(event),
          });
          return { row: { ...row, state: next }, event, deadline };
        }
      );
      // After the commit: a failed mail is logged and missing from the timeline, so staff see to
      // notify the applicant on paper.
      const subject = await requestMail(strapi).applicantNotice(row, event, deadline);
      if (subject) {
        await requests().record(row, 'applicant_notified', currentActor(strapi), {
          reason: `电子邮件：${subject}`,
        });
      }
    },

    /** The applicant withdrew the request: counted under （六）3 其他. */
    async withdraw(
      trackingNumber: string,
      { date, reason }: { date: string; reason?: string },
      user: AdminUser
    ) {
      const actor = actorFromUser(user);
      await requests().step(trackingNumber, 'withdraw', actor, (row, next) =>
        requests().close(row, {
          state: next,
          outcome: WITHDRAWN_OUTCOME,
          date,
          reason: reason?.trim() ? reason : '申请人撤回申请',
          action: 'withdrawn',
          actor,
        })
      );
    },
  };
};
