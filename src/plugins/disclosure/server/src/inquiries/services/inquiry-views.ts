import type { Core } from '@strapi/strapi';
import { UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import type { ChainedAuditRecord } from '../../kernel/domain/audit-chain';
import { mask } from '../../kernel/domain/personal-data';
import { actorFromUser } from '../../kernel/services/actor';
import {
  INQUIRY_URGENCIES,
  type InquiryChannel,
  type InquiryDetail,
  type InquiryListRow,
  type InquiryReply,
  type InquiryUrgency,
} from '../../../../shared/inquiries/contracts';
import {
  factsOf,
  ruleDatesOf,
  urgencyOf,
  type InquiryRow,
  type StoredReply,
} from '../domain/inquiry';
import { allowedActions } from '../domain/transitions';
import type { ListState } from '../validation';
import { partsOf, type InquiryViewer } from './inquiries';
import { getService } from '../../get-service';

/** What the audit trail's inquiry actions say on the timeline. */
const AUDIT_TEXT: Record<string, string> = {
  registered: '登记',
  assigned: '交办',
  answered: '答复',
  reply_drafted: '起草答复',
  reply_cleared: '答复通过保密审查',
  reply_returned: '答复被退回',
  reply_sent: '答复',
  satisfaction_recorded: '满意度',
  dismissed: '无效留言',
  publication_prepared: '公开问答（待审核发布）',
  reminded: '提醒',
};

const timelineOf = (history: readonly ChainedAuditRecord[]) =>
  history
    .filter((entry) => entry.action !== 'view_personal_data')
    .map((entry) => ({
      at: entry.at,
      action: entry.action,
      actorName: entry.actorName,
      text: [AUDIT_TEXT[entry.action] ?? entry.action, entry.reason].filter(Boolean).join('：'),
    }));

/** The reply as the page shows it (the clearance's own hash stays on the server). */
const replyView = (reply: StoredReply | null): InquiryReply | null => {
  if (!reply) return null;
  const { clearedHash: _cleared, ...shown } = reply;
  return shown;
};

const LIST_COLUMNS = [
  'id',
  'trackingNumber',
  'channel',
  'kind',
  'category',
  'subject',
  'state',
  'division',
  'receivedOn',
  'dueDate',
  'repliedOn',
  'externalNumber',
  'reply',
  'satisfaction',
  'applicantName',
] as const;

/**
 * What staff see of public inquiries: the list (their division's cases; every case for the
 * coordinator and the 保密审查员), most urgent first, with the oldest open message the viewer may
 * see; and one case with its timeline and the actions the transition table allows the viewer.
 * The person's contacts are decrypted only for the assigned division and the coordinator, and
 * each such view is audited; lists show the name masked.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.inquiry);
  const inquiries = () => getService(strapi, 'inquiries');

  const listRow = (
    row: Pick<InquiryRow, (typeof LIST_COLUMNS)[number]>,
    names: Map<string, string>,
    today: string,
    key: Buffer | null
  ): InquiryListRow => {
    const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
    const dueDate = toDateOnly(row.dueDate) ?? row.dueDate;
    const { warnOn, limitOn } = ruleDatesOf(receivedOn, inquiries().warnAfterMonths());
    return {
      id: row.id,
      trackingNumber: row.trackingNumber,
      channel: row.channel,
      kind: row.kind,
      category: row.category,
      subject: row.subject,
      state: row.state,
      division: row.division ?? null,
      divisionName: row.division ? (names.get(row.division) ?? row.division) : null,
      receivedOn,
      dueDate,
      warnOn,
      limitOn,
      urgency: urgencyOf(row.state, { dueDate, warnOn, limitOn }, today),
      repliedOn: toDateOnly(row.repliedOn),
      externalNumber: row.externalNumber ?? null,
      replyState: row.reply?.state ?? null,
      satisfaction: row.satisfaction ?? null,
      applicant:
        key && row.applicantName
          ? mask(getService(strapi, 'personal-data').decrypt(row.applicantName))
          : null,
    };
  };

  /** The visible cases of a state and channel, as list rows, most urgent first. */
  const visibleRows = async (
    viewer: InquiryViewer,
    { state, channel }: { state: ListState; channel?: InquiryChannel }
  ): Promise<InquiryListRow[]> => {
    const where: Record<string, unknown> = {};
    if (state !== 'all') where.state = state;
    if (channel) where.channel = channel;
    // Division staff read their division's only; unscoped viewers read all.
    if (viewer.division !== null && !viewer.canAssign && !viewer.canClear) {
      where.division = viewer.division;
    }
    const all: Array<Pick<InquiryRow, (typeof LIST_COLUMNS)[number]>> = await rows().findMany({
      where,
      select: [...LIST_COLUMNS],
      orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
    });
    const names = await inquiries().divisionNames();
    const today = beijingDate(new Date());
    const key = inquiries().key();
    const order = (urgency: InquiryUrgency) => INQUIRY_URGENCIES.indexOf(urgency);
    return all
      .filter((row) => partsOf(viewer, row).length > 0)
      .map((row) => listRow(row, names, today, key))
      .sort(
        (a, b) =>
          order(a.urgency) - order(b.urgency) ||
          a.dueDate.localeCompare(b.dueDate) ||
          a.receivedOn.localeCompare(b.receivedOn) ||
          a.id - b.id
      );
  };

  return {
    /**
     * The cases this viewer may see, most urgent first (over 3 months, past the 2-month warning,
     * overdue, due soon, on time, done), with the oldest open message they may see.
     */
    async list(
      viewer: InquiryViewer,
      query: {
        page: number;
        pageSize: number;
        state: ListState;
        channel?: InquiryChannel;
        urgency?: InquiryUrgency;
      }
    ) {
      const { page, pageSize } = query;
      const visible = (await visibleRows(viewer, query)).filter(
        (row) => !query.urgency || row.urgency === query.urgency
      );
      const total = visible.length;
      return {
        results: visible.slice((page - 1) * pageSize, page * pageSize),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        oldestOpen: await this.oldestOpen(viewer),
      };
    },

    /** The open message received first among those the viewer may see (any channel), or null. */
    async oldestOpen(viewer: InquiryViewer): Promise<InquiryListRow | null> {
      const open = await visibleRows(viewer, { state: 'open' });
      return (
        [...open].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id)[0] ?? null
      );
    },

    /** One case as the viewer may see it (404 when it is not theirs). */
    async show(id: number, viewer: InquiryViewer): Promise<InquiryDetail> {
      const { row, parts } = await inquiries().findFor(id, viewer);
      const showsContacts = parts.includes('handler') || parts.includes('coordinator');
      const key = inquiries().key();
      const hasContacts = Boolean(row.applicantName || row.applicantPhone || row.applicantEmail);
      // Seeing the person's contacts in full is written to the audit trail (not to the timeline).
      if (showsContacts && hasContacts) {
        await inquiries().record(row, 'view_personal_data', actorFromUser(viewer));
      }
      const open = (value: string | null) =>
        value ? getService(strapi, 'personal-data').decrypt(value) : null;
      const shown = (value: string | null) => {
        const plain = open(value);
        return plain === null ? null : showsContacts ? plain : mask(plain);
      };
      const [names, history] = await Promise.all([
        inquiries().divisionNames(),
        getService(strapi, 'audit').history(UID.inquiry, String(row.id)),
      ]);
      return {
        ...listRow(row, names, beijingDate(new Date()), key),
        message: row.message,
        transferredBy: row.transferredBy ?? null,
        platformDueDate: toDateOnly(row.platformDueDate),
        assignedOn: toDateOnly(row.assignedOn),
        workingDays: row.workingDays ?? null,
        answeredOnCall: Boolean(row.answeredOnCall),
        satisfactionOn: toDateOnly(row.satisfactionOn),
        dismissReason: row.dismissReason ?? null,
        publicConsent: Boolean(row.publicConsent),
        contact: {
          name: shown(row.applicantName),
          phone: shown(row.applicantPhone),
          email: shown(row.applicantEmail),
        },
        showsContacts,
        reply: replyView(row.reply),
        publication: row.publication ?? null,
        allowedActions: allowedActions(factsOf(row), { parts, userId: Number(viewer.id) }),
        timeline: timelineOf(history),
      };
    },
  };
};
