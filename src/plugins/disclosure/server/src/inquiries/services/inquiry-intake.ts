import { randomBytes, randomInt } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { actorFromUser, currentActor, type Actor } from '../../kernel/services/actor';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  KIND_LABELS,
  TRANSFER_LABELS,
  type CreatedInquiry,
  type InquiryCategory,
  type InquiryChannel,
  type InquiryIntakeBody,
  type InquiryKind,
  type InquiryStatus,
  type PhoneLogBody,
  type RegisterInquiryBody,
  type TransferSource,
} from '../../../../shared/inquiries/contracts';
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import { dueDateOf, type InquiryRow, type StoredReply } from '../domain/inquiry';
import { inquiryMail } from '../mail';
import type { InquiryViewer } from './inquiries';
import { getService } from '../../get-service';

/** What a new case holds before it is stored. */
interface NewInquiry {
  channel: InquiryChannel;
  kind: InquiryKind;
  category: InquiryCategory;
  subject: string;
  message: string;
  receivedOn: string;
  externalNumber?: string | null;
  transferredBy?: TransferSource | null;
  platformDueDate?: string | null;
  division?: string | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  publicConsent?: boolean;
  /** The public intake: a query code is made and answered once. */
  withQueryCode: boolean;
}

/** The hash a reply's clearance holds for: its exact text. */
export const replyHashOf = (text: string) => sha256(canonicalJson({ text }));

/** The subject of a phone log: the question's first line, shortened. */
const subjectOf = (question: string) => {
  const line = question.trim().split('\n')[0];
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
};

/**
 * Inquiries coming in: the website's 监督投诉 and 企业服务热线 forms (received today, Beijing
 * time, with a tracking number and a query code shown once), the office's registrations of
 * 民心网 cases, hotline transfers and letters, and the phone desk's quick log; and the writer's
 * status lookup. The person's name and contacts are encrypted at rest and never leave through
 * the public API.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.inquiry);
  const inquiries = () => getService(strapi, 'inquiries');

  const newTrackingNumber = async (receivedOn: string) => {
    for (;;) {
      const candidate = `LY${receivedOn.replace(/-/g, '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!(await rows().findOne({ where: { trackingNumber: candidate } }))) return candidate;
    }
  };

  /** Stores a case with its deadline; the query code, when made, is answered this once. */
  const store = async (
    input: NewInquiry,
    actor: Actor,
    extra: Partial<InquiryRow> = {}
  ): Promise<{ row: InquiryRow; queryCode: string | null }> => {
    inquiries().key(); // 400 naming the setting when there is no key
    const division = input.division
      ? await inquiries().checkDivision(input.division, 'division')
      : null;
    const calendar = await getService(strapi, 'calendar').current();
    const dueDate = dueDateOf(
      input.receivedOn,
      inquiries().replyWorkingDays(input.channel),
      (date, n) => calendar.addWorkingDays(date, n),
      input.platformDueDate
    );
    const queryCode = input.withQueryCode ? randomBytes(6).toString('base64url').slice(0, 8) : null;
    const seal = (value: string | null | undefined) =>
      value?.trim() ? getService(strapi, 'personal-data').encrypt(value.trim()) : null;
    const trackingNumber = await newTrackingNumber(input.receivedOn);
    const row = await strapi.db.transaction(async () => {
      const created: InquiryRow = await rows().create({
        data: {
          trackingNumber,
          queryCodeHash: queryCode
            ? getService(strapi, 'personal-data').hashQueryCode(queryCode)
            : null,
          channel: input.channel,
          kind: input.kind,
          category: input.category,
          subject: input.subject.trim(),
          message: input.message,
          externalNumber: input.externalNumber?.trim() || null,
          transferredBy: input.transferredBy ?? null,
          platformDueDate: input.platformDueDate ?? null,
          receivedOn: input.receivedOn,
          dueDate,
          division: division?.code ?? null,
          assignedOn: division ? input.receivedOn : null,
          state: 'open',
          answeredOnCall: false,
          reply: null,
          publicConsent: Boolean(input.publicConsent),
          publication: null,
          applicantName: seal(input.name),
          applicantPhone: seal(input.phone),
          applicantEmail: seal(input.email),
          ...extra,
        },
      });
      const origin = [
        CHANNEL_LABELS[input.channel],
        input.transferredBy && `${TRANSFER_LABELS[input.transferredBy]}转办`,
        input.externalNumber && `编号 ${input.externalNumber}`,
      ]
        .filter(Boolean)
        .join('，');
      await inquiries().record({ id: created.id, state: 'open' }, 'registered', actor, {
        reason: `${input.receivedOn} 收到${KIND_LABELS[input.kind]}（${origin}；${CATEGORY_LABELS[input.category]}）；答复期限 ${dueDate}`,
      });
      if (division) {
        await inquiries().record({ id: created.id, state: 'open' }, 'assigned', actor, {
          reason: `${division.name}（${division.code}）`,
        });
      }
      return created;
    });
    return { row, queryCode };
  };

  return {
    /**
     * A message from the website's 监督投诉 or 企业服务热线 form, received today (Beijing time):
     * the tracking number and the query code, shown this once. The coordinator is told.
     */
    async submitOnline(input: InquiryIntakeBody, now = new Date()): Promise<CreatedInquiry> {
      const receivedOn = beijingDate(now);
      const { row, queryCode } = await store(
        { ...input, receivedOn, withQueryCode: true },
        currentActor(strapi)
      );
      await inquiryMail(strapi).received(row);
      return {
        trackingNumber: row.trackingNumber,
        queryCode: queryCode!,
        receivedOn,
        dueDate: toDateOnly(row.dueDate) ?? row.dueDate,
      };
    },

    /** A 民心网 case, a hotline transfer, a letter or a hotline form, registered by the office. */
    async register(input: RegisterInquiryBody, viewer: InquiryViewer): Promise<{ id: number }> {
      const { row } = await store(
        { ...input, receivedOn: input.receivedOn ?? beijingDate(new Date()), withQueryCode: false },
        actorFromUser(viewer)
      );
      return { id: row.id };
    },

    /**
     * The phone desk's quick log: with the answer given on the call, the call is closed (办结) at
     * once; without, it stays open for a call-back (by the division named, if any).
     */
    async logCall(input: PhoneLogBody, viewer: InquiryViewer): Promise<{ id: number }> {
      const actor = actorFromUser(viewer);
      const receivedOn = input.receivedOn ?? beijingDate(new Date());
      const answer = input.answer?.trim() ? input.answer : null;
      const now = new Date().toISOString();
      const reply: StoredReply | null = answer
        ? {
            text: answer,
            state: 'sent',
            hash: replyHashOf(answer),
            draftedBy: { id: actor.id, name: actor.name },
            draftedAt: now,
            clearedBy: null,
            clearedAt: null,
            clearedHash: null,
            returnedReason: null,
            sentOn: receivedOn,
          }
        : null;
      const { row } = await store(
        {
          channel: 'phone',
          kind: input.kind ?? 'consultation',
          category: input.category,
          subject: subjectOf(input.question),
          message: input.question,
          receivedOn,
          division: input.division,
          name: input.callerName,
          phone: input.callerPhone,
          publicConsent: input.publicConsent,
          withQueryCode: false,
        },
        actor,
        answer
          ? { state: 'closed', answeredOnCall: true, reply, repliedOn: receivedOn, workingDays: 0 }
          : {}
      );
      if (answer) {
        await inquiries().record({ ...row, state: 'open' }, 'answered', actor, {
          toState: 'closed',
          reason: `${receivedOn} 电话中当场答复`,
          contentHash: reply!.hash,
        });
      }
      return { id: row.id };
    },

    /**
     * The writer's view, or 404 when the number and code do not match (the same for both): the
     * state and dates, and the reply once it passed the confidentiality review and was sent.
     */
    async status(trackingNumber: string, queryCode: string): Promise<InquiryStatus> {
      inquiries().key();
      const row: InquiryRow | null = await rows().findOne({ where: { trackingNumber } });
      // The code is hashed for an unknown number too, so both 404s take the same work.
      const { matches, rehash } = getService(strapi, 'personal-data').matchQueryCode(
        queryCode,
        row?.queryCodeHash ?? ''
      );
      if (!row || !row.queryCodeHash || !matches) {
        throw new errors.NotFoundError('No message matches this tracking number and query code.');
      }
      // A code handed out before a key rotation is hashed under the current key once it matched.
      if (rehash) await rows().update({ where: { id: row.id }, data: { queryCodeHash: rehash } });
      const reply = row.reply;
      const cleared =
        row.state === 'closed' &&
        reply?.state === 'sent' &&
        reply.clearedHash !== null &&
        reply.clearedHash === replyHashOf(reply.text);
      return {
        trackingNumber: row.trackingNumber,
        state: row.state,
        receivedOn: toDateOnly(row.receivedOn) ?? row.receivedOn,
        dueDate: toDateOnly(row.dueDate) ?? row.dueDate,
        repliedOn: cleared ? toDateOnly(row.repliedOn) : null,
        reply: cleared ? reply.text : null,
      };
    },
  };
};
