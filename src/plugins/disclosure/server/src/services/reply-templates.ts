import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import { OUTCOMES } from '../domain/requests/outcomes';
import {
  DEFAULT_TEMPLATES,
  outcomeLabel,
  type ReplyTemplate,
} from '../domain/requests/reply-templates';

const LIMITS = { article: 255, subject: 255, body: 20000 } as const;

/**
 * The office's reply letters, one per outcome: its stored wording, else the default citing the
 * article of the 条例 the outcome relies on.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.replyTemplate);
  const withLabel = (template: ReplyTemplate) => ({
    outcome: template.outcome,
    label: outcomeLabel(template.outcome),
    article: template.article,
    subject: template.subject,
    body: template.body,
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

    async get(outcome: string) {
      const template = (await this.list()).find((candidate) => candidate.outcome === outcome);
      if (!template) {
        throw new errors.ValidationError(`"outcome" must be one of ${OUTCOMES.join(', ')}.`, {
          key: 'outcome',
        });
      }
      return template;
    },

    /** Saves the office's wording of one outcome's letter; 400 naming a missing or long field. */
    async save(outcome: string, body: unknown) {
      await this.get(outcome);
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
