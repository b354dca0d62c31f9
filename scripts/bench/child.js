/**
 * One step of the benchmark in its own process, so that its peak memory
 * (`process.resourceUsage().maxRSS`) is its own: `generate <items>`, `sql <year> <runs>` or
 * `naive <year> <runs>`. The database comes from the environment (set by index.js); the result is
 * written as JSON to BENCH_RESULT_FILE.
 */
'use strict';
const fs = require('fs');
const { bootApp, stopApp } = require('./app');
const { census, generate } = require('./generate');
const { capturePlans, naiveCounts, statisticsOverHttp } = require('./measure');

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const bootStarted = Date.now();
  const strapi = await bootApp();
  const bootSeconds = (Date.now() - bootStarted) / 1000;
  const log = (message) => console.log(`  [${mode}] ${message}`);
  let result;
  try {
    if (mode === 'generate') {
      const generated = await generate(strapi, Number(args[0]), { log });
      result = { ...generated, census: await census(strapi) };
    } else if (mode === 'sql') {
      const [year, runs] = args.map(Number);
      const http = await statisticsOverHttp(strapi, { year, runs });
      const plans = await capturePlans(strapi, { year });
      result = { http, plans };
    } else if (mode === 'naive') {
      const [year, runs] = args.map(Number);
      result = { naive: await naiveCounts(strapi, { year, runs }) };
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
  } finally {
    await stopApp(strapi);
  }
  // maxRSS is in kilobytes on Linux.
  result.maxRssBytes = process.resourceUsage().maxRSS * 1024;
  result.bootSeconds = bootSeconds;
  fs.writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
