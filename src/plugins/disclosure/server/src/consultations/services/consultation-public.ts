import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { currentActor } from '../../kernel/services/actor';
import { beijingDate } from '../../../../shared/kernel/dates';
import type {
  CommentBody,
  CommentReceipt,
  PublicConsultation,
  PublicConsultationRow,
} from '../../../../shared/consultations/contracts';
import { phaseOf, type PhaseFacts } from '../domain/period';
import { invalid } from '../validation';
import type { ConsultationRow } from './consultations';
import { getService } from '../../get-service';

/**
 * The same answer for an unknown public id, a row's numeric id and a consultation not yet
 * published: it names only what was asked.
 */
const notFound = (documentId: string) => new errors.NotFoundError(`No consultation ${documentId}.`);

type Blocks = Array<{ type?: string; children?: Array<{ text?: string; children?: unknown[] }> }>;

/** The plain text of a blocks field: one line per block. */
const textOfBlocks = (blocks: unknown): string =>
  Array.isArray(blocks)
    ? (blocks as Blocks)
        .map((block) =>
          (block.children ?? [])
            .map((child) =>
              typeof child.text === 'string' ? child.text : textOfBlocks(child.children ?? [])
            )
            .join('')
        )
        .join('\n')
    : typeof blocks === 'string'
      ? blocks
      : '';

const statusOf = (facts: PhaseFacts, today: string): PublicConsultationRow['status'] => {
  const phase = phaseOf(facts, today);
  return phase === 'upcoming' ? 'upcoming' : phase === 'open' ? 'open' : 'closed';
};

/**
 * What the website sees of consultations (调查征集), and its comments coming in. Only a
 * consultation whose announcement the review published exists for the website; of its comments,
 * the count and those moderated to be shown (text, unit, date — never a name or a contact); its
 * summary once the summary's article is published, as published. Comments are taken while it is
 * open, with the commenter's name and contacts encrypted at rest.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => getService(strapi, 'consultations');
  const comments = () => strapi.db.query(UID.consultationComment);

  /** The consultation, when its announcement is published; else null. */
  const published = async (row: ConsultationRow) => {
    if (row.state === 'draft' || !row.announcement) return null;
    const facts = await consultations().phaseFactsOf(row);
    return facts.announcementPublished ? facts : null;
  };

  const rowOf = async (
    row: ConsultationRow,
    facts: PhaseFacts,
    names: Map<string, string>,
    today: string
  ): Promise<PublicConsultationRow> => ({
    documentId: row.documentId,
    title: row.title,
    publisher: consultations().publisherName(),
    divisionName: names.get(row.division) ?? row.division,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: statusOf(facts, today),
    commentsReceived: row.commentCount ?? 0,
    hasSummary: facts.summaryPublished,
  });

  return {
    /** The published consultations, the latest first. */
    async list({ page, pageSize }: { page: number; pageSize: number }) {
      const today = beijingDate(new Date());
      const names = await consultations().divisionNames('published');
      const visible: PublicConsultationRow[] = [];
      const all = await consultations().all({ state: { $ne: 'draft' } });
      for (const row of all.reverse()) {
        const facts = await published(row);
        if (facts) visible.push(await rowOf(row, facts, names, today));
      }
      const total = visible.length;
      return {
        data: visible.slice((page - 1) * pageSize, page * pageSize),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** One published consultation by its public id, or the same 404 as an unknown one. */
    async show(documentId: string): Promise<PublicConsultation> {
      const row = await consultations().findByDocumentId(documentId);
      const facts = row && (await published(row));
      if (!row || !facts) throw notFound(documentId);
      const today = beijingDate(new Date());
      const shown = (await consultations().commentsOf(row.id)).filter(
        (comment) => comment.moderation === 'public'
      );
      const article = row.summary?.article;
      let summary: PublicConsultation['summary'] = null;
      if (article && facts.summaryPublished) {
        const version = await strapi.documents(article.contentType as never).findOne({
          documentId: article.documentId,
          locale: article.locale,
          status: 'published',
        } as never);
        const status = await consultations().publication(article);
        if (version) {
          const fields = version as Record<string, unknown>;
          summary = {
            documentId: article.documentId,
            locale: article.locale,
            title: String(fields.title ?? row.summary!.title),
            text: textOfBlocks(fields.body),
            publishedOn: status.publishedOn,
          };
        }
      }
      return {
        ...(await rowOf(row, facts, await consultations().divisionNames('published'), today)),
        purpose: row.purpose,
        units: row.units.map(({ anchor, label, text }) => ({
          anchor,
          label,
          text,
          publicComments: shown.filter((comment) => comment.anchor === anchor).length,
        })),
        draftFile: row.draftFile ? { name: row.draftFile.name, url: row.draftFile.url } : null,
        announcement: {
          documentId: row.announcement!.documentId,
          locale: row.announcement!.locale,
        },
        comments: shown.map((comment) => ({
          number: comment.number,
          anchor: comment.anchor,
          text: comment.text,
          receivedOn: comment.receivedOn,
        })),
        summary,
      };
    },

    /**
     * A comment from the website on the consultation of that public id, received now: 404 for an
     * unknown or unpublished consultation (the same), 403 outside its period or once closed, 400 for an anchor that is none of its
     * units. The name and contacts are encrypted; the comment is hidden until moderated.
     */
    async comment(
      documentId: string,
      input: CommentBody,
      now = new Date()
    ): Promise<CommentReceipt> {
      consultations().key(); // 400 naming the setting when there is no key
      const today = beijingDate(now);
      const found = await consultations().findByDocumentId(documentId);
      if (!found) throw notFound(documentId);
      const id = found.id;
      return consultations().locked(id, async () => {
        const row = await consultations().find(id);
        const facts = await published(row);
        if (!facts) throw notFound(documentId);
        const phase = phaseOf(facts, today);
        if (phase !== 'open') {
          // A PolicyError keeps its message (Strapi answers a ForbiddenError with a bare "Forbidden").
          throw new errors.PolicyError(
            phase === 'upcoming'
              ? `This consultation takes comments from ${row.opensOn} to ${row.closesOn}.`
              : `This consultation is closed: comments were taken from ${row.opensOn} to ${row.closesOn}.`
          );
        }
        const anchor = input.anchor?.trim() || null;
        if (anchor && !row.units.some((unit) => unit.anchor === anchor)) {
          throw invalid(
            `"anchor" must be one of this draft's units (${row.units
              .slice(0, 5)
              .map((unit) => unit.anchor)
              .join(', ')}${row.units.length > 5 ? ', …' : ''}), or null for the draft as a whole.`,
            'anchor'
          );
        }
        const seal = (value: string | null | undefined) =>
          value?.trim() ? getService(strapi, 'personal-data').encrypt(value.trim()) : null;
        const number = (row.commentCount ?? 0) + 1;
        await comments().create({
          data: {
            consultationId: id,
            number,
            anchor,
            text: input.text.trim(),
            name: seal(input.name),
            phone: seal(input.phone),
            email: seal(input.email),
            organisation: seal(input.organisation),
            receivedAt: now.toISOString(),
            receivedOn: today,
            moderation: 'hidden',
          },
        });
        await consultations().save(row, { commentCount: number });
        await consultations().record(row, 'comment_received', currentActor(strapi), {
          reason: `意见${number}${anchor ? `（${row.units.find((unit) => unit.anchor === anchor)!.label}）` : ''}`,
        });
        return { consultationDocumentId: row.documentId, number, receivedOn: today };
      });
    },
  };
};
