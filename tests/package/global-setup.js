/**
 * Builds the disclosure plugin (skipped when up to date) for the package test, which packs it,
 * and names the directory of the bare app the test creates, for the test and for the resolver.
 */
const os = require('os');
const path = require('path');
const { buildPlugin } = require('../../scripts/build-plugin');

module.exports = async () => {
  buildPlugin();
  const run = `disclosure-package-${process.pid}-${Date.now()}`;
  process.env.DISCLOSURE_HOST_APP = path.join(os.tmpdir(), run, 'bureau-site');
};
