#!/usr/bin/env node
/**
 * Re-encrypts every applicant's personal data from one personal-data key to another
 * (decision 0040). Stop the app first; then
 *
 *   DISCLOSURE_PERSONAL_DATA_KEY=<old> DISCLOSURE_PERSONAL_DATA_KEY_NEW=<new> \
 *     npm run personal-data:rotate-key
 *
 * (both may come from .env). It boots the compiled app (dist/, from `npm run build`) with the
 * old key, which must be the one the data was encrypted with, re-encrypts every field the modules
 * declare (one transaction per type; a run that stopped half-way is simply run again), records
 * the new key's fingerprint, prints the counts per type and what to change in .env. Exit 1 with a
 * sentence when anything is wrong; nothing is changed then.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const SETTING = 'DISCLOSURE_PERSONAL_DATA_KEY';
const NEW_SETTING = `${SETTING}_NEW`;

const fail = (message) => {
  process.stderr.write(`personal-data:rotate-key: ${message}\n`);
  process.exit(1);
};

const keyOf = (name, value) => {
  const key = value ? Buffer.from(value, 'base64') : null;
  if (!key || key.length !== 32) {
    fail(`${name} must be 32 bytes in base64 (generate one with: openssl rand -base64 32).`);
  }
  return key;
};

async function main() {
  // Loading Strapi reads .env (ENV_PATH, else ./.env); the environment given wins over it.
  const { createStrapi } = require('@strapi/strapi');
  const oldKey = keyOf(SETTING, process.env[SETTING]);
  const newKey = keyOf(NEW_SETTING, process.env[NEW_SETTING]);
  if (oldKey.equals(newKey)) fail(`${NEW_SETTING} is the same key as ${SETTING}.`);
  if (!fs.existsSync(path.join(appDir, 'dist', 'config'))) {
    fail('the app is not built: run npm run build first.');
  }
  const { disclosureService } = require('strapi-plugin-gov-disclosure/sdk');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    const personalData = disclosureService(strapi, 'personal-data');
    if (personalData.isRefusing()) {
      fail(
        `${personalData.refusal()}\nThe rotation starts from the key the data is encrypted ` +
          `with: set ${SETTING} to it (and ${NEW_SETTING} to the new key).`
      );
    }
    const from = personalData.fingerprint();
    const started = Date.now();
    const report = await personalData.rotate(newKey);
    const lines = Object.entries(report).map(
      ([type, { rows, values }]) => `  ${type}: ${values} value(s) in ${rows} row(s) re-encrypted`
    );
    process.stdout.write(
      [
        `Personal data re-encrypted in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
          `(key fingerprint ${from} → ${await personalData.storedFingerprint()}):`,
        ...lines,
        '',
        'Now, before starting the app:',
        `  1. In .env (and on every app node) set ${SETTING} to the new key and remove ${NEW_SETTING}.`,
        '  2. Keep the old key with the backups made before today: they can only be restored with it.',
        '',
      ].join('\n')
    );
  } finally {
    await strapi.destroy();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => fail(error.stack ?? String(error)));
