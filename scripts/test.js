#!/usr/bin/env node
/**
 * `npm test`: the whole suite. Unit tests, the integration and security suites and the package test (the
 * plugin packed and installed into a bare Strapi app) on SQLite, the browser tests of the admin panel
 * (Debian's Chromium), then the integration, security and package tests again on PostgreSQL. Every test
 * file creates its own database and drops it.
 * Where no PostgreSQL answers, a throwaway server is started from the Debian binaries (as the
 * postgres user); where there are none, the output says plainly that the PostgreSQL suite did
 * not run. Ends with one line of totals: "N passed, N failed, N skipped".
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensurePostgres } = require('./postgres');

const root = path.join(__dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

function runJest(label, projects, env) {
  const output = path.join(tmp, `jest-${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
  fs.rmSync(output, { force: true });
  console.log(`\n=== ${label} ===`);
  const args = ['jest', '--runInBand', '--json', `--outputFile=${output}`];
  for (const project of projects) args.push('--selectProjects', project);
  const result = spawnSync('npx', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (!fs.existsSync(output)) {
    return {
      label,
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `jest exited with ${result.status} before reporting`,
    };
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  const failedSuites = report.numFailedTestSuites + report.numRuntimeErrorTestSuites;
  return {
    label,
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTests === 0 ? failedSuites : 0),
    skipped: report.numPendingTests + report.numTodoTests,
    note: '',
  };
}

async function main() {
  const results = [];
  results.push(
    runJest(
      'unit + integration + security + package on SQLite',
      ['unit', 'integration', 'security', 'package'],
      { TEST_DATABASE: 'sqlite' }
    )
  );

  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const hasBrowser = fs.existsSync(chromium);
  if (hasBrowser) {
    results.push(
      runJest('browser (admin panel) on SQLite', ['e2e'], {
        TEST_DATABASE: 'sqlite',
        CHROMIUM_PATH: chromium,
      })
    );
  }

  const postgres = await ensurePostgres();
  if (postgres.ok) {
    results.push(
      runJest(
        'integration + security + package on PostgreSQL',
        ['integration', 'security', 'package'],
        {
          TEST_DATABASE: 'postgres',
          ...postgres.env,
        }
      )
    );
  }
  await postgres.stop();

  console.log('\n=== summary ===');
  for (const r of results) {
    console.log(
      `${r.label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` (${r.note})` : ''}`
    );
  }
  if (!postgres.ok) console.log(`PostgreSQL suite DID NOT RUN: ${postgres.reason}`);
  if (!hasBrowser) {
    console.log(
      `Browser suite DID NOT RUN: no Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk).`
    );
  }
  const sum = (key) => results.reduce((total, r) => total + r[key], 0);
  console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
  process.exitCode = sum('failed') > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
