import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../kernel/constants';

const KEY = 'prescreen-sensitive-words';

/**
 * The words the pre-screen flags wherever they stand, until the coordinator edits the list: what
 * bureaus' 保密 rules name as marks of material that must not go out, beside the 密级 marks.
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = [
  '涉密',
  '请勿外传',
  '严禁外传',
  '不得外传',
  '内部传阅',
  '仅供参考不得公开',
];

/** The editable list of sensitive words (保密预审敏感词), kept in the plugin store. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  return {
    /** The list in force: the coordinator's, or the default list when none was saved. */
    async list(): Promise<string[]> {
      const saved = (await store().get({ key: KEY })) as string[] | null | undefined;
      return Array.isArray(saved) ? saved : [...DEFAULT_SENSITIVE_WORDS];
    },

    /** Replaces the list (validated by the caller: trimmed, unique, non-empty words). */
    async replace(words: string[]): Promise<string[]> {
      await store().set({ key: KEY, value: words });
      return words;
    },
  };
};
