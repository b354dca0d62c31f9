import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { canonicalJson, sha256 } from '../../kernel/domain/canonical';
import { actorFromUser } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import {
  FEEDBACK_LABELS,
  KIND_LABELS,
  PUBLICATION_LABELS,
  RESULT_CLASS_LABELS,
  type AssignProposalBody,
  type DraftProposalReplyBody,
  type FeedbackBody,
  type OpinionBody,
  type ProposalKind,
  type ProposalPublication,
  type PublicationBody,
  type RegisterProposalBody,
  type SendProposalReplyBody,
} from '../../../../shared/proposals/contracts';
import { chineseDate, fillProposalTemplate } from '../../../../shared/proposals/reply-templates';
import {
  addMonths,
  factsOf,
  labelOf,
  PUBLICATION_WORKING_DAYS,
  SECOND_REPLY_MONTHS,
  type ProposalRow,
  type StoredCoHandler,
  type StoredProposer,
  type StoredReply,
} from '../domain/proposal';
import { afterFeedback } from '../domain/transitions';
import { proposalMail } from '../mail';
import { invalid } from '../validation';
import { checkReviewed, clearedReply, returnedReply } from '../../kernel/reply-clearance';
import { replyMonthsOf, type ProposalViewer } from './proposals';
import { getService } from '../../get-service';

/** What the app makes of a published reply: a draft item in its 建议提案办理 column. */
export interface ReplyArticleInput {
  proposalId: number;
  kind: ProposalKind;
  kindLabel: string;
  term: string;
  meeting: string;
  number: string;
  title: string;
  mode: 'full' | 'summary';
  /** The letter's text (全文) or the summary (摘要) to publish. */
  text: string;
  subject: string;
  repliedOn: string;
  /** The lead division's code. */
  division: string;
  publisherName: string;
}
export type ReplyArticleConverter = (
  input: ReplyArticleInput
) => Promise<{ contentType: string; documentId: string; locale: string }>;

const today = () => beijingDate(new Date());

/**
 * The steps of a suggestion or proposal: registered and assigned by the coordinator (交办), the
 * co-handlers' opinions to the lead (协办意见), the reply letter drafted from the kind's template,
 * cleared or returned by a 保密审查员 other than its drafter, sent, rated by the deputy or member
 * (不满意 on the first reply reopens the case), and its publication decided (全文 / 摘要 as a
 * draft item in 建议提案办理 through the app's port, or 不公开 with the reason). Each step is
 * checked by the transition table under the case's lock; mail goes after it commits.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const proposals = () => getService(strapi, 'proposals');
  const rows = () => strapi.db.query(UID.proposal);
  const config = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
  let converter: ReplyArticleConverter | null = null;

  const hashOf = (reply: Pick<StoredReply, 'round' | 'resultClass' | 'subject' | 'body'>) =>
    sha256(
      canonicalJson({
        round: reply.round,
        resultClass: reply.resultClass,
        subject: reply.subject,
        body: reply.body,
      })
    );

  const replyOf = (row: ProposalRow): StoredReply => {
    if (!row.reply) throw new errors.ValidationError(`${labelOf(row)} has no reply.`);
    return row.reply;
  };

  /** The co-handler divisions, checked: each a division, none the lead, each once. */
  const checkedCoHandlers = async (lead: string, codes: readonly string[] = []) => {
    const unique = [...new Set(codes)];
    if (unique.includes(lead)) {
      throw invalid('"coHandlers" must not list the lead division (主办).', 'coHandlers');
    }
    for (const code of unique) await proposals().checkDivision(code, 'coHandlers');
    return unique;
  };

  const names = async (codes: readonly string[]) => {
    const known = await proposals().divisionNames();
    return codes.map((code) => `${known.get(code) ?? code}（${code}）`).join('、');
  };

  /** A date of a step: given (not before `after`) or today. */
  const dateOf = (given: string | undefined, after: string | null, field: string, what: string) => {
    const date = given ?? today();
    if (after && date < after)
      throw invalid(`"${field}" must be on or after ${what} (${after}).`, field);
    return date;
  };

  return {
    /** The app's port: how a published reply becomes a draft item (registered at bootstrap). */
    registerReplyArticle(convert: ReplyArticleConverter) {
      converter = convert;
    },

    /**
     * Registers and assigns a suggestion or proposal (交办): the lead division, the co-handlers,
     * the due date (`replyMonths` after the assignment unless given). 400 for an unknown division
     * or a number already registered for the same kind, term and meeting.
     */
    async register(input: RegisterProposalBody, viewer: ProposalViewer): Promise<{ id: number }> {
      const actor = actorFromUser(viewer);
      proposals().key(); // 400 naming the setting when there is no key
      const personalData = getService(strapi, 'personal-data');
      const lead = await proposals().checkDivision(input.lead, 'lead');
      const coHandlers = await checkedCoHandlers(input.lead, input.coHandlers);
      const assignedOn = input.assignedOn ?? today();
      const dueDate = input.dueDate ?? addMonths(assignedOn, replyMonthsOf(strapi));
      const proposers: StoredProposer[] = input.proposers.map((proposer) => ({
        name: proposer.name.trim(),
        delegation: proposer.delegation?.trim() || null,
        phone: proposer.phone ? personalData.encrypt(proposer.phone) : null,
        email: proposer.email ? personalData.encrypt(proposer.email) : null,
        address: proposer.address?.trim() ? personalData.encrypt(proposer.address.trim()) : null,
      }));
      const identity = {
        kind: input.kind,
        term: input.term.trim(),
        meeting: input.meeting.trim(),
        number: String(Number(input.number)),
      };
      return serialize(strapi, 'disclosure-proposal-register', async () => {
        if (await rows().findOne({ where: identity })) {
          throw invalid(
            `${labelOf(identity)} is already registered: "number" must be new for its kind, term and meeting.`,
            'number'
          );
        }
        const row: ProposalRow = await rows().create({
          data: {
            ...identity,
            title: input.title.trim(),
            content: input.content,
            proposers,
            lead: lead.code,
            coHandlers: coHandlers.map((division): StoredCoHandler => ({
              division,
              opinion: null,
              submittedBy: null,
              submittedAt: null,
            })),
            state: 'assigned',
            round: 1,
            assignedOn,
            dueDate,
            reply: null,
            previousReplies: [],
          },
        });
        await proposals().record(row, 'registered', actor, {
          reason: `${KIND_LABELS[row.kind]}《${row.title}》`,
        });
        await proposals().record(row, 'assigned', actor, {
          reason: `主办：${lead.name}（${lead.code}）${coHandlers.length ? `；协办：${await names(coHandlers)}` : ''}；办理期限 ${dueDate}`,
        });
        return { id: row.id };
      });
    },

    /** Changes the lead, the co-handlers or the due date before the reply is sent (改办). */
    async assign(id: number, input: AssignProposalBody, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      const lead = await proposals().checkDivision(input.lead, 'lead');
      const codes = await checkedCoHandlers(input.lead, input.coHandlers);
      await proposals().step(id, 'assign', viewer, ['coordinator'], async (row) => {
        const dueDate = input.dueDate ?? toDateOnly(row.dueDate) ?? row.dueDate;
        if (dueDate < (toDateOnly(row.assignedOn) ?? row.assignedOn)) {
          throw invalid('"dueDate" must be on or after the assignment date.', 'dueDate');
        }
        // A co-handler kept keeps its opinion.
        const kept = row.coHandlers ?? [];
        const coHandlers = codes.map(
          (division): StoredCoHandler =>
            kept.find((co) => co.division === division) ?? {
              division,
              opinion: null,
              submittedBy: null,
              submittedAt: null,
            }
        );
        await proposals().save(row, { lead: lead.code, coHandlers, dueDate });
        await proposals().record(row, 'assigned', actor, {
          reason: `主办：${lead.name}（${lead.code}）${codes.length ? `；协办：${await names(codes)}` : ''}；办理期限 ${dueDate}`,
        });
      });
    },

    /**
     * A co-handler division's opinion to the lead (协办意见), replacing its earlier one. Someone
     * without a division names the co-handler; a division staff member speaks for their own.
     */
    async submitOpinion(id: number, input: OpinionBody, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      await proposals().step(id, 'submit_opinion', viewer, ['co_handler'], async (row) => {
        const division = viewer.division ?? input.division;
        const coHandlers = row.coHandlers ?? [];
        if (!division || !coHandlers.some((co) => co.division === division)) {
          throw invalid(
            `"division" must name a co-handler division of ${labelOf(row)}: ${coHandlers.map((co) => co.division).join(', ')}.`,
            'division'
          );
        }
        if (viewer.division && input.division && input.division !== viewer.division) {
          throw new errors.PolicyError('You send the opinion of your own division only.');
        }
        const updated = coHandlers.map((co) =>
          co.division === division
            ? {
                ...co,
                opinion: input.text,
                submittedBy: { id: actor.id, name: actor.name },
                submittedAt: new Date().toISOString(),
              }
            : co
        );
        await proposals().save(row, { coHandlers: updated });
        await proposals().record(row, 'opinion_submitted', actor, {
          reason: await names([division]),
        });
      });
    },

    /**
     * Drafts (or redrafts) the reply letter of the current round: the kind's template filled in
     * with the answer, unless the subject or body is given. A cleared reply redrafted needs the
     * review again.
     */
    async draftReply(id: number, input: DraftProposalReplyBody, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      await proposals().step(id, 'draft_reply', viewer, ['lead'], async (row) => {
        const template = await getService(strapi, 'proposal-templates').get(row.kind);
        const values = {
          proposers: row.proposers.map((proposer) => proposer.name).join('、'),
          kindLabel: KIND_LABELS[row.kind],
          term: row.term,
          meeting: row.meeting,
          number: row.number,
          title: row.title,
          answer: input.answer,
          resultClass: RESULT_CLASS_LABELS[input.resultClass],
          replyDate: chineseDate(today()),
          bureau: config().publisherName,
        };
        const letter = {
          round: row.round,
          resultClass: input.resultClass,
          subject: input.subject?.trim() || fillProposalTemplate(template.subject, values),
          body: input.body?.trim() || fillProposalTemplate(template.body, values),
        };
        const reply: StoredReply = {
          ...letter,
          answer: input.answer,
          state: 'draft',
          hash: hashOf(letter),
          draftedBy: { id: actor.id, name: actor.name },
          draftedAt: new Date().toISOString(),
          clearedBy: null,
          clearedAt: null,
          clearedHash: null,
          returnedReason: null,
          sentOn: null,
          feedback: null,
          feedbackOn: null,
          feedbackComment: null,
          publication: null,
          publicationDueDate: null,
        };
        await proposals().save(row, { reply });
        await proposals().record(row, 'reply_drafted', actor, {
          reason: `第${row.round}次答复，${input.resultClass}类`,
          contentHash: reply.hash,
        });
      });
      await proposalMail(strapi).replyStep('drafted', await proposals().find(id));
    },

    /** 保密审查 passed: by someone holding the right who did not draft it (four eyes). */
    async clearReply(id: number, { hash }: { hash: string }, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      await proposals().step(id, 'clear_reply', viewer, ['reviewer'], async (row) => {
        const reply = replyOf(row);
        checkReviewed(reply, hash);
        await proposals().save(row, { reply: clearedReply(reply, actor) });
        await proposals().record(row, 'reply_cleared', actor, { contentHash: reply.hash });
      });
      await proposalMail(strapi).replyStep('cleared', await proposals().find(id));
    },

    /** Sends the draft back to its drafter with a reason. */
    async returnReply(
      id: number,
      { hash, reason }: { hash: string; reason: string },
      viewer: ProposalViewer
    ) {
      const actor = actorFromUser(viewer);
      await proposals().step(id, 'return_reply', viewer, ['reviewer'], async (row) => {
        const reply = replyOf(row);
        checkReviewed(reply, hash);
        await proposals().save(row, { reply: returnedReply(reply, reason) });
        await proposals().record(row, 'reply_returned', actor, { reason });
      });
      await proposalMail(strapi).replyStep('returned', await proposals().find(id), reason);
    },

    /**
     * The cleared letter went out (on paper or through the congress's system) on `date`, today
     * by default: the case is replied, its publication due 20 working days later.
     */
    async sendReply(id: number, input: SendProposalReplyBody, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      const calendar = await getService(strapi, 'calendar').current();
      await proposals().step(id, 'send_reply', viewer, ['lead'], async (row, next) => {
        const reply = replyOf(row);
        if (hashOf(reply) !== reply.clearedHash) {
          throw new errors.ValidationError(
            `The reply to ${labelOf(row)} changed after it was cleared: it needs the confidentiality review again.`
          );
        }
        const sentOn = dateOf(input.date, toDateOnly(row.assignedOn), 'date', 'the assignment');
        const publicationDueDate = calendar.addWorkingDays(sentOn, PUBLICATION_WORKING_DAYS);
        await proposals().save(row, {
          state: next,
          reply: { ...reply, state: 'sent', sentOn, publicationDueDate },
          firstRepliedOn: toDateOnly(row.firstRepliedOn) ?? sentOn,
          repliedOn: sentOn,
          resultClass: reply.resultClass,
          publicationDueDate,
          publicationMode: null,
          publishedOn: null,
          remindedPublicationOn: null,
        });
        await proposals().record(row, 'reply_sent', actor, {
          toState: next,
          reason: `${sentOn}，${reply.resultClass}类；公开期限 ${publicationDueDate}`,
          contentHash: reply.hash,
        });
      });
    },

    /**
     * The deputy's or member's rating: 满意 / 基本满意 close the case (办结); 不满意 on the first
     * reply reopens it for a second reply (the first kept among the previous replies), on a
     * second reply closes it with the rating recorded.
     */
    async recordFeedback(id: number, input: FeedbackBody, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      await proposals().step(
        id,
        'record_feedback',
        viewer,
        ['lead', 'coordinator'],
        async (row) => {
          const reply = replyOf(row);
          const next = afterFeedback(factsOf(row), input.feedback);
          const feedbackOn = dateOf(input.date, reply.sentOn, 'date', 'the reply');
          const rated: StoredReply = {
            ...reply,
            feedback: input.feedback,
            feedbackOn,
            feedbackComment: input.comment ?? null,
          };
          const reopened = next === 'reopened';
          await proposals().save(row, {
            state: next,
            feedback: input.feedback,
            feedbackOn,
            ...(reopened
              ? {
                  round: row.round + 1,
                  reply: null,
                  previousReplies: [...(row.previousReplies ?? []), rated],
                  publicationDueDate: null,
                  // The second reply is due a month after the 不满意 (or later, as assigned).
                  dueDate: addMonths(feedbackOn, SECOND_REPLY_MONTHS),
                  remindedDueSoonOn: null,
                  remindedOverdueOn: null,
                }
              : { reply: rated }),
          });
          await proposals().record(row, reopened ? 'reopened' : 'feedback_recorded', actor, {
            toState: next,
            reason: [FEEDBACK_LABELS[input.feedback], input.comment].filter(Boolean).join('：'),
          });
        }
      );
    },

    /**
     * The reply's publication: 全文 or 摘要 becomes a draft item in 建议提案办理 (the app's port),
     * which the normal review (发布审核、保密审查) then publishes; 不公开 records the reason.
     */
    async decidePublication(id: number, input: PublicationBody, viewer: ProposalViewer) {
      const actor = actorFromUser(viewer);
      return proposals().step(
        id,
        'decide_publication',
        viewer,
        ['lead', 'coordinator'],
        async (row) => {
          const reply = replyOf(row);
          let item: ProposalPublication['item'] = null;
          if (input.mode !== 'none') {
            if (!converter) {
              throw new errors.ApplicationError('No publication of replies is configured.');
            }
            item = await converter({
              proposalId: row.id,
              kind: row.kind,
              kindLabel: KIND_LABELS[row.kind],
              term: row.term,
              meeting: row.meeting,
              number: row.number,
              title: row.title,
              mode: input.mode,
              text: input.mode === 'full' ? reply.body : (input.summary ?? ''),
              subject: reply.subject,
              repliedOn: reply.sentOn ?? today(),
              division: row.lead,
              publisherName: config().publisherName,
            });
          }
          const publication: ProposalPublication = {
            mode: input.mode,
            summary: input.mode === 'summary' ? (input.summary ?? null) : null,
            reason: input.mode === 'none' ? (input.reason ?? null) : null,
            decidedBy: { id: actor.id, name: actor.name },
            decidedOn: today(),
            item,
          };
          await proposals().save(row, {
            reply: { ...reply, publication },
            publicationMode: input.mode,
            publishedOn: input.mode === 'none' ? null : publication.decidedOn,
          });
          await proposals().record(row, 'publication_decided', actor, {
            reason: [
              PUBLICATION_LABELS[input.mode],
              input.reason,
              item && `${item.contentType} ${item.documentId}`,
            ]
              .filter(Boolean)
              .join('：'),
          });
          return publication;
        }
      );
    },
  };
};
