#!/usr/bin/env node
/**
 * A fresh clone has no .env. Create one with random secrets so `npm run develop` works with no
 * set-up; never overwrite an existing file, and add keys that a newer version of this script
 * knows but an older .env lacks. Secrets are never committed (.env is git-ignored).
 */
'use strict';
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const envPath = path.join(__dirname, '..', '.env');
const secret = () => randomBytes(16).toString('base64');

const defaults = {
  HOST: '0.0.0.0',
  PORT: '1337',
  APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: '.tmp/data.db',
  // The demo bureau's (invented) unified social credit code, for 索引号.
  DISCLOSURE_ORG_CODE: '11210100MB0000000X',
  // Encrypts disclosure applicants' personal data at rest (32 bytes).
  DISCLOSURE_PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
  // Demo content and the demo super admin are created in development only (see README).
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};

const existing = fs.existsSync(envPath) ? fs.readFileSync(envPath, 'utf8') : '';
const present = new Set(
  existing
    .split('\n')
    .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)$/))
    .filter((m) => m && m[2].trim() !== '')
    .map((m) => m[1])
);
const missing = Object.entries(defaults).filter(([key]) => !present.has(key));

if (missing.length > 0) {
  // An empty value (as create-strapi-app leaves DATABASE_FILENAME) is replaced, not duplicated.
  const kept = existing
    .split('\n')
    .filter((line) => !missing.some(([key]) => new RegExp(`^\\s*${key}\\s*=`).test(line)))
    .join('\n')
    .trimEnd();
  const added = missing.map(([key, value]) => `${key}=${value}`).join('\n');
  fs.writeFileSync(envPath, `${kept ? `${kept}\n` : ''}${added}\n`, { mode: 0o600 });
  console.log(
    `[ensure-env] ${existing ? 'completed' : 'created'} .env (${missing.map(([k]) => k).join(', ')})`
  );
}
