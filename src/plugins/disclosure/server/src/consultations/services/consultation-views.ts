import type { Core } from '@strapi/strapi';
import { UID } from '../../kernel/constants';
import type { ChainedAuditRecord } from '../../kernel/domain/audit-chain';
import { actorFromUser } from '../../kernel/services/actor';
import { beijingDate } from '../../../../shared/kernel/dates';
import type {
  ConsultationDetail,
  ConsultationListRow,
  ConsultationPhase,
  StaffComment,
} from '../../../../shared/consultations/contracts';
import { countsOf } from '../../../../shared/consultations/summary';
import { daysOf } from '../domain/period';
import { allowedActions } from '../domain/transitions';
import type { ListFilter } from '../validation';
import {
  decisionsHashOf,
  type CommentRow,
  type ConsultationRow,
  type ConsultationViewer,
} from './consultations';
import { getService } from '../../get-service';

/** What the audit trail's consultation actions say on the timeline. */
const AUDIT_TEXT: Record<string, string> = {
  created: '创建',
  edited: '修改',
  announced: '发布征求意见公告（送审）',
  comment_moderated: '审核意见',
  adoption_recorded: '意见采纳',
  closed: '结束征集',
  summary_drafted: '起草意见采纳情况',
  summary_submitted: '意见采纳情况送审',
};

/** The page's timeline: the office's steps (not each comment received, nor each view of contacts). */
const timelineOf = (history: readonly ChainedAuditRecord[]) =>
  history
    .filter((entry) => entry.action in AUDIT_TEXT)
    .map((entry) => ({
      at: entry.at,
      action: entry.action,
      actorName: entry.actorName,
      text: [AUDIT_TEXT[entry.action], entry.reason].filter(Boolean).join('：'),
    }));

/** Phases the list's `active` filter shows: the consultations needing the office's work. */
const ACTIVE: readonly ConsultationPhase[] = [
  'draft',
  'announcement_in_review',
  'upcoming',
  'open',
  'period_over',
  'closed',
  'summarised',
  'summary_in_review',
];

/**
 * What staff see of consultations: the list (their division's; every division's for the
 * coordinator) and one consultation's page — the draft's units with their comments side by side,
 * the commenters' names and contacts decrypted (each such view audited), the summary and the
 * review of its articles, the actions the transition table allows.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => getService(strapi, 'consultations');

  const listRow = async (
    row: ConsultationRow,
    all: readonly CommentRow[],
    names: Map<string, string>,
    today: string
  ): Promise<ConsultationListRow> => ({
    id: row.id,
    documentId: row.documentId,
    title: row.title,
    division: row.division,
    divisionName: names.get(row.division) ?? row.division,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    isMajorDecision: Boolean(row.isMajorDecision),
    state: row.state,
    phase: await consultations().phaseOf(row, today),
    counts: countsOf(all),
  });

  return {
    /** The consultations this viewer may see, the latest period first. */
    async list(
      viewer: ConsultationViewer,
      { page, pageSize, state }: { page: number; pageSize: number; state: ListFilter }
    ) {
      const where: Record<string, unknown> = {};
      if (viewer.division !== null) where.division = viewer.division;
      if (state !== 'all' && state !== 'active') where.state = state;
      const rows = (await consultations().all(where)).reverse();
      const names = await consultations().divisionNames();
      const today = beijingDate(new Date());
      const results: ConsultationListRow[] = [];
      for (const row of rows) {
        const listed = await listRow(row, await consultations().commentsOf(row.id), names, today);
        if (state !== 'active' || ACTIVE.includes(listed.phase)) results.push(listed);
      }
      const total = results.length;
      return {
        results: results.slice((page - 1) * pageSize, page * pageSize),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /** One consultation's page (404 when it is another division's). */
    async show(id: number, viewer: ConsultationViewer): Promise<ConsultationDetail> {
      const row = await consultations().findFor(id, viewer);
      const all = await consultations().commentsOf(id);
      const key = all.length ? consultations().key() : null;
      // Seeing commenters' names and contacts is written to the audit trail (not the timeline).
      if (all.length) {
        await consultations().record(row, 'view_personal_data', actorFromUser(viewer));
      }
      const open = (value: string | null) =>
        key && value ? getService(strapi, 'personal-data').decrypt(value) : null;
      const shown = (comment: CommentRow): StaffComment => ({
        id: comment.id,
        number: comment.number,
        anchor: comment.anchor,
        text: comment.text,
        name: open(comment.name) ?? '',
        phone: open(comment.phone),
        email: open(comment.email),
        organisation: open(comment.organisation),
        receivedAt: new Date(comment.receivedAt).toISOString(),
        moderation: comment.moderation,
        moderationReason: comment.moderationReason ?? null,
        moderatedBy: comment.moderatedBy ?? null,
        adoption: comment.adoption,
        adoptionReason: comment.adoptionReason ?? null,
        decidedBy: comment.decidedBy ?? null,
      });
      const today = beijingDate(new Date());
      const [names, history, facts] = await Promise.all([
        consultations().divisionNames(),
        getService(strapi, 'audit').history(UID.consultation, String(row.id)),
        consultations().factsOf(row, all),
      ]);
      const anchors = new Set(row.units.map((unit) => unit.anchor));
      const listed = await listRow(row, all, names, today);
      const summaryArticle = row.summary?.article
        ? await consultations().articleStatus(row.summary.article)
        : null;
      const announcement = row.announcement
        ? await consultations().articleStatus(row.announcement)
        : null;
      const strip = <T extends { published: boolean }>(status: T | null) => {
        if (!status) return null;
        const { published: _published, ...article } = status;
        return article;
      };
      return {
        ...listed,
        purpose: row.purpose,
        draftText: row.draftText,
        draftFile: row.draftFile
          ? { id: row.draftFile.id, name: row.draftFile.name, url: row.draftFile.url }
          : null,
        shortenedReason: row.shortenedReason ?? null,
        days: daysOf(row.opensOn, row.closesOn),
        minimumDays: consultations().minimumDays(),
        isOpen: listed.phase === 'open',
        units: row.units.map((unit) => ({
          ...unit,
          comments: all.filter((comment) => comment.anchor === unit.anchor).map(shown),
        })),
        generalComments: all
          .filter((comment) => comment.anchor === null || !anchors.has(comment.anchor))
          .map(shown),
        announcement: strip(announcement),
        summary: row.summary
          ? {
              text: row.summary.text,
              draftedBy: row.summary.draftedBy,
              draftedAt: row.summary.draftedAt,
              isStale: row.summary.decisionsHash !== decisionsHashOf(all),
              article: strip(summaryArticle),
            }
          : null,
        closedOn: row.closedOn,
        closeReason: row.closeReason ?? null,
        allowedActions: allowedActions(facts, today),
        timeline: timelineOf(history),
      };
    },
  };
};
