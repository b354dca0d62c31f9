import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { OUTCOMES } from '../../../../shared/requests/outcomes';
import {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  outcomeLabel,
  unknownPlaceholders,
  type ReplyTemplate,
} from '../../../../shared/requests/reply-templates';
import type { ReplyTemplateView } from '../../../../shared/requests/contracts';

const LIMITS = { article: 255, subject: 255, body: 20000 } as const;

/**
 * The office's reply letters, one per outcome: its stored wording, else the default citing the
 * article of the 条例 the outcome relies on.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.replyTemplate);
  /** The default letter of an outcome; 400 naming the field for an unknown one. */
  const defaultOf = (outcome: string) => {
    const template = DEFAULT_TEMPLATES.find((candidate) => candidate.outcome === outcome);
    if (!template) {
      throw new errors.ValidationError(`"outcome" must be one of ${OUTCOMES.join(', ')}.`, {
        key: 'outcome',
      });
    }
    return template;
  };
  /**
   * A template as the office sees it. `unknownPlaceholders` flags names a template stored before
   * they were refused (e.g. `{{constructor}}`): a letter shows them as written, never filled.
   */
  const withLabel = (template: ReplyTemplate): ReplyTemplateView => ({
    outcome: template.outcome,
    label: outcomeLabel(template.outcome),
    article: template.article,
    subject: template.subject,
    body: template.body,
    unknownPlaceholders: unknownPlaceholders(`${template.subject}\n${template.body}`),
  });

  return {
    /** Every outcome's template, in table 三 order. */
    async list() {
      const stored = new Map(
        ((await rows().findMany({})) as ReplyTemplate[]).map((row) => [row.outcome, row])
      );
      return DEFAULT_TEMPLATES.map((template) =>
        withLabel(stored.get(template.outcome) ?? template)
      );
    },

    /** One outcome's letter: the office's wording, else the default; 400 for an unknown outcome. */
    async get(outcome: string) {
      const fallback = defaultOf(outcome);
      const stored = (await rows().findOne({ where: { outcome } })) as ReplyTemplate | null;
      return withLabel(stored ?? fallback);
    },

    /**
     * Saves the office's wording of one outcome's letter; 400 naming a missing or long field, or
     * an unknown placeholder in the subject or body.
     */
    async save(outcome: string, body: unknown) {
      defaultOf(outcome);
      const input = (body ?? {}) as Record<string, unknown>;
      for (const [field, max] of Object.entries(LIMITS)) {
        const value = input[field];
        if (typeof value !== 'string' || !value.trim() || value.length > max) {
          throw new errors.ValidationError(
            `"${field}" is required, as text of at most ${max} characters.`,
            { key: field }
          );
        }
      }
      for (const field of ['subject', 'body'] as const) {
        const unknown = unknownPlaceholders(String(input[field]));
        if (unknown.length) {
          throw new errors.ValidationError(
            `"${field}" uses unknown placeholder(s) ${unknown.map((name) => `{{${name}}}`).join(', ')}: the placeholders are ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}.`,
            { key: field, placeholders: unknown }
          );
        }
      }
      const data = {
        outcome,
        article: String(input.article).trim(),
        subject: String(input.subject).trim(),
        body: String(input.body),
      };
      const existing = await rows().findOne({ where: { outcome } });
      if (existing) await rows().update({ where: { id: existing.id }, data });
      else await rows().create({ data });
      return this.get(outcome);
    },
  };
};
