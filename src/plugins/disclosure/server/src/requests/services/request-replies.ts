import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import {
  chineseDate,
  fillTemplate,
  outcomeLabel,
} from '../../../../shared/requests/reply-templates';
import { actorFromUser, type Actor, type AdminUser } from '../../kernel/services/actor';
import { ATTACHMENT_RULES } from '../domain/attachments';
import type { ProactiveItem, RequestRow, StoredReply } from '../domain/request';
import type { RequestState } from '../domain/transitions';
import { requestMail } from '../mail';
import { invalid, type DraftInput } from '../validation';
import type { Attachment, UploadedFile } from './request-attachments';
import { getService } from '../../get-service';

/** What the app turns released information into (Art. 44): a draft item of its catalogue. */
export type ProactiveConverter = (input: {
  trackingNumber: string;
  title: string;
  docNumber: string | null;
  division: string | null;
  answeredOn: string;
  column: string | null;
  publisherName: string;
  files: Array<{ fileName: string; mime: string; content: Buffer }>;
}) => Promise<ProactiveItem>;

/** What a reviewer clears: the letter and its files. */
type Letter = Pick<StoredReply, 'outcome' | 'article' | 'subject' | 'body' | 'attachmentIds'>;

/**
 * Reply letters (答复): drafted from the outcome's template, cleared by a confidentiality
 * reviewer other than the drafter (保密审查, like any publication), then e-mailed or delivered on
 * paper — the delivery date (送达) closes the request with its outcome. The clearance holds for the
 * exact text and files cleared: any change after it sends the letter back to draft. Each step is
 * checked by the transition table under the request's lock (requests.step); the staff concerned
 * hear of it after it commits.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => getService(strapi, 'requests');
  const attachments = () => getService(strapi, 'request-attachments');
  const config = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
  let converter: ProactiveConverter | null = null;

  /** SHA-256 of what a reviewer clears: the letter and its files' hashes (files listed unless given). */
  const hashOf = async (trackingNumber: string, letter: Letter, files?: Attachment[]) => {
    const listed = files ?? (await attachments().list(trackingNumber));
    return sha256(
      canonicalJson({
        outcome: letter.outcome,
        article: letter.article,
        subject: letter.subject,
        body: letter.body,
        files: letter.attachmentIds.map(
          (id) => listed.find((file) => file.id === id)?.sha256 ?? null
        ),
      })
    );
  };

  /** The reply the transition table found on the request. */
  const replyOf = (row: RequestRow): StoredReply => {
    if (!row.reply) {
      throw new errors.ValidationError(`Request ${row.trackingNumber} has no reply.`);
    }
    return row.reply;
  };

  const filesOf = (trackingNumber: string, reply: StoredReply) =>
    Promise.all(reply.attachmentIds.map((id) => attachments().read(trackingNumber, id)));

  /** The reviewer names the version they read; a reply redrafted since is not cleared unseen. */
  const checkReviewed = (reply: StoredReply, hash: string | undefined) => {
    if (hash !== reply.hash) {
      throw invalid(
        'The reply changed since you opened it (or "hash" is missing): reload it and review it again.',
        'hash'
      );
    }
  };

  /** The cleared reply is still what was cleared (text and files). */
  const checkUnchanged = async (trackingNumber: string, reply: StoredReply) => {
    if ((await hashOf(trackingNumber, reply)) !== reply.clearedHash) {
      throw new errors.ValidationError(
        `The reply to ${trackingNumber} changed after it was cleared: it needs the confidentiality review again.`
      );
    }
  };

  /** The reply's files among the request's: reply attachments uploaded to it, each once. */
  const checkedAttachmentIds = (listed: readonly number[], files: readonly Attachment[]) => {
    const ids = [...new Set(listed)];
    if (
      ids.length > ATTACHMENT_RULES.reply.maxFiles ||
      ids.some((id) => !files.some((file) => file.id === id && file.kind === 'reply'))
    ) {
      throw invalid(
        '"attachmentIds" must list reply attachments uploaded to this request.',
        'attachmentIds'
      );
    }
    return ids;
  };

  /** The letter: the outcome's template filled in, unless the subject or body is given. */
  const letterOf = async (row: RequestRow, input: DraftInput, reason: string | null) => {
    const template = await getService(strapi, 'reply-templates').get(input.outcome);
    const values = {
      trackingNumber: row.trackingNumber,
      applicantName: row.name ? getService(strapi, 'personal-data').decrypt(row.name) : '',
      title: row.title,
      receivedOn: chineseDate(toDateOnly(row.receivedOn) ?? row.receivedOn),
      replyDate: chineseDate(beijingDate(new Date())),
      reason: reason ?? '',
      article: template.article,
      bureau: config().publisherName,
    };
    return {
      outcome: template.outcome,
      article: template.article,
      subject: input.subject?.trim()
        ? input.subject.slice(0, 255)
        : fillTemplate(template.subject, values),
      body: input.body?.trim() ? input.body.slice(0, 20000) : fillTemplate(template.body, values),
    };
  };

  /** Writes the draft (inside the step): a new letter awaiting review. */
  const writeDraft = async (row: RequestRow, input: DraftInput, actor: Actor) => {
    const reason = input.reason?.trim() ? input.reason.slice(0, 2000) : null;
    const files = await attachments().list(row.trackingNumber);
    const attachmentIds = checkedAttachmentIds(input.attachmentIds ?? [], files);
    const letter = { ...(await letterOf(row, input, reason)), attachmentIds };
    const reply: StoredReply = {
      ...letter,
      outcomeLabel: outcomeLabel(letter.outcome),
      reason,
      state: 'draft',
      hash: await hashOf(row.trackingNumber, letter, files),
      draftedBy: { id: actor.id, name: actor.name },
      draftedAt: new Date().toISOString(),
      clearedBy: null,
      clearedAt: null,
      clearedHash: null,
      returnedReason: null,
      deliveredOn: null,
      deliveryMethod: null,
    };
    await requests().save(row, { reply });
    await requests().record(row, 'reply_drafted', actor, {
      reason: reply.outcomeLabel,
      contentHash: reply.hash,
    });
  };

  /** Records the 送达 date and closes the request as answered with the reply's outcome. */
  const delivered = (
    row: RequestRow,
    reply: StoredReply,
    delivery: { date: string; method: string; state: RequestState; actor: Actor }
  ) => {
    const { date, method } = delivery;
    return requests().close(row, {
      state: delivery.state,
      outcome: reply.outcome,
      date,
      reason: reply.reason,
      action: method === 'email' ? 'reply_sent' : 'reply_delivered',
      actor: delivery.actor,
      data: {
        deliveredOn: date,
        deliveryMethod: method,
        reply: { ...reply, state: 'delivered', deliveredOn: date, deliveryMethod: method },
      },
    });
  };

  const tell = (step: 'drafted' | 'cleared' | 'returned', row: RequestRow, reason?: string) =>
    requestMail(strapi).replyStep(
      step,
      {
        trackingNumber: row.trackingNumber,
        title: row.title,
        drafterId: step === 'drafted' ? null : replyOf(row).draftedBy.id,
      },
      reason
    );

  return {
    /** The app's Art. 44 conversion; registered at bootstrap. */
    registerProactiveConverter(convert: ProactiveConverter) {
      converter = convert;
    },

    /** Reply files uploaded to a request (checked like the applicant's); their descriptions. */
    async attach(trackingNumber: string, files: readonly UploadedFile[]) {
      await requests().find(trackingNumber);
      const prepared = await attachments().prepare('reply', files);
      return attachments().store(trackingNumber, 'reply', prepared);
    },

    /**
     * Drafts (or redrafts) the reply: the outcome's template filled in, unless the subject or body
     * is given; reply attachments by id. 400 for a file not of this request.
     */
    async draft(trackingNumber: string, input: DraftInput, user: AdminUser) {
      const actor = actorFromUser(user);
      const row = await requests().step(trackingNumber, 'draft_reply', actor, async (row) => {
        await writeDraft(row, input, actor);
        return row;
      });
      await tell('drafted', row);
    },

    /** 保密审查 passed: by someone holding the right who did not draft it (four eyes). */
    async clear(trackingNumber: string, { hash }: { hash?: string }, user: AdminUser) {
      const actor = actorFromUser(user);
      const row = await requests().step(trackingNumber, 'clear_reply', actor, async (row) => {
        const reply = replyOf(row);
        checkReviewed(reply, hash);
        const clearedHash = await hashOf(trackingNumber, reply);
        await requests().save(row, {
          reply: {
            ...reply,
            state: 'cleared',
            clearedBy: { id: actor.id, name: actor.name },
            clearedAt: new Date().toISOString(),
            clearedHash,
          },
        });
        await requests().record(row, 'reply_cleared', actor, { contentHash: clearedHash });
        return row;
      });
      await tell('cleared', row);
    },

    /** Sends the draft back to its drafter with a reason. */
    async returnReply(
      trackingNumber: string,
      { reason, hash }: { reason: string; hash?: string },
      user: AdminUser
    ) {
      const actor = actorFromUser(user);
      const returnedReason = reason.slice(0, 2000);
      const row = await requests().step(trackingNumber, 'return_reply', actor, async (row) => {
        const reply = replyOf(row);
        checkReviewed(reply, hash);
        await requests().save(row, { reply: { ...reply, state: 'returned', returnedReason } });
        await requests().record(row, 'reply_returned', actor, { reason: returnedReason });
        return row;
      });
      await tell('returned', row, reason);
    },

    /**
     * E-mails the cleared reply with its attachments to the applicant; once the mail server takes
     * it, today is the 送达 date and the request is answered. A mail failure → 502, nothing recorded.
     */
    async send(trackingNumber: string, user: AdminUser) {
      const actor = actorFromUser(user);
      // Locked while mailing: a second click or node waits, then finds the request answered.
      await requests().step(trackingNumber, 'send_reply', actor, async (row, next) => {
        const reply = replyOf(row);
        await checkUnchanged(trackingNumber, reply);
        await requestMail(strapi).replyLetter(row, reply, await filesOf(trackingNumber, reply));
        const date = beijingDate(new Date());
        await delivered(row, reply, { date, method: 'email', state: next, actor });
      });
    },

    /** A cleared reply delivered on paper (post, in person, fax) on the given date. */
    async recordDelivery(
      trackingNumber: string,
      { date, method }: { date: string; method: string },
      user: AdminUser
    ) {
      const actor = actorFromUser(user);
      await requests().step(trackingNumber, 'record_delivery', actor, async (row, next) => {
        const reply = replyOf(row);
        await checkUnchanged(trackingNumber, reply);
        if (date < (toDateOnly(row.receivedOn) ?? row.receivedOn)) {
          throw invalid('"date" must be the delivery date, on or after the receipt.', 'date');
        }
        await delivered(row, reply, { date, method, state: next, actor });
      });
    },

    /**
     * Art. 44: the information released in an answered request becomes a draft proactive item,
     * prefilled, which then goes through the normal review. Once per request.
     */
    async makeProactive(trackingNumber: string, { column }: { column?: string }, user: AdminUser) {
      const actor = actorFromUser(user);
      return requests().step(trackingNumber, 'make_proactive', actor, async (row) => {
        const reply = replyOf(row);
        if (!converter) throw new errors.ApplicationError('No proactive conversion is configured.');
        const item = await converter({
          trackingNumber,
          title: row.title,
          docNumber: row.docNumber,
          division: row.division,
          answeredOn: toDateOnly(row.answeredOn) ?? '',
          column: column ?? null,
          publisherName: config().publisherName,
          files: await filesOf(trackingNumber, reply),
        });
        await requests().save(row, { reply: { ...reply, proactiveItem: item } });
        await requests().record(row, 'made_proactive', actor, {
          reason: `${item.contentType} ${item.documentId}`,
        });
        return item;
      });
    },
  };
};
