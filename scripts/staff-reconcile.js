#!/usr/bin/env node
/**
 * `npm run staff:reconcile [-- --dry-run]`: points the plugin's stored staff ids back at the admin
 * users with the stored e-mails, e.g. after `strapi import` into a fresh database and recreating
 * the admin accounts (docs/decisions/0039-staff-by-stable-identity.md). The app does the same at
 * start-up when its admin users changed, and POST /disclosure/staff/reconcile does it from the
 * admin; this command is for scripts. Prints who is still missing (导入后缺少的工作人员) and exits
 * with 2 when someone is. Safe while the app runs (one transaction).
 */
'use strict';
const path = require('path');

const root = path.join(__dirname, '..');

async function main() {
  const dryRun = process.argv.includes('--dry-run');
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  require('./build-plugin').buildPlugin();
  await compileStrapi({ appDir: root, ignoreDiagnostics: false });
  const strapi = await createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    const identity = strapi.plugin('disclosure').service('staffIdentity');
    const result = await identity.reconcile({ dryRun });
    console.log(
      dryRun
        ? 'Dry run: nothing changed.'
        : `Staff references repointed: ${result.repointed}, cleared: ${result.cleared} ` +
            '(besides what the start-up run logged above, when the admin users had changed).'
    );
    if (result.unmatched.length === 0) {
      console.log('Every staff member the records name has an admin user.');
    } else {
      console.log('导入后缺少的工作人员 — no admin user has these e-mails:');
      for (const member of result.unmatched) {
        const where = member.references.map((ref) => `${ref.label} ×${ref.count}`).join(', ');
        console.log(`  ${member.email}: ${member.count} (${where})`);
      }
      console.log('Create them with the same e-mail in Settings › Users, then run this again.');
      process.exitCode = 2;
    }
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
