import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { actorFromUser } from '../../kernel/services/actor';
import {
  CATEGORY_LABELS,
  KIND_LABELS,
  SATISFACTION_LABELS,
  type AnswerBody,
  type AssignInquiryBody,
  type DismissBody,
  type DraftInquiryReplyBody,
  type InquiryCategory,
  type InquiryChannel,
  type InquiryKind,
  type InquiryPublication,
  type PublicationBody,
  type SatisfactionBody,
  type SendInquiryReplyBody,
} from '../../../../shared/inquiries/contracts';
import { labelOf, type InquiryRow, type StoredReply } from '../domain/inquiry';
import { inquiryMail } from '../mail';
import { invalid } from '../validation';
import { checkReviewed, clearedReply, returnedReply } from '../../kernel/reply-clearance';
import type { InquiryViewer } from './inquiries';
import { replyHashOf } from './inquiry-intake';
import { getService } from '../../get-service';

/** What the app makes of a public Q&A: a draft item in its 监督投诉 column. */
export interface AnswerArticleInput {
  inquiryId: number;
  channel: InquiryChannel;
  kind: InquiryKind;
  kindLabel: string;
  category: InquiryCategory;
  categoryLabel: string;
  /** The public version, personal data removed by staff. */
  title: string;
  question: string;
  answer: string;
  receivedOn: string;
  repliedOn: string;
  /** The assigned division's code, or null. */
  division: string | null;
  publisherName: string;
}
export type AnswerArticleConverter = (
  input: AnswerArticleInput
) => Promise<{ contentType: string; documentId: string; locale: string }>;

const today = () => beijingDate(new Date());

/**
 * The steps of a public inquiry: assigned to a division by the coordinator (交办), a phone call
 * answered on the call-back, a written reply drafted, cleared or returned by a 保密审查员 other
 * than its drafter (against the hash of its exact text) and sent, the satisfaction the channel
 * reports, an invalid message dismissed with its reason, and the public Q&A — with the writer's
 * consent and personal data removed — made a draft item in 监督投诉 through the app's port, which
 * the normal review (发布审核、保密审查) then publishes. Each step is checked by the transition
 * table under the case's lock; mail goes after it commits.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const inquiries = () => getService(strapi, 'inquiries');
  const config = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
  let converter: AnswerArticleConverter | null = null;

  const replyOf = (row: InquiryRow): StoredReply => {
    if (!row.reply) throw new errors.ValidationError(`${labelOf(row)} has no reply.`);
    return row.reply;
  };

  /** A date of a step: given (not before `after`) or today. */
  const dateOf = (given: string | undefined, after: string | null, field: string, what: string) => {
    const date = given ?? today();
    if (after && date < after)
      throw invalid(`"${field}" must be on or after ${what} (${after}).`, field);
    return date;
  };

  /** Closes a case answered on `date`: the working days from receipt counted by the calendar. */
  const closing = async (row: InquiryRow, date: string) => {
    const calendar = await getService(strapi, 'calendar').current();
    const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
    return { repliedOn: date, workingDays: calendar.workingDaysBetween(receivedOn, date) };
  };

  return {
    /** The app's port: how a public Q&A becomes a draft item (registered at bootstrap). */
    registerAnswerArticle(convert: AnswerArticleConverter) {
      converter = convert;
    },

    /** Assigns (or reassigns) the case to a division (交办), optionally with another deadline. */
    async assign(id: number, input: AssignInquiryBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      const division = await inquiries().checkDivision(input.division, 'division');
      await inquiries().step(id, 'assign', viewer, ['coordinator'], async (row) => {
        const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
        const dueDate = input.dueDate ?? toDateOnly(row.dueDate) ?? row.dueDate;
        if (dueDate < receivedOn) {
          throw invalid('"dueDate" must be on or after the receipt date.', 'dueDate');
        }
        await inquiries().save(row, { division: division.code, assignedOn: today(), dueDate });
        await inquiries().record(row, 'assigned', actor, {
          reason: `${division.name}（${division.code}）；答复期限 ${dueDate}`,
        });
      });
    },

    /** A phone call answered on the call-back (答复): the case is closed (办结). */
    async answer(id: number, input: AnswerBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      await inquiries().step(
        id,
        'answer',
        viewer,
        ['handler', 'coordinator'],
        async (row, next) => {
          const date = dateOf(input.date, toDateOnly(row.receivedOn), 'date', 'the call');
          const hash = replyHashOf(input.text);
          const reply: StoredReply = {
            text: input.text,
            state: 'sent',
            hash,
            draftedBy: { id: actor.id, name: actor.name },
            draftedAt: new Date().toISOString(),
            clearedBy: null,
            clearedAt: null,
            clearedHash: null,
            returnedReason: null,
            sentOn: date,
          };
          await inquiries().save(row, { state: next, reply, ...(await closing(row, date)) });
          await inquiries().record(row, 'answered', actor, {
            toState: next,
            reason: `${date} 电话回复`,
            contentHash: hash,
          });
        }
      );
    },

    /** Drafts (or redrafts) the written reply; a cleared reply redrafted needs the review again. */
    async draftReply(id: number, input: DraftInquiryReplyBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      await inquiries().step(id, 'draft_reply', viewer, ['handler'], async (row) => {
        const reply: StoredReply = {
          text: input.text,
          state: 'draft',
          hash: replyHashOf(input.text),
          draftedBy: { id: actor.id, name: actor.name },
          draftedAt: new Date().toISOString(),
          clearedBy: null,
          clearedAt: null,
          clearedHash: null,
          returnedReason: null,
          sentOn: null,
        };
        await inquiries().save(row, { reply });
        await inquiries().record(row, 'reply_drafted', actor, { contentHash: reply.hash });
      });
      await inquiryMail(strapi).replyStep('drafted', await inquiries().find(id));
    },

    /** 保密审查 passed: by someone holding the right who did not draft it (four eyes). */
    async clearReply(id: number, { hash }: { hash: string }, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      await inquiries().step(id, 'clear_reply', viewer, ['reviewer'], async (row) => {
        const reply = replyOf(row);
        checkReviewed(reply, hash);
        await inquiries().save(row, { reply: clearedReply(reply, actor) });
        await inquiries().record(row, 'reply_cleared', actor, { contentHash: reply.hash });
      });
      await inquiryMail(strapi).replyStep('cleared', await inquiries().find(id));
    },

    /** Sends the draft back to its drafter with a reason. */
    async returnReply(
      id: number,
      { hash, reason }: { hash: string; reason: string },
      viewer: InquiryViewer
    ) {
      const actor = actorFromUser(viewer);
      await inquiries().step(id, 'return_reply', viewer, ['reviewer'], async (row) => {
        const reply = replyOf(row);
        checkReviewed(reply, hash);
        await inquiries().save(row, { reply: returnedReply(reply, reason) });
        await inquiries().record(row, 'reply_returned', actor, { reason });
      });
      await inquiryMail(strapi).replyStep('returned', await inquiries().find(id), reason);
    },

    /**
     * The cleared reply went out (to the status lookup, to 民心网, to the transferring hotline) on
     * `date`, today by default: the case is closed (办结). The text must be the one cleared.
     */
    async sendReply(id: number, input: SendInquiryReplyBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      await inquiries().step(id, 'send_reply', viewer, ['handler'], async (row, next) => {
        const reply = replyOf(row);
        if (replyHashOf(reply.text) !== reply.clearedHash) {
          throw new errors.ValidationError(
            `The reply to ${labelOf(row)} changed after it was cleared: it needs the confidentiality review again.`
          );
        }
        const date = dateOf(input.date, toDateOnly(row.receivedOn), 'date', 'the receipt');
        await inquiries().save(row, {
          state: next,
          reply: { ...reply, state: 'sent', sentOn: date },
          ...(await closing(row, date)),
        });
        await inquiries().record(row, 'reply_sent', actor, {
          toState: next,
          reason: `${date} 答复`,
          contentHash: reply.hash,
        });
      });
    },

    /** The satisfaction 民心网 or the hotline reports back (满意 / 基本满意 / 不满意). */
    async recordSatisfaction(id: number, input: SatisfactionBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      await inquiries().step(
        id,
        'record_satisfaction',
        viewer,
        ['handler', 'coordinator'],
        async (row) => {
          const date = dateOf(input.date, toDateOnly(row.repliedOn), 'date', 'the answer');
          await inquiries().save(row, { satisfaction: input.satisfaction, satisfactionOn: date });
          await inquiries().record(row, 'satisfaction_recorded', actor, {
            reason: `${SATISFACTION_LABELS[input.satisfaction]}（${date}）`,
          });
        }
      );
    },

    /** Not a valid message (spam, a duplicate, no content): dismissed with the reason. */
    async dismiss(id: number, input: DismissBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      await inquiries().step(id, 'dismiss', viewer, ['coordinator'], async (row, next) => {
        await inquiries().save(row, { state: next, dismissReason: input.reason });
        await inquiries().record(row, 'dismissed', actor, { toState: next, reason: input.reason });
      });
    },

    /**
     * The public Q&A (the writer consented): the version staff wrote without personal data
     * becomes a draft item in 监督投诉 (the app's port); only its reviewed, published version is
     * public.
     */
    async preparePublication(id: number, input: PublicationBody, viewer: InquiryViewer) {
      const actor = actorFromUser(viewer);
      return inquiries().step(
        id,
        'prepare_publication',
        viewer,
        ['handler', 'coordinator'],
        async (row) => {
          if (!converter) {
            throw new errors.ApplicationError('No publication of public Q&As is configured.');
          }
          const item = await converter({
            inquiryId: row.id,
            channel: row.channel,
            kind: row.kind,
            kindLabel: KIND_LABELS[row.kind],
            category: row.category,
            categoryLabel: CATEGORY_LABELS[row.category],
            title: input.title.trim(),
            question: input.question,
            answer: input.answer,
            receivedOn: toDateOnly(row.receivedOn) ?? row.receivedOn,
            repliedOn: toDateOnly(row.repliedOn) ?? today(),
            division: row.division,
            publisherName: config().publisherName,
          });
          const publication: InquiryPublication = {
            title: input.title.trim(),
            question: input.question,
            answer: input.answer,
            preparedBy: { id: actor.id, name: actor.name },
            preparedOn: today(),
            item,
          };
          await inquiries().save(row, { publication });
          await inquiries().record(row, 'publication_prepared', actor, {
            reason: `《${publication.title}》：${item.contentType} ${item.documentId}`,
          });
          return publication;
        }
      );
    },
  };
};
