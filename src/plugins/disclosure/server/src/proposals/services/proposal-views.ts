import type { Core } from '@strapi/strapi';
import { UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import type { ChainedAuditRecord } from '../../kernel/domain/audit-chain';
import { actorFromUser } from '../../kernel/services/actor';
import type {
  ProposalDetail,
  ProposalListRow,
  ProposalReply,
  Proposer,
} from '../../../../shared/proposals/contracts';
import {
  factsOf,
  URGENCY_ORDER,
  urgencyOf,
  type ProposalRow,
  type StoredReply,
} from '../domain/proposal';
import { allowedActions, type Part } from '../domain/transitions';
import type { ListFilter } from '../validation';
import { partsOf, type ProposalViewer } from './proposals';
import { getService } from '../../get-service';

/** What the audit trail's proposal actions say on the timeline. */
const AUDIT_TEXT: Record<string, string> = {
  registered: '登记',
  assigned: '交办',
  opinion_submitted: '协办单位提交协办意见',
  reply_drafted: '起草答复函',
  reply_cleared: '答复函通过保密审查',
  reply_returned: '答复函被退回',
  reply_sent: '答复',
  feedback_recorded: '代表委员反馈',
  reopened: '代表委员不满意，重新办理',
  publication_decided: '答复公开',
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
const replyView = (reply: StoredReply | null): ProposalReply | null => {
  if (!reply) return null;
  const { clearedHash: _cleared, ...shown } = reply;
  return shown;
};

const roleOf = (parts: readonly Part[]): ProposalListRow['role'] =>
  parts.includes('coordinator') || parts.includes('reviewer')
    ? 'all'
    : parts.includes('lead')
      ? 'lead'
      : 'co_handler';

/**
 * What staff see of suggestions and proposals: the list (their division's cases as lead or
 * co-handler; every case for the coordinator and the 保密审查员), most urgent first, and one case
 * with its timeline and the actions the transition table allows the viewer. The proposers'
 * contacts are decrypted only for the lead division and the coordinator, and each such view is
 * audited.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.proposal);
  const proposals = () => getService(strapi, 'proposals');

  const listRow = (
    row: ProposalRow,
    parts: readonly Part[],
    names: Map<string, string>,
    today: string
  ): ProposalListRow => {
    const dueDate = toDateOnly(row.dueDate) ?? row.dueDate;
    return {
      id: row.id,
      kind: row.kind,
      term: row.term,
      meeting: row.meeting,
      number: row.number,
      title: row.title,
      state: row.state,
      lead: row.lead,
      leadName: names.get(row.lead) ?? row.lead,
      coHandlers: (row.coHandlers ?? []).map((co) => co.division),
      assignedOn: toDateOnly(row.assignedOn) ?? row.assignedOn,
      dueDate,
      urgency: urgencyOf(row.state, dueDate, today),
      replyState: row.reply?.state ?? null,
      resultClass: row.resultClass ?? null,
      feedback: row.feedback ?? null,
      publicationDueDate:
        row.reply?.state === 'sent' && !row.reply.publication
          ? toDateOnly(row.publicationDueDate)
          : null,
      role: roleOf(parts),
    };
  };

  return {
    /**
     * The cases this viewer may see, most urgent first (overdue, due soon, on time, replied), then
     * by due date. The plugin's own table, scoped in memory: a bureau has tens of cases a year.
     */
    async list(
      viewer: ProposalViewer,
      {
        page,
        pageSize,
        state,
        kind,
      }: { page: number; pageSize: number; state: ListFilter; kind?: string }
    ) {
      const where: Record<string, unknown> = {};
      if (state === 'open') where.state = { $in: ['assigned', 'reopened'] };
      else if (state !== 'all') where.state = state;
      if (kind) where.kind = kind;
      const all: ProposalRow[] = await rows().findMany({
        where,
        select: [
          'id',
          'kind',
          'term',
          'meeting',
          'number',
          'title',
          'state',
          'lead',
          'coHandlers',
          'assignedOn',
          'dueDate',
          'reply',
          'resultClass',
          'feedback',
          'publicationDueDate',
        ],
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      });
      const names = await proposals().divisionNames();
      const today = beijingDate(new Date());
      const visible = all
        .map((row) => ({ row, parts: partsOf(viewer, row) }))
        .filter(({ parts }) => parts.length > 0)
        .map(({ row, parts }) => listRow(row, parts, names, today))
        .sort(
          (a, b) =>
            URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) ||
            a.dueDate.localeCompare(b.dueDate) ||
            a.id - b.id
        );
      const total = visible.length;
      return {
        results: visible.slice((page - 1) * pageSize, page * pageSize),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /** One case as the viewer may see it (404 when it is not theirs). */
    async show(id: number, viewer: ProposalViewer): Promise<ProposalDetail> {
      const { row, parts } = await proposals().findFor(id, viewer);
      const showsContacts = parts.includes('lead') || parts.includes('coordinator');
      const key = showsContacts ? proposals().key() : null;
      const hasContacts = row.proposers.some((p) => p.phone || p.email || p.address);
      // Seeing a deputy's contacts in full is written to the audit trail (not to the timeline).
      if (showsContacts && hasContacts) {
        await proposals().record(row, 'view_personal_data', actorFromUser(viewer));
      }
      const open = (value: string | null) =>
        key && value ? getService(strapi, 'personal-data').decrypt(value) : null;
      const proposers: Proposer[] = row.proposers.map((proposer) => ({
        name: proposer.name,
        delegation: proposer.delegation,
        ...(showsContacts
          ? {
              phone: open(proposer.phone),
              email: open(proposer.email),
              address: open(proposer.address),
            }
          : {}),
      }));
      const [names, history] = await Promise.all([
        proposals().divisionNames(),
        getService(strapi, 'audit').history(UID.proposal, String(row.id)),
      ]);
      return {
        ...listRow(row, parts, names, beijingDate(new Date())),
        content: row.content,
        proposers,
        coHandlerOpinions: (row.coHandlers ?? []).map((co) => ({
          ...co,
          divisionName: names.get(co.division) ?? co.division,
        })),
        round: row.round,
        reply: replyView(row.reply),
        previousReplies: (row.previousReplies ?? []).map((reply) => replyView(reply)!),
        allowedActions: allowedActions(factsOf(row), { parts, userId: Number(viewer.id) }),
        showsContacts,
        timeline: timelineOf(history),
      };
    },
  };
};
