import { PLUGIN_ID } from '../../../shared/kernel/constants';

export { PLUGIN_ID };

/** A translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
