/**
 * What both API benches start and measure: serving nodes (serve.js) in child processes, a static
 * server child, their resident memory, and one autocannon load.
 */
'use strict';
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const fs = require('fs');
const autocannon = require('autocannon');
const { APP_ENV } = require('../app');

/** A serving node's environment: the bench's fixed secrets, in production mode. */
const NODE_ENV = {
  ...APP_ENV,
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  CRON_ENABLED: 'false',
  DISCLOSURE_PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  HOST: '127.0.0.1',
};

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process now, in bytes (Linux). */
function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

/** Children still running, stopped on exit and on Ctrl-C by the scripts. */
const running = new Set();

/**
 * Forks `script` with `env` and waits for its `{ ready }` message. Returns
 * `{ pid, url, rss(), stop() }`. stderr goes to the parent's (a failed boot shows why).
 */
async function startChild(script, env, { label, bootTimeoutMs = 300000 } = {}) {
  const port = await freePort();
  const child = fork(script, [], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // Strapi logs a failed boot on stdout: kept, and shown if the boot fails.
  let output = '';
  child.stdout.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  const handle = {
    label,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    port,
    rss: () => rssOf(child.pid),
    stop: () =>
      new Promise((resolve) => {
        running.delete(handle);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
  running.add(handle);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label}: no answer after boot`)),
      bootTimeoutMs
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message && message.ready) resolve();
      else reject(new Error(`${label}: ${JSON.stringify(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready\n${output}`));
    });
  });
  return handle;
}

/** A serving node of this app (appDir unset) or of another app directory (the plain baseline). */
const startNode = (env, { label, appDir } = {}) =>
  startChild(
    path.join(__dirname, 'serve.js'),
    { ...NODE_ENV, ...env, ...(appDir ? { BENCH_APP_DIR: appDir } : {}) },
    { label: label ?? 'node' }
  );

/** The static server child: serves `pages` ({ url: { type, body (base64) } }) from a JSON file. */
const startStatic = (pagesFile) =>
  startChild(
    path.join(__dirname, 'static-server.js'),
    { BENCH_STATIC_PAGES: pagesFile },
    {
      label: 'static',
    }
  );

async function stopAll() {
  await Promise.all([...running].map((handle) => handle.stop()));
}

/**
 * Waits until the server has worked off what a finished run left in flight: it goes on answering
 * the up to `connections` requests autocannon dropped at the end, and the next run would otherwise
 * measure that backlog. One more request, answered after them, marks the end.
 */
async function drain(url) {
  const response = await fetch(url);
  await response.arrayBuffer();
}

/** One autocannon load of `url`: `connections` for `seconds` after a dropped warm-up run. */
async function load(url, { connections = 20, seconds = 5, warmupSeconds = 1 } = {}) {
  if (warmupSeconds > 0) {
    await autocannon({ url, connections, duration: warmupSeconds });
    await drain(url);
  }
  const result = await autocannon({ url, connections, duration: seconds });
  await drain(url);
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

module.exports = { NODE_ENV, freePort, load, rssOf, running, startNode, startStatic, stopAll };
