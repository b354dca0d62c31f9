/**
 * A jest run on its own removes the demo templates it seeded (scripts/demo-templates.js); under
 * npm test, which runs suites side by side, the script removes them at its end.
 */
const { removeDemoTemplates } = require('../scripts/demo-templates');

module.exports = async () => {
  if (process.env.DISCLOSURE_TEST_RUN_OWNER !== String(process.pid)) return;
  const postgres = process.env.TEST_DATABASE === 'postgres';
  await removeDemoTemplates(postgres ? process.env : null);
};
