// The admin build bundles this plugin's React code (TypeScript) from admin/src (strapi-notes §1.2).
export { default } from './admin/src';
