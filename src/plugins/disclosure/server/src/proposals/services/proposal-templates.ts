import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../kernel/constants';
import { PROPOSAL_KINDS, type ProposalKind } from '../../../../shared/proposals/contracts';
import {
  DEFAULT_PROPOSAL_TEMPLATES,
  type ProposalReplyTemplate,
} from '../../../../shared/proposals/reply-templates';

const KEY = 'proposal-reply-templates';

/**
 * The reply letters' templates, one per kind (建议 / 提案): the office's stored wording, else the
 * default. Kept in the plugin store (two small texts; no table of their own).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const stored = async (): Promise<Partial<Record<ProposalKind, ProposalReplyTemplate>>> => {
    const value = await store().get({ key: KEY });
    return value && typeof value === 'object'
      ? (value as Record<string, ProposalReplyTemplate>)
      : {};
  };
  return {
    /** Both templates as the office sees them. */
    async list(): Promise<ProposalReplyTemplate[]> {
      const saved = await stored();
      return PROPOSAL_KINDS.map((kind) => saved[kind] ?? DEFAULT_PROPOSAL_TEMPLATES[kind]);
    },
    /** The template of a kind: stored, else the default. */
    async get(kind: ProposalKind): Promise<ProposalReplyTemplate> {
      return (await stored())[kind] ?? DEFAULT_PROPOSAL_TEMPLATES[kind];
    },
    /** Saves the office's wording of a kind's letter. */
    async save(template: ProposalReplyTemplate): Promise<ProposalReplyTemplate> {
      await store().set({ key: KEY, value: { ...(await stored()), [template.kind]: template } });
      return template;
    },
  };
};
