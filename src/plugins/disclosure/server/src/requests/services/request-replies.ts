import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import { isDate } from '../../kernel/domain/calendar';
import { ATTACHMENT_RULES } from '../domain/attachments';
import { isClosed } from '../../../../shared/requests/states';
import { decrypt } from '../../kernel/domain/personal-data';
import {
  chineseDate,
  fillTemplate,
  outcomeLabel,
} from '../../../../shared/requests/reply-templates';
import { actorFromUser, type Actor } from '../../kernel/services/actor';
import type { AdminUser } from '../../kernel/services/actor';
import type { Attachment } from './request-attachments';
import { invalid, type StoredReply } from './requests';
import { getService } from '../../get-service';

/** The mail server did not take the reply (the controller answers 502). */
export class MailNotSent extends Error {}

const PAPER_DELIVERY = ['post', 'in_person', 'fax'] as const;
const RELEASING_OUTCOMES = ['disclosed', 'partly'];

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
}) => Promise<{ contentType: string; documentId: string; locale: string }>;

/**
 * Reply letters (答复): drafted from the outcome's template, cleared by a confidentiality
 * reviewer other than the drafter (保密审查, like any publication), then e-mailed or delivered on
 * paper — the delivery date (送达) closes the request with its outcome. The clearance holds for the
 * exact text and files cleared: any change after it sends the letter back to draft.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => getService(strapi, 'requests');
  const attachments = () => getService(strapi, 'request-attachments');
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  let converter: ProactiveConverter | null = null;

  /** SHA-256 of what a reviewer clears: the letter and its files' hashes (files listed unless given). */
  const hashOf = async (
    trackingNumber: string,
    reply: Pick<StoredReply, 'outcome' | 'article' | 'subject' | 'body' | 'attachmentIds'>,
    files?: Attachment[]
  ) => {
    const listed: Attachment[] = files ?? (await attachments().list(trackingNumber));
    return sha256(
      canonicalJson({
        outcome: reply.outcome,
        article: reply.article,
        subject: reply.subject,
        body: reply.body,
        files: reply.attachmentIds.map(
          (id) => listed.find((file) => file.id === id)?.sha256 ?? null
        ),
      })
    );
  };

  const save = async (row: { id: number }, reply: StoredReply) =>
    strapi.db.query(UID.disclosureRequest).update({ where: { id: row.id }, data: { reply } });

  const notify = (
    step: 'drafted' | 'cleared' | 'returned',
    row: { trackingNumber: string; title: string },
    drafterId: number | null,
    reason: string | null = null
  ) =>
    getService(strapi, 'notifications').afterReplyStep(
      step,
      { trackingNumber: row.trackingNumber, title: row.title, drafterId },
      reason
    );

  /** The reviewer names the version they read; a reply redrafted since is not cleared unseen. */
  const reviewed = (reply: StoredReply | null, body: unknown, trackingNumber: string) => {
    if (!reply || reply.state !== 'draft') {
      throw new errors.ValidationError(`Request ${trackingNumber} has no reply awaiting review.`);
    }
    const { hash } = (body ?? {}) as { hash?: unknown };
    if (hash !== reply.hash) {
      throw invalid(
        'The reply changed since you opened it (or "hash" is missing): reload it and review it again.',
        'hash'
      );
    }
    return reply;
  };

  const openRequest = async (trackingNumber: string) => {
    const row = await requests().find(trackingNumber);
    if (isClosed(row.state)) {
      throw new errors.ValidationError(`Request ${trackingNumber} is already ${row.state}.`);
    }
    return row;
  };

  const clearedReply = async (trackingNumber: string) => {
    const row = await openRequest(trackingNumber);
    if (row.deadline?.status === 'awaiting_correction') {
      throw new errors.ValidationError(
        `Request ${trackingNumber} awaits the applicant's correction (补正): the reply written before it cannot be sent.`
      );
    }
    const reply = row.reply as StoredReply | null;
    if (!reply || reply.state !== 'cleared') {
      throw new errors.ValidationError(
        `The reply to ${trackingNumber} has not passed the confidentiality review (保密审查): it cannot be sent.`
      );
    }
    if ((await hashOf(trackingNumber, reply)) !== reply.clearedHash) {
      throw new errors.ValidationError(
        `The reply to ${trackingNumber} changed after it was cleared: it needs the confidentiality review again.`
      );
    }
    return { row, reply };
  };

  /** Records the 送达 date and closes the request as answered with the reply's outcome. */
  const delivered = (
    trackingNumber: string,
    reply: StoredReply,
    date: string,
    method: string,
    user: AdminUser
  ) =>
    requests().close(trackingNumber, {
      outcome: reply.outcome,
      date,
      reason: reply.reason,
      state: 'answered',
      action: method === 'email' ? 'reply_sent' : 'reply_delivered',
      actor: actorFromUser(user),
      data: {
        deliveredOn: date,
        deliveryMethod: method,
        reply: { ...reply, state: 'delivered', deliveredOn: date, deliveryMethod: method },
      },
    });

  const writeDraft = async (
    trackingNumber: string,
    input: Record<string, unknown>,
    actor: Actor
  ) => {
    const row = await openRequest(trackingNumber);
    if (row.deadline?.status === 'awaiting_correction') {
      throw new errors.ValidationError(
        `Request ${trackingNumber} awaits the applicant's correction (补正): it cannot be answered yet.`
      );
    }
    const template = await getService(strapi, 'reply-templates').get(String(input.outcome));
    for (const field of ['reason', 'subject', 'body'] as const) {
      if (input[field] !== undefined && input[field] !== null && typeof input[field] !== 'string') {
        throw invalid(`"${field}" must be text.`, field);
      }
    }
    const reason =
      typeof input.reason === 'string' && input.reason.trim() ? input.reason.slice(0, 2000) : null;
    const files: Attachment[] = await attachments().list(trackingNumber);
    const listed = input.attachmentIds ?? [];
    const attachmentIds = Array.isArray(listed) ? [...new Set(listed as unknown[])] : [];
    if (
      !Array.isArray(listed) ||
      attachmentIds.length > ATTACHMENT_RULES.reply.maxFiles ||
      attachmentIds.some((id) => !files.some((file) => file.id === id && file.kind === 'reply'))
    ) {
      throw invalid(
        '"attachmentIds" must list reply attachments uploaded to this request.',
        'attachmentIds'
      );
    }
    const secret = requests().key();
    const values = {
      trackingNumber,
      applicantName: row.name ? decrypt(secret, String(row.name)) : '',
      title: row.title,
      receivedOn: chineseDate(toDateOnly(row.receivedOn)!),
      replyDate: chineseDate(beijingDate(new Date())),
      reason: reason ?? '',
      article: template.article,
      bureau: config().publisherName,
    };
    const draft = {
      outcome: template.outcome,
      article: template.article,
      subject:
        typeof input.subject === 'string' && input.subject.trim()
          ? input.subject.slice(0, 255)
          : fillTemplate(template.subject, values),
      body:
        typeof input.body === 'string' && input.body.trim()
          ? input.body.slice(0, 20000)
          : fillTemplate(template.body, values),
      attachmentIds: attachmentIds as number[],
    };
    const reply: StoredReply = {
      ...draft,
      outcomeLabel: outcomeLabel(template.outcome),
      reason,
      state: 'draft',
      hash: await hashOf(trackingNumber, draft, files),
      draftedBy: { id: actor.id, name: actor.name },
      draftedAt: new Date().toISOString(),
      clearedBy: null,
      clearedAt: null,
      clearedHash: null,
      returnedReason: null,
      deliveredOn: null,
      deliveryMethod: null,
    };
    await save(row, reply);
    await requests().record(row, 'reply_drafted', actor, {
      reason: reply.outcomeLabel,
      contentHash: reply.hash,
    });
    return row;
  };

  const mail = async (trackingNumber: string, user: AdminUser) => {
    const { row, reply } = await clearedReply(trackingNumber);
    const to = row.email ? decrypt(requests().key(), String(row.email)) : null;
    if (!to) {
      throw new errors.ValidationError(
        `The applicant of ${trackingNumber} gave no e-mail address: deliver the reply on paper and record its delivery.`
      );
    }
    const files = await Promise.all(
      reply.attachmentIds.map((id) => attachments().read(trackingNumber, id))
    );
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to,
          subject: reply.subject,
          text: reply.body,
          attachments: files.map((file: { fileName: string; mime: string; content: Buffer }) => ({
            filename: file.fileName,
            content: file.content,
            contentType: file.mime,
          })),
        });
    } catch (error) {
      throw new MailNotSent(
        `The reply could not be e-mailed (${(error as Error).message}); nothing was recorded, try again.`
      );
    }
    return delivered(trackingNumber, reply, beijingDate(new Date()), 'email', user);
  };

  const convert = async (trackingNumber: string, column: string | undefined, user: AdminUser) => {
    const row = await requests().find(trackingNumber);
    const reply = row.reply as StoredReply | null;
    if (row.state !== 'answered' || !RELEASING_OUTCOMES.includes(String(row.outcome)) || !reply) {
      throw new errors.ValidationError(
        `Only information released by an answered request (予以公开 or 部分公开) can be made proactive; ${trackingNumber} is ${row.state}.`
      );
    }
    if (reply.proactiveItem) {
      throw new errors.ValidationError(
        `Request ${trackingNumber} was already turned into a draft item (${reply.proactiveItem.documentId}).`
      );
    }
    if (!converter) throw new errors.ApplicationError('No proactive conversion is configured.');
    const files = await Promise.all(
      reply.attachmentIds.map((id) => attachments().read(trackingNumber, id))
    );
    const item = await converter({
      trackingNumber,
      title: row.title,
      docNumber: (row.docNumber as string) ?? null,
      division: row.division,
      answeredOn: toDateOnly(row.answeredOn)!,
      column: column ?? null,
      publisherName: config().publisherName,
      files,
    });
    await save(row, { ...reply, proactiveItem: item });
    await requests().record(row, 'made_proactive', actorFromUser(user), {
      reason: `${item.contentType} ${item.documentId}`,
    });
    return item;
  };

  return {
    /** The app's Art. 44 conversion; registered at bootstrap. */
    registerProactiveConverter(convert: ProactiveConverter) {
      converter = convert;
    },

    /**
     * Drafts (or redrafts) the reply: the outcome's template filled in, unless the subject or body
     * is given; reply attachments by id. 400 for an unknown outcome or a file not of this request.
     */
    async draft(trackingNumber: string, body: unknown, user: AdminUser) {
      const input = (body ?? {}) as Record<string, unknown>;
      const actor = actorFromUser(user);
      const row = await requests().locked(trackingNumber, () =>
        writeDraft(trackingNumber, input, actor)
      );
      await notify('drafted', row, actor.id);
    },

    /** 保密审查 passed: by someone holding the right who did not draft it (four eyes). */
    async clear(trackingNumber: string, body: unknown, user: AdminUser) {
      const actor = actorFromUser(user);
      const { row, reply } = await requests().locked(trackingNumber, async () => {
        const row = await openRequest(trackingNumber);
        const reply = reviewed(row.reply as StoredReply | null, body, trackingNumber);
        if (reply.draftedBy.id === actor.id) {
          throw new errors.PolicyError(
            'The person who drafted a reply cannot clear it: another confidentiality reviewer must (four eyes).'
          );
        }
        const hash = await hashOf(trackingNumber, reply);
        await save(row, {
          ...reply,
          state: 'cleared',
          clearedBy: { id: actor.id, name: actor.name },
          clearedAt: new Date().toISOString(),
          clearedHash: hash,
        });
        await requests().record(row, 'reply_cleared', actor, { contentHash: hash });
        return { row, reply };
      });
      await notify('cleared', row, reply.draftedBy.id);
    },

    /** Sends the draft back with a reason. */
    async returnReply(trackingNumber: string, body: unknown, user: AdminUser) {
      const { reason } = (body ?? {}) as { reason?: unknown };
      if (typeof reason !== 'string' || !reason.trim()) {
        throw invalid('Give a "reason" for returning the reply.', 'reason');
      }
      const { row, reply } = await requests().locked(trackingNumber, async () => {
        const row = await openRequest(trackingNumber);
        const reply = reviewed(row.reply as StoredReply | null, body, trackingNumber);
        await save(row, { ...reply, state: 'returned', returnedReason: reason.slice(0, 2000) });
        await requests().record(row, 'reply_returned', actorFromUser(user), {
          reason: reason.slice(0, 2000),
        });
        return { row, reply };
      });
      await notify('returned', row, reply.draftedBy.id, reason);
    },

    /**
     * E-mails the cleared reply with its attachments to the applicant; once the mail server takes
     * it, today is the 送达 date and the request is answered. A mail failure → 502, nothing recorded.
     */
    async send(trackingNumber: string, user: AdminUser) {
      // Locked while mailing: a second click or node waits, then finds the request answered.
      return requests().locked(trackingNumber, () => mail(trackingNumber, user));
    },

    /** A cleared reply delivered on paper (post, in person, fax) on the given date. */
    async recordDelivery(trackingNumber: string, body: unknown, user: AdminUser) {
      const { date, method } = (body ?? {}) as { date?: unknown; method?: unknown };
      if (!(PAPER_DELIVERY as readonly unknown[]).includes(method)) {
        throw invalid(`"method" must be one of ${PAPER_DELIVERY.join(', ')}.`, 'method');
      }
      return requests().locked(trackingNumber, async () => {
        const { row, reply } = await clearedReply(trackingNumber);
        if (!isDate(date) || date < toDateOnly(row.receivedOn)!) {
          throw invalid('"date" must be the delivery date, on or after the receipt.', 'date');
        }
        return delivered(trackingNumber, reply, date, method as string, user);
      });
    },

    /**
     * Art. 44: the information released in an answered request becomes a draft proactive item,
     * prefilled, which then goes through the normal review. Once per request.
     */
    async makeProactive(trackingNumber: string, body: unknown, user: AdminUser) {
      const { column } = (body ?? {}) as { column?: unknown };
      if (column !== undefined && typeof column !== 'string') {
        throw invalid('"column" must be a column code.', 'column');
      }
      return requests().locked(trackingNumber, () =>
        convert(trackingNumber, column as string | undefined, user)
      );
    },
  };
};
