export const PLUGIN_ID = 'disclosure';

/** A translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
