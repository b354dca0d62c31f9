#!/usr/bin/env node
/**
 * `npm test`: the whole suite. Unit tests, the integration and security suites and the package test (the
 * plugin packed and installed into a bare Strapi app) on SQLite, then the browser tests of the admin
 * panel (Debian's Chromium); beside them, the integration, security and package tests again on
 * PostgreSQL. Every test file creates its own database and drops it.
 * Where no PostgreSQL answers, a throwaway server is started from the Debian binaries (as the
 * postgres user); where there are none, the output says plainly that the PostgreSQL suite did
 * not run. Ends with one line of totals: "N passed, N failed, N skipped".
 */
'use strict';
const { spawn } = require('child_process');
const readline = require('readline');
const fs = require('fs');
const path = require('path');
const { removeDemoTemplates } = require('./demo-templates');
const { ensurePostgres } = require('./postgres');

const root = path.join(__dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

/**
 * Runs jest on `projects` in its own process (one file at a time), its output streamed with
 * `prefix` on every line when given; resolves to its counts.
 */
function runJest(label, projects, env, prefix = '') {
  const output = path.join(tmp, `jest-${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
  fs.rmSync(output, { force: true });
  console.log(`\n=== ${label} ===`);
  const args = ['jest', '--runInBand', '--json', `--outputFile=${output}`];
  for (const project of projects) args.push('--selectProjects', project);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: root,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        readline
          .createInterface({ input: stream })
          .on('line', (line) => process.stdout.write(`${prefix} ${line}\n`));
      }
    }
    child.on('close', (status) => {
      const minutes = ((Date.now() - started) / 60000).toFixed(1);
      if (!fs.existsSync(output)) {
        resolve({
          label,
          minutes,
          passed: 0,
          failed: 1,
          skipped: 0,
          note: `jest exited with ${status} before reporting`,
        });
        return;
      }
      const report = JSON.parse(fs.readFileSync(output, 'utf8'));
      const failedSuites = report.numFailedTestSuites + report.numRuntimeErrorTestSuites;
      resolve({
        label,
        minutes,
        passed: report.numPassedTests,
        failed: report.numFailedTests + (report.numFailedTests === 0 ? failedSuites : 0),
        skipped: report.numPendingTests + report.numTodoTests,
        note: '',
      });
    });
  });
}

/**
 * Builds the plugin and the app once, before any suite: the suites then run side by side without
 * two builds writing dist/ at the same time (their global setups skip theirs). With a browser,
 * the admin panel too (`strapi build`), for the browser suite that starts while PostgreSQL's runs.
 */
async function buildOnce(withAdmin) {
  const { buildPlugin } = require('./build-plugin');
  buildPlugin();
  if (withAdmin) {
    const { execFileSync } = require('child_process');
    execFileSync(path.join(root, 'node_modules', '.bin', 'strapi'), ['build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test' },
    });
  } else {
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir: root, ignoreDiagnostics: false });
  }
  process.env.DISCLOSURE_TEST_COMPILED = withAdmin ? 'with-admin' : 'true';
}

async function main() {
  process.env.DISCLOSURE_TEST_RUN = `${Date.now()}-${process.pid}`;
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const hasBrowser = fs.existsSync(chromium);
  await buildOnce(hasBrowser);
  // SQLite and PostgreSQL side by side: each file has its own database, and one suite waits on
  // the database server while the other computes (2 cores). The browser suite follows SQLite's,
  // while PostgreSQL's (the longer) goes on.
  const postgres = await ensurePostgres();
  const sqliteThenBrowser = (async () => {
    const done = [
      await runJest(
        'unit + integration + security + package on SQLite',
        ['unit', 'integration', 'security', 'package'],
        { TEST_DATABASE: 'sqlite' },
        '[sqlite]'
      ),
    ];
    if (hasBrowser) {
      done.push(
        await runJest(
          'browser (admin panel) on SQLite',
          ['e2e'],
          { TEST_DATABASE: 'sqlite', CHROMIUM_PATH: chromium },
          '[browser]'
        )
      );
    }
    return done;
  })();
  const suites = [sqliteThenBrowser];
  if (postgres.ok) {
    suites.push(
      runJest(
        'integration + security + package on PostgreSQL',
        ['integration', 'security', 'package'],
        { TEST_DATABASE: 'postgres', ...postgres.env },
        '[postgres]'
      ).then((result) => [result])
    );
  }
  const results = (await Promise.all(suites)).flat();
  await removeDemoTemplates(postgres.ok ? postgres.env : null);
  await postgres.stop();

  console.log('\n=== summary ===');
  for (const r of results) {
    console.log(
      `${r.label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${r.minutes} min${r.note ? ` (${r.note})` : ''}`
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
