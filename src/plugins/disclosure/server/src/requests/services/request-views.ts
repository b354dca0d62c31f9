import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS, UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import type { WorkingDayCalendar } from '../../kernel/domain/calendar';
import type { ChainedAuditRecord } from '../../kernel/domain/audit-chain';
import { mask } from '../../kernel/domain/personal-data';
import { actorFromUser, type AdminUser } from '../../kernel/services/actor';
import { CLOSED_STATES, isClosed } from '../../../../shared/requests/states';
import { feeByCount } from '../../../../shared/requests/fees';
import { urgencyOf } from '../domain/handling';
import {
  PERSONAL_FIELDS,
  factsOf,
  type PersonalField,
  type RequestRow,
  type StoredReply,
} from '../domain/request';
import { uncoveredYearsOf } from '../domain/request-deadline';
import { allowedActions } from '../domain/transitions';
import type { ListState } from '../validation';
import { getService } from '../../get-service';
import type {
  RequestDetail,
  RequestListResponse,
  RequestRow as RequestListRow,
} from '../../../../shared/requests/contracts';

/** Whoever is looking at a request: handlers see personal data, confidentiality reviewers masked. */
export interface RequestViewer extends AdminUser {
  canHandle: boolean;
  canClear: boolean;
}

/** Who may see what on a request page: from the viewer's RBAC abilities. */
export const viewerOf = (
  user: AdminUser,
  ability: { can(action: string): boolean }
): RequestViewer => ({
  ...user,
  canHandle: ability.can(ACTIONS.handleRequests),
  canClear: ability.can(ACTIONS.approveConfidentiality),
});

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

/** What staff lists show of a request besides masked personal data. */
const listFields = (row: RequestRow, today: string, calendar: WorkingDayCalendar) => {
  const dueDate = toDateOnly(row.dueDate);
  const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
  const deadline = row.deadline;
  return {
    trackingNumber: row.trackingNumber,
    channel: row.channel,
    applicantType: row.applicantType,
    title: row.title,
    state: row.state,
    receivedOn,
    dueDate,
    outcome: row.outcome,
    answeredOn: toDateOnly(row.answeredOn),
    likelyDuplicateOf: row.likelyDuplicateOf,
    division: row.division ?? null,
    replyState: row.reply?.state ?? null,
    ...urgencyOf(
      row.state,
      dueDate,
      deadline?.status,
      today,
      calendar,
      deadline?.consultationDueDate
    ),
    // Years whose holidays the calendar does not know yet (their weekdays were counted as worked).
    uncoveredYears: isClosed(row.state) ? [] : uncoveredYearsOf(receivedOn, deadline, calendar),
  };
};

/** The reply as the page shows it (the clearance's own hash stays on the server). */
const replyView = (reply: StoredReply | null) =>
  reply && {
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
  };

/** Oldest first: who did what and when; handling events carry their legal date in the text. */
const timelineOf = (history: readonly ChainedAuditRecord[]) =>
  history
    .filter((entry) => entry.action !== 'view_personal_data')
    .map((entry) => ({
      at: entry.at,
      action: entry.action,
      actorName: entry.actorName,
      text: [AUDIT_TEXT[entry.action], entry.reason].filter(Boolean).join('：'),
    }));

/**
 * What the office sees of requests: the list (personal data masked, due dates with their
 * urgency), one request's page with the actions the transition table allows the viewer, and its
 * files. Viewing an applicant's personal data in full is written to the audit trail.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.disclosureRequest);
  const requests = () => getService(strapi, 'requests');
  const currentCalendar = () => getService(strapi, 'calendar').current();

  /** The applicant's fields in clear for a handler, masked for anyone else. */
  const personalOf = (
    row: RequestRow,
    canHandle: boolean
  ): Record<PersonalField, string | null> => {
    const personalData = getService(strapi, 'personal-data');
    return Object.fromEntries(
      PERSONAL_FIELDS.map((field) => {
        const stored = row[field];
        const plain = stored ? personalData.decrypt(stored) : null;
        return [field, plain && !canHandle ? mask(plain) : plain];
      })
    ) as Record<PersonalField, string | null>;
  };

  return {
    /** Requests for the office, newest first, personal data masked, due dates with their urgency. */
    async list({
      page,
      pageSize,
      state,
    }: {
      page: number;
      pageSize: number;
      state: ListState;
    }): Promise<{
      results: RequestListRow[];
      pagination: RequestListResponse['meta']['pagination'];
    }> {
      const personalData = getService(strapi, 'personal-data');
      const where =
        state === 'open'
          ? { state: { $notIn: CLOSED_STATES } }
          : state === 'closed'
            ? { state: { $in: CLOSED_STATES } }
            : {};
      const [results, total, calendar]: [RequestRow[], number, WorkingDayCalendar] =
        await Promise.all([
          rows().findMany({
            where,
            orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
            limit: pageSize,
            offset: (page - 1) * pageSize,
          }),
          rows().count({ where }),
          currentCalendar(),
        ]);
      const today = beijingDate(new Date());
      return {
        results: results.map((row) => ({
          ...listFields(row, today, calendar),
          name: row.name ? mask(personalData.decrypt(row.name)) : null,
          phone: row.phone ? mask(personalData.decrypt(row.phone)) : null,
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
      const row = await requests().find(trackingNumber);
      const personal = personalOf(row, viewer.canHandle);
      if (viewer.canHandle) {
        await requests().record(row, 'view_personal_data', actorFromUser(viewer));
      }
      const [calendar, files, history, rank] = await Promise.all([
        currentCalendar(),
        getService(strapi, 'request-attachments').list(trackingNumber),
        getService(strapi, 'audit').history(UID.disclosureRequest, trackingNumber),
        requests().monthlyRank(row),
      ]);
      const { canHandle, canClear } = viewer;
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
        events: row.events ?? [],
        deadline: row.deadline,
        // For a fee notice: the applicant's n-th application this month and what 按件计收 would charge.
        monthlyRank: rank,
        feeByCount: feeByCount(rank).amount,
        attachments: files,
        reply: replyView(row.reply),
        timeline: timelineOf(history),
        allowedActions: allowedActions(factsOf(row), {
          canHandle,
          canClear,
          userId: Number(viewer.id),
        }),
      };
    },

    /**
     * One file of a request, for download; an applicant's file is personal data, so the office's
     * view of it is audited. The 保密审查员 reads the reply's files, not the applicant's (refused
     * before anything is decrypted).
     */
    async openAttachment(trackingNumber: string, id: number, viewer: RequestViewer) {
      const file = await getService(strapi, 'request-attachments').read(
        trackingNumber,
        id,
        ({ kind }) => {
          if (kind === 'application' && !viewer.canHandle) {
            throw new errors.PolicyError(
              "Only the disclosure office opens the applicant's files (plugin::disclosure.requests.handle)."
            );
          }
        }
      );
      const row = await requests().find(trackingNumber);
      await requests().record(row, 'view_personal_data', actorFromUser(viewer), {
        reason: `附件 ${id}`,
      });
      return file;
    },
  };
};
