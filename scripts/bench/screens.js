#!/usr/bin/env node
// Benchmark of the screen channel on a real server (compiled app, throwaway SQLite database,
// demo content): how long after a publish a connected screen hears of it over the stream, and
// how many feed requests per second the server answers (full body, and 304 with If-None-Match).
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { performance } = require('perf_hooks');
const autocannon = require('autocannon');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const ROUNDS = Number(process.env.BENCH_PUBLISHES || 20);
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const appDir = path.join(__dirname, '..', '..');
const database = path.join('.tmp', `bench-${Date.now()}.db`);
const publicDir = path.join(appDir, '.tmp', `bench-public-${Date.now()}`);
fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
const secret = () => crypto.randomBytes(16).toString('hex');
Object.assign(process.env, {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: database,
  PUBLIC_DIR: publicDir,
  SEED_DEMO: 'true',
  CRON_ENABLED: 'false',
  SCREEN_FEED_PUBLIC: 'true',
  LOG_LEVEL: 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
});

const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ];

const main = async () => {
  const { distDir } = await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();
  const { recordSystemApproval } = require(
    path.join(distDir, 'src', 'workflow', 'review-actions.js'),
  );
  const { releaseApproved } = require(path.join(distDir, 'src', 'workflow', 'release.js'));

  // One screen on the stream, timing when each publish arrives.
  const arrivals = new Map();
  const stream = http.get({ host: '127.0.0.1', port, path: '/api/screen/stream' }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      for (const match of chunk.matchAll(/"documentId":"([^"]+)"/g))
        arrivals.set(match[1], performance.now());
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 300));

  const fromCall = [];
  for (let round = 0; round < ROUNDS; round++) {
    const draft = await strapi.documents('api::article.article').create({
      data: {
        title: `大屏测速 ${round}`,
        slug: `screen-bench-${round}`,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }],
        channels: { website: true, wechat: false, screen: true },
      },
      locale: 'zh-CN',
    });
    const ref = { uid: 'api::article.article', documentId: draft.documentId, locale: 'zh-CN' };
    const approved = await recordSystemApproval(strapi, ref, 'benchmark');
    const start = performance.now();
    await releaseApproved(strapi, approved, { type: 'system', name: 'benchmark' });
    while (!arrivals.has(draft.documentId) && performance.now() - start < 5000)
      await new Promise((resolve) => setImmediate(resolve));
    fromCall.push((arrivals.get(draft.documentId) ?? Infinity) - start);
  }
  stream.destroy();
  console.log(
    `screen stream: ${ROUNDS} publishes, time from the publish call to the screen hearing it`,
  );
  console.log(
    `  p50 ${percentile(fromCall, 50).toFixed(1)} ms, p95 ${percentile(fromCall, 95).toFixed(1)} ms, max ${Math.max(...fromCall).toFixed(1)} ms`,
  );

  const url = `http://127.0.0.1:${port}/api/screen/feed`;
  const etag = (await fetch(url)).headers.get('etag');
  for (const [label, headers] of [
    ['full feed (200)', {}],
    ['unchanged feed (304)', { 'If-None-Match': etag }],
  ]) {
    const result = await autocannon({ url, connections: 10, duration: SECONDS, headers });
    console.log(
      `screen feed, ${label}: ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result['2xx']} × 2xx, ${result['3xx']} × 3xx, ${result['4xx'] + result['5xx']} errors`,
    );
  }

  await strapi.destroy();
  for (const suffix of ['', '-wal', '-shm'])
    fs.rmSync(path.join(appDir, database + suffix), { force: true });
  fs.rmSync(publicDir, { recursive: true, force: true });
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
