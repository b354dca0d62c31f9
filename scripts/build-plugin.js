#!/usr/bin/env node
/**
 * Builds the disclosure plugin (src/plugins/disclosure, the package strapi-plugin-gov-disclosure)
 * into its own dist/ with the Strapi plugin SDK (`strapi-plugin build`: the server and the admin
 * bundled by Vite, the declarations by tsc). The app loads the plugin's server and admin from
 * there, and the app's code imports the plugin's SDK from there, so everything that runs or checks
 * the app builds the plugin first: `npm run develop`, `build`, `typecheck`, the test setups.
 *
 * Skipped when the build is newer than every source file of the plugin; `--force` builds anyway.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const pluginDir = path.join(root, 'src', 'plugins', 'disclosure');
const SOURCES = ['admin', 'server', 'shared', 'package.json'];
const OUTPUTS = ['dist/server/index.js', 'dist/admin/index.mjs', 'dist/server/src/sdk.d.ts'];

/** The newest modification time under `entry` (directories count: a deleted file changes theirs). */
function newest(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return entry.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stat.mtimeMs);
}

function isUpToDate() {
  const built = OUTPUTS.map((file) => path.join(pluginDir, file));
  if (!built.every((file) => fs.existsSync(file))) return false;
  const builtAt = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  return SOURCES.every((entry) => newest(path.join(pluginDir, entry)) < builtAt);
}

function buildPlugin({ force = false } = {}) {
  if (!force && isUpToDate()) {
    console.log('strapi-plugin-gov-disclosure: build is up to date (src/plugins/disclosure/dist)');
    return;
  }
  const started = Date.now();
  const bin = path.join(root, 'node_modules', '.bin', 'strapi-plugin');
  const result = spawnSync(bin, ['build'], { cwd: pluginDir, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`strapi-plugin build failed in ${pluginDir} (exit ${result.status})`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`strapi-plugin-gov-disclosure: built in ${seconds} s`);
}

module.exports = { buildPlugin };

if (require.main === module) {
  try {
    buildPlugin({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
