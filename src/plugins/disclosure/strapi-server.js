'use strict';
// Strapi loads a local plugin's server from this file and skips the plugin silently when it fails
// (strapi-notes §1.2). The code is TypeScript in server/src, compiled by the app's own build
// (tsconfig.json → dist/), so `strapi develop`, `strapi build` and the tests recompile it with the
// app; tests/integration/plugin.test.ts proves the plugin is loaded.
module.exports = require('../../../dist/src/plugins/disclosure/server/src').default;
