import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import { actorFromUser, type Ability, type AdminUser } from '../../kernel/services/actor';
import { beijingDate } from '../../../../shared/kernel/dates';
import {
  ADOPTION_LABELS,
  type AdoptionBody,
  type CloseBody,
  type ConsultationBody,
  type DraftUnit,
  type ModerationBody,
  type SummaryBody,
} from '../../../../shared/consultations/contracts';
import { summaryTextOf, summaryTitleOf } from '../../../../shared/consultations/summary';
import { splitDraft } from '../../../../shared/consultations/units';
import { daysOf, isShortened, periodProblem } from '../domain/period';
import { invalid } from '../validation';
import {
  decisionsHashOf,
  labelOf,
  type ArticleRef,
  type ConsultationRow,
  type ConsultationViewer,
  type StoredSummary,
} from './consultations';
import { getService } from '../../get-service';

/** What the app makes of an announcement or a summary: a draft article in 调查征集. */
export interface ConsultationArticleInput {
  kind: 'announcement' | 'summary';
  consultationId: number;
  title: string;
  /** 内容概述. */
  summary: string;
  /** The body, one paragraph per entry. */
  paragraphs: string[];
  /** The consultation's division's code. */
  division: string;
  publisherName: string;
  /** 生成日期. */
  dateFormed: string;
  /** The draft's file (an upload's id) to attach, for the announcement. */
  fileId: number | null;
}
export type ConsultationArticleConverter = (input: ConsultationArticleInput) => Promise<ArticleRef>;

const today = () => beijingDate(new Date());

const MODERATION_TEXT = { hidden: '不公开', public: '公开显示', rejected: '无效意见' } as const;

/** The text of the announcement article: the purpose, the period, how to comment, the draft. */
const announcementParagraphs = (row: ConsultationRow) => [
  ...row.purpose.split('\n').filter((line) => line.trim()),
  `征求意见时间：${row.opensOn}至${row.closesOn}。`,
  '意见提交方式：请通过本网站“调查征集”栏目在线提交，可以针对征求意见稿的具体条款发表意见。提交意见时请留下姓名和联系方式，以便联系；联系方式不予公开。',
  `附件：《${row.title}》`,
  ...row.units.flatMap((unit) => [
    ...(unit.heading ? [unit.heading] : []),
    ...unit.text.split('\n'),
  ]),
];

/**
 * The steps of a consultation (调查征集): created and edited as a draft by its division (or the
 * coordinator), announced (the announcement becomes a draft article in 调查征集 through the app's
 * port, then the normal review publishes it — the consultation is open while it is published and
 * today is within the period), comments moderated and decided, closed, the summary (意见采纳情况)
 * drafted from the decisions, edited, and submitted as a second article through the review. Each
 * step is checked by the transition table under the consultation's lock, and audited.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => getService(strapi, 'consultations');
  const rows = () => strapi.db.query(UID.consultation);
  let converter: ConsultationArticleConverter | null = null;

  const convert = (input: ConsultationArticleInput) => {
    if (!converter)
      throw new errors.ApplicationError('No publication of consultations is configured.');
    return converter(input);
  };

  /** The draft's units, or a 400 naming draftText. */
  const unitsOf = (text: string) => {
    const result = splitDraft(text);
    if (!result.ok) throw invalid(`"draftText": ${result.problem}`, 'draftText');
    return result.units;
  };

  /**
   * The period checked: a major decision shorter than the minimum needs the reason, which only
   * the coordinator (staff without a division) records. Returns the reason to store.
   */
  const checkedPeriod = (
    period: Pick<ConsultationBody, 'opensOn' | 'closesOn' | 'isMajorDecision' | 'shortenedReason'>,
    viewer: ConsultationViewer
  ): string | null => {
    const facts = {
      opensOn: period.opensOn,
      closesOn: period.closesOn,
      isMajorDecision: Boolean(period.isMajorDecision),
      shortenedReason: period.shortenedReason?.trim() || null,
    };
    const minimum = consultations().minimumDays();
    const problem = periodProblem(facts, minimum);
    if (problem) throw invalid(problem.message, problem.field);
    if (!isShortened(facts, minimum)) return null;
    if (viewer.division !== null) {
      throw new errors.PolicyError(
        `Only the coordinator (政务公开协调员) may shorten a major decision’s consultation below ${minimum} days, recording why.`
      );
    }
    return facts.shortenedReason;
  };

  const checkedFile = async (id: number | null | undefined) => {
    if (id === undefined || id === null) return id ?? null;
    const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (!file) throw invalid(`"draftFile": no uploaded file ${id}.`, 'draftFile');
    return id;
  };

  /** Submits an article for the review when the actor may; otherwise it waits in the Content Manager. */
  const submitForReview = async (ref: ArticleRef, user: AdminUser, ability: Ability) => {
    const reviews = getService(strapi, 'reviews');
    const allowed = await reviews.allowedActions(
      ref.contentType,
      ref.documentId,
      ref.locale,
      user,
      ability
    );
    if (!allowed.includes('submit')) return false;
    await reviews.transition({
      uid: ref.contentType,
      documentId: ref.documentId,
      locale: ref.locale,
      action: 'submit',
      user,
      ability,
    });
    return true;
  };

  return {
    /** The app's port: how an announcement or a summary becomes a draft article (bootstrap). */
    registerArticles(convertArticle: ConsultationArticleConverter) {
      converter = convertArticle;
    },

    /**
     * A new consultation, as a draft: staff of a division create their division's; the
     * coordinator names the division. 400 naming the field for a draft without units, a period
     * ending before it starts, or a major decision's period under the minimum without the
     * coordinator's reason.
     */
    async create(
      input: ConsultationBody,
      viewer: ConsultationViewer
    ): Promise<{ id: number; documentId: string }> {
      const actor = actorFromUser(viewer);
      if (viewer.division && input.division && input.division !== viewer.division) {
        throw new errors.PolicyError('You create consultations of your own division only.');
      }
      const code = viewer.division ?? input.division;
      if (!code)
        throw invalid('"division" is required: the division (处室) consulting.', 'division');
      const division = await getService(strapi, 'staff').divisionByCode(code);
      if (!division)
        throw invalid(`"division" must be the code of a division: no "${code}".`, 'division');
      const units = unitsOf(input.draftText);
      const shortenedReason = checkedPeriod(input, viewer);
      const draftFile = await checkedFile(input.draftFile);
      const row: ConsultationRow = await rows().create({
        data: {
          title: input.title.trim(),
          division: division.code,
          purpose: input.purpose.trim(),
          draftText: input.draftText,
          units,
          draftFile,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          isMajorDecision: Boolean(input.isMajorDecision),
          shortenedReason,
          state: 'draft',
          announcement: null,
          closedOn: null,
          closeReason: null,
          summary: null,
          commentCount: 0,
        },
      });
      await consultations().record(row, 'created', actor, {
        reason: `${labelOf(row)}，${division.name}，${input.opensOn}至${input.closesOn}（${daysOf(input.opensOn, input.closesOn)}天）${shortenedReason ? `；缩短征求意见期限的理由：${shortenedReason}` : ''}`,
      });
      return { id: row.id, documentId: row.documentId };
    },

    /** Changes a draft consultation (its text, file, period); the same checks as creating it. */
    async edit(id: number, changes: Partial<ConsultationBody>, viewer: ConsultationViewer) {
      const actor = actorFromUser(viewer);
      await consultations().step(id, 'edit', viewer, async (row) => {
        if (changes.division && changes.division !== row.division) {
          if (viewer.division !== null) {
            throw new errors.PolicyError('You keep consultations in your own division.');
          }
          if (!(await getService(strapi, 'staff').divisionByCode(changes.division))) {
            throw invalid(
              `"division" must be the code of a division: no "${changes.division}".`,
              'division'
            );
          }
        }
        const merged = {
          opensOn: changes.opensOn ?? row.opensOn,
          closesOn: changes.closesOn ?? row.closesOn,
          isMajorDecision: changes.isMajorDecision ?? row.isMajorDecision,
          shortenedReason:
            changes.shortenedReason === undefined ? row.shortenedReason : changes.shortenedReason,
        };
        const data: Omit<Partial<ConsultationRow>, 'draftFile'> & { draftFile?: number | null } = {
          ...merged,
          shortenedReason: checkedPeriod(merged, viewer),
        };
        if (changes.title !== undefined) data.title = changes.title.trim();
        if (changes.purpose !== undefined) data.purpose = changes.purpose.trim();
        if (changes.division !== undefined) data.division = changes.division;
        if (changes.draftText !== undefined) {
          data.draftText = changes.draftText;
          data.units = unitsOf(changes.draftText);
        }
        if (changes.draftFile !== undefined) data.draftFile = await checkedFile(changes.draftFile);
        await consultations().save(row, data as never);
        await consultations().record(row, 'edited', actor, {
          reason: Object.keys(changes).join(', '),
        });
      });
    },

    /**
     * Announces the consultation: its announcement (the purpose, the period, the draft and its
     * file) becomes a draft article in 调查征集, submitted to the review when the actor may
     * submit (else it waits in the Content Manager). The consultation opens once the review
     * publishes it, on `opensOn`.
     */
    async announce(id: number, viewer: ConsultationViewer, ability: Ability) {
      const actor = actorFromUser(viewer);
      const ref = await consultations().step(id, 'announce', viewer, async (row, next) => {
        const article = await convert({
          kind: 'announcement',
          consultationId: row.id,
          title: `关于公开征求《${row.title}》意见的公告`.slice(0, 255),
          summary: `就《${row.title}》公开征求社会意见，征求意见时间${row.opensOn}至${row.closesOn}。`,
          paragraphs: announcementParagraphs(row),
          division: row.division,
          publisherName: consultations().publisherName(),
          dateFormed: today(),
          fileId: row.draftFile?.id ?? null,
        });
        await consultations().save(row, { state: next, announcement: article });
        await consultations().record(row, 'announced', actor, {
          toState: next,
          reason: `${article.contentType} ${article.documentId}`,
          contentHash: sha256(canonicalJson(row.units)),
        });
        return article;
      });
      // After the step commits: into the review, as the author.
      await submitForReview(ref, viewer, ability);
    },

    /**
     * Moderates a comment: shown publicly, hidden (the default) or rejected (无效意见, with the
     * reason: spam, off-topic). Whether a comment counts (rejected or not) is fixed once the
     * summary went to the review; showing or hiding it stays possible.
     */
    async moderate(
      id: number,
      commentId: number,
      input: ModerationBody,
      viewer: ConsultationViewer
    ) {
      const actor = actorFromUser(viewer);
      await consultations().step(id, 'moderate', viewer, async (row) => {
        const comment = await consultations().commentOf(id, commentId);
        const countChanges =
          (comment.moderation === 'rejected') !== (input.moderation === 'rejected');
        if (countChanges && row.state === 'summary_submitted') {
          throw invalid(
            'The summary went to the review counting this comment as it was: it can be shown or hidden, not rejected or restored.',
            'moderation'
          );
        }
        await strapi.db.query(UID.consultationComment).update({
          where: { id: commentId },
          data: {
            moderation: input.moderation,
            moderationReason: input.reason?.trim() || null,
            moderatedBy: { id: actor.id, name: actor.name },
          },
        });
        await consultations().record(row, 'comment_moderated', actor, {
          reason: `意见${comment.number}：${MODERATION_TEXT[input.moderation]}${input.reason ? `（${input.reason}）` : ''}`,
        });
      });
    },

    /** Records whether a comment is adopted (采纳 / 部分采纳 / 未采纳 with the reason). */
    async recordAdoption(
      id: number,
      commentId: number,
      input: AdoptionBody,
      viewer: ConsultationViewer
    ) {
      const actor = actorFromUser(viewer);
      await consultations().step(id, 'record_adoption', viewer, async (row) => {
        const comment = await consultations().commentOf(id, commentId);
        if (comment.moderation === 'rejected') {
          throw invalid(
            `Comment ${comment.number} was rejected (无效意见): restore it before deciding on it.`,
            'adoption'
          );
        }
        await strapi.db.query(UID.consultationComment).update({
          where: { id: commentId },
          data: {
            adoption: input.adoption,
            adoptionReason: input.adoption === 'adopted' ? null : input.reason!.trim(),
            decidedBy: { id: actor.id, name: actor.name },
          },
        });
        await consultations().record(row, 'adoption_recorded', actor, {
          reason: `意见${comment.number}：${ADOPTION_LABELS[input.adoption]}${input.reason ? `（${input.reason}）` : ''}`,
        });
      });
    },

    /** Closes the consultation: no more comments. Before the period ends, with the reason. */
    async close(id: number, input: CloseBody, viewer: ConsultationViewer) {
      const actor = actorFromUser(viewer);
      await consultations().step(id, 'close', viewer, async (row, next) => {
        const early = today() <= row.closesOn;
        const reason = input.reason?.trim() || null;
        if (early && !reason) {
          throw invalid(
            `The period of ${labelOf(row)} runs until ${row.closesOn}: "reason" is required to close it early.`,
            'reason'
          );
        }
        await consultations().save(row, { state: next, closedOn: today(), closeReason: reason });
        await consultations().record(row, 'closed', actor, { toState: next, reason });
      });
    },

    /**
     * Drafts (or redrafts) the summary (意见采纳情况): the given text, or the text generated from
     * the adoption decisions. Every comment not rejected needs its decision first.
     */
    async draftSummary(id: number, input: SummaryBody, viewer: ConsultationViewer) {
      const actor = actorFromUser(viewer);
      await consultations().step(id, 'draft_summary', viewer, async (row, next, all) => {
        const generated = summaryTextOf({
          title: row.title,
          publisher: consultations().publisherName(),
          opensOn: row.opensOn,
          closesOn: row.closedOn && row.closedOn < row.closesOn ? row.closedOn : row.closesOn,
          units: row.units as DraftUnit[],
          comments: all,
        });
        const summary: StoredSummary = {
          title: summaryTitleOf(row.title),
          text: input.text?.trim() || generated,
          draftedBy: { id: actor.id, name: actor.name },
          draftedAt: new Date().toISOString(),
          decisionsHash: decisionsHashOf(all),
          article: null,
        };
        await consultations().save(row, { state: next, summary });
        await consultations().record(row, 'summary_drafted', actor, {
          toState: next,
          contentHash: sha256(summary.text),
        });
      });
    },

    /**
     * Submits the summary: it becomes a draft article in 调查征集, submitted to the review when
     * the actor may. The website shows it once the review publishes it.
     */
    async submitSummary(id: number, viewer: ConsultationViewer, ability: Ability) {
      const actor = actorFromUser(viewer);
      const ref = await consultations().step(
        id,
        'submit_summary',
        viewer,
        async (row, next, all) => {
          const summary = row.summary!;
          const counts = all.filter((comment) => comment.moderation !== 'rejected');
          const article = await convert({
            kind: 'summary',
            consultationId: row.id,
            title: summary.title.slice(0, 255),
            summary: `《${row.title}》公开征求意见收到意见${all.length}条，采纳${counts.filter((c) => c.adoption === 'adopted').length}条。`,
            paragraphs: summary.text.split('\n').filter((line) => line.trim()),
            division: row.division,
            publisherName: consultations().publisherName(),
            dateFormed: today(),
            fileId: null,
          });
          await consultations().save(row, { state: next, summary: { ...summary, article } });
          await consultations().record(row, 'summary_submitted', actor, {
            toState: next,
            reason: `${article.contentType} ${article.documentId}`,
            contentHash: sha256(summary.text),
          });
          return article;
        }
      );
      await submitForReview(ref, viewer, ability);
    },
  };
};
