import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { nextOrRefuse } from '../../kernel/refusal';
import { ACTIONS, PLUGIN_ID, UID } from '../../kernel/constants';
import { divisionType, type DisclosureConfig } from '../../kernel/config';
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import { randomInt } from 'crypto';
import type { Actor, AdminUser } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import type { ConsultationArticle, DraftUnit } from '../../../../shared/consultations/contracts';
import { countsOf, type DecidedComment } from '../../../../shared/consultations/summary';
import { phaseOf, type PhaseFacts } from '../domain/period';
import {
  decide,
  type ConsultationAction,
  type ConsultationFacts,
  type ConsultationState,
} from '../domain/transitions';
import type { CaseStepDetails } from '../../kernel/services/audit';
import { getService } from '../../get-service';

/** An article a consultation made, as the host's port created it. */
export interface ArticleRef {
  contentType: string;
  documentId: string;
  locale: string;
}

export interface StoredSummary {
  title: string;
  text: string;
  draftedBy: { id: number | null; name: string };
  draftedAt: string;
  /** The adoption decisions the text was drafted from (see decisionsHashOf). */
  decisionsHash: string;
  article: ArticleRef | null;
}

export interface ConsultationRow {
  /** The row's id: staff's (admin routes, audit trail, comments); never in a public answer. */
  id: number;
  /**
   * The public id: the website's routes and answers name a consultation by it. Random (Strapi's
   * documentId, assigned when the row is created, unique), so it tells nothing of the others.
   */
  documentId: string;
  title: string;
  division: string;
  purpose: string;
  draftText: string;
  units: Array<DraftUnit & { heading?: string }>;
  draftFile?: { id: number; name: string; url: string } | null;
  opensOn: string;
  closesOn: string;
  isMajorDecision: boolean;
  shortenedReason: string | null;
  state: ConsultationState;
  announcement: ArticleRef | null;
  closedOn: string | null;
  closeReason: string | null;
  summary: StoredSummary | null;
  commentCount: number;
}

export interface CommentRow extends DecidedComment {
  id: number;
  consultationId: number;
  text: string;
  name: string;
  phone: string | null;
  email: string | null;
  organisation: string | null;
  receivedAt: string;
  receivedOn: string;
  moderationReason: string | null;
  moderatedBy: { id: number | null; name: string } | null;
  decidedBy: { id: number | null; name: string } | null;
}

/** Whoever manages consultations: their division's code, null for none (the coordinator). */
export interface ConsultationViewer extends AdminUser {
  division: string | null;
}

/** What the website and the pages know of an article: its review and publication. */
export interface ArticleStatus extends ConsultationArticle {
  published: boolean;
}

/** 《title》, as sentences name a consultation. */
export const labelOf = (row: Pick<ConsultationRow, 'title'>) => `《${row.title}》`;

/** The decisions a summary is drafted from: a change to any makes the drafted text stale. */
export const decisionsHashOf = (comments: readonly CommentRow[]) =>
  sha256(
    canonicalJson(
      comments.map((comment) => ({
        id: comment.id,
        rejected: comment.moderation === 'rejected',
        adoption: comment.adoption,
        reason: comment.adoptionReason,
      }))
    )
  );

/** A new public id, as Strapi's (24 lowercase letters and digits, a letter first). */
export const newDocumentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = alphabet[randomInt(26)];
  while (id.length < 24) id += alphabet[randomInt(alphabet.length)];
  return id;
};

/** A stored date column as YYYY-MM-DD (PostgreSQL hands back Date objects). */
const day = (value: unknown) => toDateOnly(value) ?? String(value);

/** The row with its dates as YYYY-MM-DD. */
const normalised = (row: ConsultationRow): ConsultationRow => ({
  ...row,
  opensOn: day(row.opensOn),
  closesOn: day(row.closesOn),
  closedOn: row.closedOn ? day(row.closedOn) : null,
});

/**
 * The records of consultations (调查征集), shared by every verb: the personal-data key, one
 * consultation as a viewer may see it (another division's is a 404), its comments, the review
 * state of its articles, the step each verb takes (the consultation's lock, the transition table,
 * the audit trail) and the port through which the app turns an announcement or a summary into a
 * draft article.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.consultation);
  const comments = () => strapi.db.query(UID.consultationComment);
  const config = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);

  return {
    /**
     * The personal-data key (the kernel's), or an error naming the missing setting; 503 while it
     * is not the key of the stored data.
     */
    key(): Buffer {
      return getService(strapi, 'personal-data').key(
        'Comments cannot be taken: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
      );
    },

    /** The shortest period of a major decision, in days (config, 30 by default). */
    minimumDays(): number {
      const days = config().consultations?.minimumDaysForMajorDecisions;
      return typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : 30;
    },

    publisherName(): string {
      return config().publisherName;
    },

    /** The viewer: their division's code (null: every division's consultations). */
    async viewerOf(user: AdminUser): Promise<ConsultationViewer> {
      return { ...user, division: await this.divisionCodeOf(Number(user.id)) };
    },

    /** Whether the viewer may manage consultations (RBAC); the routes check it first. */
    canManage(ability: { can(action: string): boolean }) {
      return ability.can(ACTIONS.manageConsultations);
    },

    /** The code of the division an admin user belongs to, or null for none. */
    async divisionCodeOf(userId: number): Promise<string | null> {
      const documentId = await getService(strapi, 'staff').divisionOf(userId);
      const type = divisionType(strapi);
      if (!documentId || !type) return null;
      const department = await strapi
        .documents(type)
        .findFirst({ filters: { documentId }, status: 'draft', fields: ['code'] });
      return department ? String(department.code) : null;
    },

    /**
     * Every division's name by its code (none when the host has no divisions): as drafted for
     * staff, as published for the website.
     */
    async divisionNames(status: 'draft' | 'published' = 'draft'): Promise<Map<string, string>> {
      const type = divisionType(strapi);
      if (!type) return new Map();
      const all = await strapi.documents(type).findMany({
        status,
        fields: ['name', 'code'],
        sort: ['sortOrder:asc', 'code:asc'],
        limit: 1000,
      });
      return new Map(all.map((entry) => [String(entry.code), String(entry.name)]));
    },

    /** The consultation, or 404. */
    async find(id: number): Promise<ConsultationRow> {
      const row: ConsultationRow | null = await rows().findOne({
        where: { id },
        populate: { draftFile: { select: ['id', 'name', 'url'] } },
      });
      if (!row) throw new errors.NotFoundError(`No consultation ${id}.`);
      return normalised(row);
    },

    /**
     * The consultation the website names by its public id, or null: the caller answers the same
     * 404 for none and for one not published. A numeric id is no public id.
     */
    async findByDocumentId(documentId: string): Promise<ConsultationRow | null> {
      if (!/^[0-9a-z]{1,64}$/.test(documentId)) return null;
      const found: { id: number } | null = await rows().findOne({
        where: { documentId },
        select: ['id'],
      });
      return found ? this.find(found.id) : null;
    },

    /**
     * Gives a public id to every consultation without one (rows written before Strapi assigned
     * one, or straight to the table): run at bootstrap, a no-op once all have one.
     */
    async assignDocumentIds(): Promise<number> {
      const missing: Array<{ id: number }> = await rows().findMany({
        where: { $or: [{ documentId: null }, { documentId: '' }] },
        select: ['id'],
      });
      for (const { id } of missing) {
        await rows().update({ where: { id }, data: { documentId: newDocumentId() } as never });
      }
      return missing.length;
    },

    /** Every consultation, oldest first (a bureau holds a handful a year). */
    async all(where: Record<string, unknown> = {}): Promise<ConsultationRow[]> {
      const found: ConsultationRow[] = await rows().findMany({
        where,
        orderBy: [{ opensOn: 'asc' }, { id: 'asc' }],
      });
      return found.map(normalised);
    },

    /** Another division's consultation is the same 404 as an unknown one. */
    async findFor(id: number, viewer: ConsultationViewer): Promise<ConsultationRow> {
      const row = await this.find(id);
      if (viewer.division !== null && viewer.division !== row.division) {
        throw new errors.NotFoundError(`No consultation ${id}.`);
      }
      return row;
    },

    /** The comments of a consultation by number. */
    async commentsOf(consultationId: number): Promise<CommentRow[]> {
      const found: CommentRow[] = await comments().findMany({
        where: { consultationId },
        orderBy: { number: 'asc' },
      });
      return found.map((comment) => ({
        ...comment,
        anchor: comment.anchor ?? null,
        adoption: comment.adoption ?? null,
        receivedOn: day(comment.receivedOn),
      }));
    },

    /** One comment of a consultation, or 404. */
    async commentOf(consultationId: number, commentId: number): Promise<CommentRow> {
      const comment = (await this.commentsOf(consultationId)).find(
        (candidate) => candidate.id === commentId
      );
      if (!comment) throw new errors.NotFoundError(`No comment ${commentId} on this consultation.`);
      return comment;
    },

    /**
     * Whether an article is published now, and the date it was first published. Reads the
     * published row itself (not the Document Service, which the website's requests may only ask
     * for published versions).
     */
    async publication(
      ref: ArticleRef
    ): Promise<{ published: boolean; publishedOn: string | null }> {
      const where: Record<string, unknown> = {
        documentId: ref.documentId,
        publishedAt: { $notNull: true },
      };
      if (ref.locale) where.locale = ref.locale;
      const attributes = strapi.contentType(ref.contentType as never)?.attributes ?? {};
      const published = (await strapi.db.query(ref.contentType as never).findOne({
        where,
        select: ['publishedAt', ...('firstPublishedAt' in attributes ? ['firstPublishedAt'] : [])],
      })) as { publishedAt: string; firstPublishedAt?: string | null } | null;
      const at = published?.firstPublishedAt ?? published?.publishedAt ?? null;
      return { published: Boolean(published), publishedOn: at ? beijingDate(new Date(at)) : null };
    },

    /** An article's review state (the review row when its type is under review) and publication. */
    async articleStatus(ref: ArticleRef): Promise<ArticleStatus> {
      const publication = await this.publication(ref);
      const reviewState = getService(strapi, 'review-state');
      const state = reviewState.isGated(ref.contentType)
        ? await reviewState.stateOf(ref.contentType, ref.documentId, ref.locale)
        : publication.published
          ? 'published'
          : 'draft';
      return { ...ref, reviewState: state, ...publication };
    },

    /** What the phase and the public read: whether the announcement and the summary are published. */
    async phaseFactsOf(row: ConsultationRow): Promise<PhaseFacts> {
      const announcement = row.announcement ? await this.publication(row.announcement) : null;
      const summary = row.summary?.article ? await this.publication(row.summary.article) : null;
      return {
        state: row.state,
        opensOn: row.opensOn,
        closesOn: row.closesOn,
        announcementPublished: Boolean(announcement?.published),
        summaryPublished: Boolean(summary?.published),
      };
    },

    async phaseOf(row: ConsultationRow, today = beijingDate(new Date())) {
      return phaseOf(await this.phaseFactsOf(row), today);
    },

    /** What the transition table reads. */
    async factsOf(row: ConsultationRow, all?: CommentRow[]): Promise<ConsultationFacts> {
      const list = all ?? (await this.commentsOf(row.id));
      return {
        label: labelOf(row),
        state: row.state,
        closesOn: row.closesOn,
        announcementPublished: (await this.phaseFactsOf(row)).announcementPublished,
        undecided: countsOf(list).undecided,
        summaryStale: Boolean(row.summary && row.summary.decisionsHash !== decisionsHashOf(list)),
      };
    },

    /** Runs one step of a consultation alone: its lock and a transaction. */
    locked<T>(id: number, fn: () => Promise<T>): Promise<T> {
      return serialize(strapi, `disclosure-consultation:${id}`, fn);
    },

    /**
     * One step, as every verb takes it: under the consultation's lock and in its transaction,
     * the consultation re-read as the viewer may see it (another division's: 404), the transition
     * table asked (a refusal is a 400 with its sentence), then `apply` writes the step.
     */
    step<T>(
      id: number,
      action: ConsultationAction,
      viewer: ConsultationViewer,
      apply: (row: ConsultationRow, next: ConsultationState, all: CommentRow[]) => Promise<T>
    ): Promise<T> {
      return this.locked(id, async () => {
        const row = await this.findFor(id, viewer);
        const all = await this.commentsOf(id);
        const facts = await this.factsOf(row, all);
        return apply(row, nextOrRefuse(decide(facts, action, beijingDate(new Date()))), all);
      });
    },

    /** Writes fields of a consultation (inside its step). */
    async save(row: Pick<ConsultationRow, 'id'>, data: Partial<ConsultationRow>): Promise<void> {
      await rows().update({ where: { id: row.id }, data: data as never });
    },

    /** Writes one step to the audit trail (the consultation's id is its documentId). */
    async record(
      row: Pick<ConsultationRow, 'id' | 'state'>,
      action: string,
      actor: Actor,
      extra: CaseStepDetails = {}
    ) {
      await getService(strapi, 'audit').caseStep(
        { contentType: UID.consultation, id: String(row.id), state: row.state },
        action,
        actor,
        extra
      );
    },
  };
};
