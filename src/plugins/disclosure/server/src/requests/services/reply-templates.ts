import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { OUTCOMES } from '../../../../shared/requests/outcomes';
import {
  DEFAULT_TEMPLATES,
  outcomeLabel,
  unknownPlaceholders,
  type ReplyTemplate,
} from '../../../../shared/requests/reply-templates';
import type { ReplyTemplateView } from '../../../../shared/requests/contracts';

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
      const saved: ReplyTemplate[] = await rows().findMany({});
      const stored = new Map(saved.map((row) => [row.outcome, row]));
      return DEFAULT_TEMPLATES.map((template) =>
        withLabel(stored.get(template.outcome) ?? template)
      );
    },

    /** One outcome's letter: the office's wording, else the default; 400 for an unknown outcome. */
    async get(outcome: string) {
      const fallback = defaultOf(outcome);
      const stored: ReplyTemplate | null = await rows().findOne({ where: { outcome } });
      return withLabel(stored ?? fallback);
    },

    /** Saves the office's wording of one outcome's letter (validated: known outcome and placeholders). */
    async save(outcome: string, template: Pick<ReplyTemplate, 'article' | 'subject' | 'body'>) {
      defaultOf(outcome);
      const data = { outcome, ...template };
      const existing = await rows().findOne({ where: { outcome } });
      if (existing) await rows().update({ where: { id: existing.id }, data });
      else await rows().create({ data });
      return this.get(outcome);
    },
  };
};
