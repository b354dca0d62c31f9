#!/usr/bin/env node
/**
 * `npm run bench:cluster`: more than one node, shown (issue #15, part 4; docs/decisions/0037).
 *
 * Starts an S3-compatible server (s3rver) and two production-mode nodes of this app (serve.js) on
 * one fresh PostgreSQL database with REDIS_URL (default redis://127.0.0.1:6379) and
 * UPLOAD_PROVIDER=s3, behind a small round-robin proxy (alternating between the nodes), then runs
 * a mixed load for BENCH_CLUSTER_SECONDS (30):
 *   - website reads through the proxy (autocannon: lists, a column, details, the catalogue tree);
 *   - an editor publishing articles one after another through the admin API — created in the
 *     Content Manager, then submitted, approved, cleared and published through the review
 *     (/disclosure/reviews/*) by three super admins (four eyes) — and, after each publication,
 *     both nodes read directly (not through the proxy) until each lists and answers it: the
 *     visibility delay; at the end one item unpublished (撤稿), until both stop answering it;
 *   - a file uploaded through the admin API, then read back from where its URL points;
 *   - disclosure requests posted to the public intake.
 * Prints the figures; exits non-zero on any error (an error or non-2xx answer of the reads, a
 * failed step, a publication not visible on both nodes within 10 s). The nodes run with the
 * response cache on (RESPONSE_CACHE, default on) where the app has one.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { ensurePostgres } = require('../../postgres');
const { buildPlugin } = require('../../build-plugin');
const { createBenchDatabase, root } = require('../app');
const { freePort, startNode, stopAll } = require('./nodes');

const SECONDS = Number(process.env.BENCH_CLUSTER_SECONDS || 30);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const BUCKET = 'disclosure-bench';
const LOCALE = 'zh-Hans';
const ARTICLE = 'api::article.article';
const PASSWORD = 'Cluster2018!Password';
/** How long a publication may take to show on both nodes before it counts as an error. */
const VISIBLE_WITHIN_MS = 10000;
/** A valid disclosure request (as tests/security/request-intake.test.ts). */
const APPLICANT = {
  applicantType: 'commercial',
  name: '示范科技有限公司',
  contactPerson: '李四',
  idType: 'credit_code',
  idNumber: '91210100MA0000000X',
  phone: '024-12345678',
  email: 'lisi@example.com',
  address: '示范市和平区和平路1号',
  postcode: '110000',
  title: '2018年工业企业技术改造项目备案清单',
  docNumber: '示工信发〔2018〕5号',
  description: '请提供备案清单全文',
  form: 'electronic',
  delivery: 'email',
};

const errors = [];
const fail = (message) => {
  errors.push(message);
  console.log(`  ERROR ${message}`);
};

/** JSON over HTTP; throws with the answer's text on an unexpected status. */
async function call(base, method, pathname, { token, body, expect = [200, 201], form } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(base + pathname, {
    method,
    headers,
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  if (!expect.includes(response.status))
    throw new Error(`${method} ${pathname}: ${response.status} ${text.slice(0, 400)}`);
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The round-robin proxy: each request to the next node, as a TLS-terminating proxy would. */
function startProxy(targets, port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const stats = { requests: 0, errors: 0, perNode: targets.map(() => 0) };
  const server = http.createServer((req, res) => {
    const index = next++ % targets.length;
    stats.requests += 1;
    stats.perNode[index] += 1;
    const target = new URL(targets[index]);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        agent,
        headers: {
          ...req.headers,
          'x-forwarded-for': req.socket.remoteAddress,
          'x-forwarded-proto': 'http',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', (error) => {
      stats.errors += 1;
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error.message));
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65000;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        stats,
        close: () => new Promise((done) => server.close(() => done())),
      })
    )
  );
}

/** Three super admins over HTTP: the first registration, two invited and registered. */
async function superAdmins(base) {
  const first = await call(base, 'POST', '/admin/register-admin', {
    body: {
      email: 'author@cluster.test',
      firstname: 'author',
      lastname: 'Cluster',
      password: PASSWORD,
    },
  });
  const author = first.body.data.token;
  const roles = (await call(base, 'GET', '/admin/roles', { token: author })).body.data;
  const superAdmin = roles.find((role) => role.code === 'strapi-super-admin');
  const tokens = { author };
  for (const name of ['division', 'secrecy']) {
    const created = await call(base, 'POST', '/admin/users', {
      token: author,
      body: {
        email: `${name}@cluster.test`,
        firstname: name,
        lastname: 'Cluster',
        roles: [superAdmin.id],
      },
    });
    await call(base, 'POST', '/admin/register', {
      body: {
        registrationToken: created.body.data.registrationToken,
        userInfo: { firstname: name, lastname: 'Cluster', password: PASSWORD },
      },
    });
    tokens[name] = (
      await call(base, 'POST', '/admin/login', {
        body: { email: `${name}@cluster.test`, password: PASSWORD },
      })
    ).body.data.token;
  }
  return tokens;
}

/**
 * Creates a draft article in the Content Manager and publishes it through the review;
 * `beforePublish(documentId)` runs while it is still a never-published draft.
 */
async function publishArticle(base, tokens, { title, columnDocumentId, beforePublish }) {
  const created = await call(
    base,
    'POST',
    `/content-manager/collection-types/${ARTICLE}?locale=${LOCALE}`,
    {
      token: tokens.author,
      body: {
        title,
        summary: '集群演示中由编辑发布的信息。',
        column: { connect: [{ documentId: columnDocumentId, locale: LOCALE }] },
        metadata: { disclosureMode: 'proactive' },
      },
    }
  );
  const documentId = created.body.data.documentId;
  if (beforePublish) await beforePublish(documentId);
  const item = { contentType: ARTICLE, documentId, locale: LOCALE };
  for (const [step, token] of [
    ['submit', tokens.author],
    ['approve', tokens.division],
    ['clear', tokens.secrecy],
    ['publish', tokens.author],
  ])
    await call(base, 'POST', `/disclosure/reviews/${step}`, { token, body: item });
  return documentId;
}

const NEWEST = '/api/articles?pagination[pageSize]=20';

/**
 * Polls a node until it answers and lists the item (`shouldShow`) or neither; the delay in ms, or
 * null after `limitMs`.
 */
async function waitOnNode(nodeUrl, documentId, shouldShow, since, limitMs) {
  for (;;) {
    const [detail, list] = await Promise.all([
      fetch(`${nodeUrl}/api/articles/${documentId}`).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
      fetch(nodeUrl + NEWEST).then((r) => r.json()),
    ]);
    const listed = (list.data ?? []).some((entry) => entry.documentId === documentId);
    const shown = detail === 200 && listed;
    const gone = detail === 404 && !listed;
    if (shouldShow ? shown : gone) return Date.now() - since;
    if (Date.now() - since > limitMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** After a publication (or unpublication) at `since`: the delay on each node, read directly. */
async function visibility(nodes, documentId, shouldShow, since, limitMs = VISIBLE_WITHIN_MS) {
  const delays = await Promise.all(
    nodes.map((node) => waitOnNode(node.url, documentId, shouldShow, since, limitMs))
  );
  delays.forEach((delay, index) => {
    if (delay === null && limitMs > 0)
      fail(
        `${documentId} ${shouldShow ? 'not shown' : 'still shown'} by node ${index + 1} after ${VISIBLE_WITHIN_MS} ms`
      );
  });
  return delays;
}

async function main() {
  if (process.env.BENCH_SKIP_COMPILE !== 'true') {
    buildPlugin();
    console.log('Compiling the app (dist/) …');
    await require('@strapi/strapi').compileStrapi({ appDir: root, ignoreDiagnostics: false });
  }
  const postgres = await ensurePostgres();
  if (!postgres.ok) throw new Error(`PostgreSQL: ${postgres.reason}`);
  Object.assign(process.env, postgres.env);

  const Redis = require('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis does not answer at ${REDIS_URL}: ${error.message}`);
  } finally {
    redis.disconnect();
  }

  const cleanups = [];
  const cleanUp = async () => {
    await stopAll().catch(() => undefined);
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    cleanups.length = 0;
  };
  process.on('SIGINT', () => cleanUp().then(() => process.exit(130)));
  process.on('SIGTERM', () => cleanUp().then(() => process.exit(143)));

  try {
    // S3-compatible storage, a fresh bucket in a throwaway directory.
    const S3rver = require('s3rver');
    const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-s3-'));
    cleanups.push(async () => fs.rmSync(s3Dir, { recursive: true, force: true }));
    const s3Port = await freePort();
    const s3 = new S3rver({
      address: '127.0.0.1',
      port: s3Port,
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: BUCKET }],
    });
    await s3.run();
    cleanups.push(() => s3.close());
    const s3Url = `http://127.0.0.1:${s3Port}`;

    const database = await createBenchDatabase('postgres', 'cluster');
    cleanups.push(() => database.drop());
    const env = {
      ...database.env,
      REDIS_URL,
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3Url,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PUBLIC_URL: `${s3Url}/${BUCKET}`,
      RESPONSE_CACHE: process.env.RESPONSE_CACHE || 'on',
      // The proxy is the nodes' only client: it names the caller (X-Forwarded-For).
      SERVER_PROXY: 'true',
      // A run of its own in Redis: the intake's rate limit starts empty, and allows the run's posts.
      DISCLOSURE_INTAKE_KEY_PREFIX: `bench-cluster-${process.pid}-${Date.now()}`,
      DISCLOSURE_INTAKE_LIMIT: '1000',
    };
    console.log(`PostgreSQL ${database.name}, Redis ${REDIS_URL}, s3rver ${s3Url}`);
    // One after the other: the first boot creates the schema and the catalogue.
    const nodeA = await startNode(env, { label: 'node 1' });
    const nodeB = await startNode(env, { label: 'node 2' });
    const nodes = [nodeA, nodeB];
    const proxy = await startProxy(
      nodes.map((node) => node.url),
      await freePort()
    );
    cleanups.push(() => proxy.close());
    console.log(`nodes ${nodeA.url} and ${nodeB.url} behind ${proxy.url}`);

    const base = proxy.url;
    const tokens = await superAdmins(base);
    const columns = (
      await call(base, 'GET', '/api/columns?filters[code][$eq]=work-news&fields[0]=code')
    ).body.data;
    if (columns.length !== 1) throw new Error('no published column work-news');
    const columnDocumentId = columns[0].documentId;

    // Something to read: a few published articles before the load.
    const seeded = [];
    for (let i = 1; i <= 3; i += 1)
      seeded.push(
        await publishArticle(base, tokens, { title: `集群演示 预先发布 ${i}`, columnDocumentId })
      );
    await visibility(nodes, seeded[seeded.length - 1], true, Date.now());

    const reads = [
      NEWEST,
      '/api/articles?column=work-news&pagination[pageSize]=20',
      '/api/columns/tree',
      ...seeded.map((documentId) => `/api/articles/${documentId}?populate=column`),
    ];
    console.log(`\nMixed load for ${SECONDS} s …`);
    const started = Date.now();
    const reading = autocannon({
      url: base,
      connections: 10,
      duration: SECONDS,
      requests: reads.map((pathname) => ({ method: 'GET', path: pathname })),
    });

    const publications = [];
    const editor = (async () => {
      let n = 0;
      while (Date.now() - started < (SECONDS - 3) * 1000) {
        n += 1;
        try {
          const documentId = await publishArticle(base, tokens, {
            title: `集群演示 负载中发布 ${n}`,
            columnDocumentId,
            // A visitor asks for it too early: both nodes answer 404 and do not list it (nor
            // may a cache keep that 404 or that list after the publication).
            beforePublish: async (draftId) => {
              const early = await visibility(nodes, draftId, false, Date.now(), 0);
              if (early.some((delay) => delay === null))
                fail(`draft ${draftId} answered before publication`);
            },
          });
          const at = Date.now();
          const delays = await visibility(nodes, documentId, true, at);
          publications.push({ documentId, delays });
        } catch (error) {
          fail(`publication ${n}: ${error.message}`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    })();

    const others = (async () => {
      const result = { intakes: 0, upload: null };
      await new Promise((resolve) => setTimeout(resolve, 2000));
      try {
        const form = new FormData();
        form.append(
          'files',
          new Blob(['集群演示的附件：两个节点共享的存储。\n'], { type: 'text/plain' }),
          'cluster-note.txt'
        );
        const uploaded = await call(base, 'POST', '/upload', { token: tokens.author, form });
        const file = uploaded.body[0];
        const onS3 = file.url.startsWith(s3Url);
        // An absolute URL (S3) is read from there; a relative one (local disk) from each node.
        const urls = /^https?:/.test(file.url)
          ? [file.url]
          : nodes.map((node) => node.url + file.url);
        const statuses = [];
        for (const url of urls) statuses.push((await fetch(url)).status);
        if (statuses.some((status) => status !== 200))
          fail(`uploaded file ${file.url}: ${statuses}`);
        result.upload = { url: file.url, onS3, statuses };
        // Deleted again through the admin API: a run leaves no file behind (on local disk, the
        // app's public/uploads).
        await call(base, 'DELETE', `/upload/files/${file.id}`, { token: tokens.author });
      } catch (error) {
        fail(`upload: ${error.message}`);
      }
      for (let i = 0; i < 3 && Date.now() - started < (SECONDS - 2) * 1000; i += 1) {
        try {
          await call(base, 'POST', '/api/disclosure-requests', { body: APPLICANT, expect: [201] });
          result.intakes += 1;
        } catch (error) {
          fail(`request intake: ${error.message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 4));
      }
      return result;
    })();

    const [load, , side] = await Promise.all([reading, editor, others]);

    // 撤稿: the first item published under load goes off both nodes.
    let unpublishDelays = null;
    if (publications.length > 0) {
      const { documentId } = publications[0];
      try {
        await call(base, 'POST', '/disclosure/reviews/unpublish', {
          token: tokens.author,
          body: { contentType: ARTICLE, documentId, locale: LOCALE, reason: '集群演示：撤稿' },
        });
        unpublishDelays = await visibility(nodes, documentId, false, Date.now());
      } catch (error) {
        fail(`unpublish: ${error.message}`);
      }
    }

    if (load.errors + load.timeouts > 0) fail(`reads: ${load.errors + load.timeouts} errors`);
    if (load.non2xx > 0) fail(`reads: ${load.non2xx} answers not 2xx`);
    if (proxy.stats.errors > 0) fail(`proxy: ${proxy.stats.errors} upstream errors`);

    const delays = publications.flatMap((p) => p.delays).filter((d) => d !== null);
    const rss = nodes.map((node) => `${(node.rss() / 2 ** 20).toFixed(0)} MB`);
    console.log(`
## npm run bench:cluster — 2 nodes, PostgreSQL + Redis + s3rver, ${SECONDS} s

reads through the proxy   ${load.requests.average.toFixed(0)} req/s (p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms), ${load.requests.total} requests, ${load.errors + load.timeouts} errors, ${load.non2xx} non-2xx
proxy                     ${proxy.stats.requests} requests (${proxy.stats.perNode.join(' / ')} per node), ${proxy.stats.errors} errors
publications under load   ${publications.length}, visible on both nodes after max ${delays.length ? Math.max(...delays) : '–'} ms (median ${delays.length ? delays.sort((a, b) => a - b)[Math.floor(delays.length / 2)] : '–'} ms; per node: ${publications.map((p) => p.delays.join('/')).join(', ')})
unpublication             ${unpublishDelays ? `gone from both nodes after ${unpublishDelays.join(' / ')} ms` : '–'}
upload                    ${side.upload ? `${side.upload.url} (${side.upload.onS3 ? 'on S3' : 'NOT on S3: local disk'}), read back ${side.upload.statuses.join(', ')}` : 'failed'}
request intakes           ${side.intakes} accepted
node RSS at the end       ${rss.join(' / ')}
response cache            RESPONSE_CACHE=${env.RESPONSE_CACHE}
errors                    ${errors.length}`);
    if (side.upload && !side.upload.onS3)
      console.log('(The upload went to local disk: this build has no S3 provider wiring yet.)');
  } finally {
    await cleanUp();
  }
  if (errors.length > 0) {
    for (const message of errors) console.log(`  - ${message}`);
    process.exitCode = 1;
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopAll().catch(() => undefined);
  process.exitCode = 1;
});
