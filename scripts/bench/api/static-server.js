/**
 * The bench's ceiling: a plain Node http server answering each captured URL with the exact bytes
 * and content type the app answered (BENCH_STATIC_PAGES, a JSON file { url: { type, body } } with
 * base64 bodies), 404 for anything else. Says `{ ready }` over IPC.
 */
'use strict';
const fs = require('fs');
const http = require('http');

const pages = new Map(
  Object.entries(JSON.parse(fs.readFileSync(process.env.BENCH_STATIC_PAGES, 'utf8'))).map(
    ([url, page]) => [url, { type: page.type, body: Buffer.from(page.body, 'base64') }]
  )
);

const server = http.createServer((req, res) => {
  const page = pages.get(req.url);
  if (!page) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': page.type, 'Content-Length': page.body.length });
  res.end(page.body);
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ ready: true }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
