// Generated content-type typings are not used: the code narrows data at its boundaries itself, so
// `strapi develop` never rewrites tracked files and the typecheck does not depend on a generation step.
export default () => ({
  autogenerate: false,
});
