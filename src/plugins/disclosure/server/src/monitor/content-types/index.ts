import linkCheck from './link-check/schema.json';

/** The last live-links check's findings: internal, not in the content API. */
export const contentTypes = {
  'link-check': { schema: linkCheck },
};
