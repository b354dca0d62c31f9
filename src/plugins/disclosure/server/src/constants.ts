/** The plugin's identifiers, defined once. */

export const PLUGIN_ID = 'disclosure';
