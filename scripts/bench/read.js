#!/usr/bin/env node
// The public read path under load: `npm run bench:read -- [--articles 10000] [--postgres] [--seconds 5] [--connections 20]`.
// Seeds N published articles (cloned in SQL from a demo article, as a bulk import would), starts
// the compiled app in production mode in its own process, and loads it with wrk (one more
// process; scripts/bench/wrk-load.lua): a bare Node server returning the same bytes (the baseline every figure is a ratio
// to), /_health, repeated reads (list, newest first, single, GraphQL, RSS, sitemap, screen
// feed: response-cache hits after the first; four of them again from a second server with rate
// limits on) and reads of pages never asked before (misses, REST and GraphQL). Only 2xx answers
// count: any other status fails the run. Writes the table to docs/benchmarks.md.
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { writePlainApp } = require('./plain-strapi');

const appDir = path.join(__dirname, '..', '..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? true);
};
const ARTICLES = Number(arg('articles', 10000));
const POSTGRES = process.argv.includes('--postgres');
const SECONDS = Number(arg('seconds', 5));
const CONNECTIONS = Number(arg('connections', 20));
const ROLE = arg('role', 'main');
const PLAIN_LIST = 'plain Strapi: list, newest first, distinct pages';
// Every read asks as browsers and CDNs do: gzip where the server offers it.
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };
// `--profile <dir>`: the servers (plain and rate-limited) write V8 CPU profiles there when the run ends (node --cpu-prof).
const PROFILE_DIR = arg('profile', null);
// `--only <words>`: run only the reads whose name contains them (a partial run writes no table to docs).
const ONLY = arg('only', null);
// `--keep`: leave the seeded database in place (its name is printed) for EXPLAIN and profiling.
const KEEP = process.argv.includes('--keep');

const secret = () => crypto.randomBytes(16).toString('hex');

// ---- child: seed N articles --------------------------------------------------------------

// Two rows per article (draft and live), under SQLite's 500 terms per compound insert.
const BATCH = 200;

const seedArticles = async (strapi, count) => {
  const knex = strapi.db.connection;
  const isPostgres = strapi.db.dialect.client === 'postgres';
  const at = (ms) => (isPostgres ? new Date(ms) : ms);
  const column = (value) =>
    value !== null && typeof value === 'object' && !(value instanceof Date)
      ? JSON.stringify(value)
      : value;
  const [template] = await knex('articles')
    .whereNotNull('published_at')
    .where({ locale: 'zh-CN' })
    .orderBy('id')
    .limit(1);
  const [category] = await knex('articles_category_lnk').where({ article_id: template.id });
  const maxOf = async (table) => Number((await knex(table).max({ max: 'id' }))[0].max ?? 0);
  let articleId = await maxOf('articles');
  let channelId = await maxOf('components_publishing_channels');
  let linkId = await maxOf('articles_cmps');
  let categoryLinkId = await maxOf('articles_category_lnk');
  const now = Date.now();
  const { id: _id, ...fields } = template;
  for (let start = 0; start < count; start += BATCH) {
    const articles = [];
    const channels = [];
    const links = [];
    const categories = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const documentId = crypto.randomBytes(12).toString('hex').slice(0, 24);
      const publishedAt = now - (i + 1) * 60_000;
      for (const published of [false, true]) {
        const id = ++articleId;
        const row = Object.fromEntries(
          Object.entries(fields).map(([name, value]) => [name, column(value)]),
        );
        articles.push({
          ...row,
          id,
          document_id: documentId,
          slug: `bench-${i}`,
          title: `基准文章 第${i}篇`,
          created_at: at(publishedAt),
          updated_at: at(publishedAt),
          published_at: published ? at(publishedAt) : null,
        });
        channels.push({ id: ++channelId, website: true, wechat: false, screen: false });
        links.push({
          id: ++linkId,
          entity_id: id,
          cmp_id: channelId,
          component_type: 'publishing.channels',
          field: 'channels',
          order: 1,
        });
        if (category)
          categories.push({
            id: ++categoryLinkId,
            article_id: id,
            category_id: category.category_id,
          });
      }
    }
    await knex.transaction(async (trx) => {
      await trx('articles').insert(articles);
      await trx('components_publishing_channels').insert(channels);
      await trx('articles_cmps').insert(links);
      if (categories.length > 0) await trx('articles_category_lnk').insert(categories);
    });
  }
  if (isPostgres) {
    for (const table of [
      'articles',
      'components_publishing_channels',
      'articles_cmps',
      'articles_category_lnk',
    ]) {
      await knex.raw(
        `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
      );
    }
  }
};

const childStrapi = async () => {
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
};

// ---- child: a bare Node server returning the same bytes ----------------------------------

const bareServer = (directory) => {
  // `/<n>` answers the bytes (and type) of hit scenario n, as Strapi answered them.
  const bodies = new Map(
    fs
      .readdirSync(directory)
      .filter((name) => name.endsWith('.body'))
      .map((name) => [
        `/${name.slice(0, -'.body'.length)}`,
        {
          body: fs.readFileSync(path.join(directory, name)),
          headers: JSON.parse(
            fs.readFileSync(path.join(directory, name.replace(/\.body$/, '.type')), 'utf8'),
          ),
        },
      ]),
  );
  const server = require('http').createServer((request, response) => {
    const { body, headers } = bodies.get(request.url) ?? bodies.get('/0');
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`LISTENING ${server.address().port}\n`));
};

// ---- main --------------------------------------------------------------------------------

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// Each child's stdout (for a server, its access log at the default level) goes to a file, as a
// service manager's log would. Not a pipe read by this process: Node writes to pipes
// synchronously, so the server stalled whenever this process, sharing the two cores with wrk
// and the server, was not scheduled to drain it, and those stalls were the hits' p99.
let childLogDir = os.tmpdir();
let childCount = 0;
const run = (args, env, { waitFor, nodeFlags = [] } = {}) =>
  new Promise((resolve, reject) => {
    const logFile = path.join(childLogDir, `${args[1]}-${++childCount}.log`);
    const log = fs.openSync(logFile, 'w');
    const child = spawn(process.execPath, [...nodeFlags, __filename, ...args], {
      cwd: appDir,
      env,
      stdio: ['ignore', log, 'inherit'],
    });
    fs.closeSync(log);
    const printed = () => fs.readFileSync(logFile, 'utf8');
    const started = waitFor
      ? setInterval(() => {
          const match = printed().match(waitFor);
          if (!match) return;
          clearInterval(started);
          resolve({ child, match });
        }, 100)
      : null;
    child.on('exit', (code) => {
      clearInterval(started);
      return code === 0 && !waitFor
        ? resolve({ child })
        : reject(new Error(`${args.join(' ')} exited with ${code}: ${printed().slice(-500)}`));
    });
  });

/** The bytes exactly as sent (fetch would undo the gzip the bare server must send too). */
const rawRequest = (url, { method = 'GET', headers = {}, body } = {}) =>
  new Promise((resolve, reject) => {
    const request = require('http').request(
      url,
      { method, headers: { ...BROWSER_HEADERS, ...headers } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });

const rssOf = (pid) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
  } catch {
    return 0;
  }
};

// Load comes from wrk (Debian's package, C, one thread on the core the server leaves free), in
// its own process: autocannon, in Node, spent a core of its own on parsing and widened the tails.
const WRK_SCRIPT = path.join(__dirname, 'wrk-load.lua');
const wrkVersion = () => {
  try {
    return execFileSync('wrk', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).split('\n')[0];
  } catch (error) {
    // wrk prints its version and exits with 1.
    if (error.stdout)
      return String(error.stdout)
        .split('\n')[0]
        .replace(/ \[.*$/, '');
    throw new Error('bench:read loads the server with wrk: apt-get install -y wrk');
  }
};

/** Resolves once the server of `url` answers a request sent now: everything queued before it was answered. */
const drained = async (url) => {
  const response = await fetch(`${new URL(url).origin}/_health`);
  await response.arrayBuffer();
};

// Pages nobody asked for before: page n of the archive starts at (n * stride) % offsets, so
// offsets stride through the whole archive (a crawler's deep pages as much as the first ones),
// and once every offset was used, the same again with one more article each. wrk-load.lua
// computes the same from the first page number of a run.
const OFFSETS = Math.max(1, ARTICLES - 20);
const STRIDE = [7919, 7907, 7901].find((prime) => OFFSETS % prime !== 0);
const PAGE_LIST =
  '/api/articles?locale=zh-CN&sort=publishedAt:desc&pagination[start]={start}&pagination[limit]={limit}';
const PAGE_GRAPHQL = JSON.stringify({
  query:
    '{ articles(sort: "publishedAt:desc", pagination: { start: {start}, limit: {limit} }) { documentId title } }',
});
// The next unasked page number of each server and shape, carried from one run to the next.
const nextPage = new Map();

const load = async (
  url,
  {
    method = 'GET',
    headers = {},
    body = '',
    connections = CONNECTIONS,
    pages,
    seconds = SECONDS,
  } = {},
  watchPid,
) => {
  const target = new URL(url);
  const first = pages ? (nextPage.get(pages.counter) ?? 0) : 0;
  const args = [
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    WRK_SCRIPT,
    ...Object.entries({ ...BROWSER_HEADERS, ...headers }).flatMap(([name, value]) => [
      '-H',
      `${name}: ${value}`,
    ]),
    target.origin,
    '--',
    method,
    pages?.path ?? target.pathname + target.search,
    pages?.body ?? body,
    String(first),
    String(STRIDE),
    String(OFFSETS),
  ];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(watchPid))), 200);
  const output = await new Promise((resolve, reject) => {
    const wrk = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    wrk.stdout.on('data', (chunk) => (printed += chunk));
    wrk.on('error', reject);
    wrk.on('exit', (code) =>
      code === 0
        ? resolve(printed)
        : reject(new Error(`wrk exited with ${code}: ${printed.slice(-500)}`)),
    );
  });
  clearInterval(sampler);
  const summary = JSON.parse(output.match(/^WRK (.*)$/m)[1]);
  // Every request a connection began counts as used, answered or not.
  if (pages) nextPage.set(pages.counter, first + summary.requests + connections);
  const other = summary.non2xx + summary.connect + summary.read + summary.write + summary.timeout;
  const answered = summary.requests - summary.non2xx;
  // A read that never answered within the run is a failure too, not a zero in the table.
  const ms = (us) => Math.round(us / 100) / 10;
  return {
    rps: summary.requests / (summary.durationUs / 1e6),
    p50: ms(summary.p50Us),
    p99: ms(summary.p99Us),
    other,
    non2xx: summary.non2xx,
    answered,
    peak,
  };
};

const main = async () => {
  const loadGenerator = wrkVersion();
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
  const stamp = Date.now();
  const database = POSTGRES ? `bench_read_${stamp}` : path.join('.tmp', `bench-read-${stamp}.db`);
  const publicDir = path.join(appDir, '.tmp', `bench-read-public-${stamp}`);
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  childLogDir = publicDir;
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    PUBLIC_DIR: publicDir,
    SEED_DEMO: 'true',
    CRON_ENABLED: 'false',
    SCREEN_FEED_PUBLIC: 'true',
    RATE_LIMIT_ENABLED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    WEBSITE_URL: 'https://www.example.cn',
    ...(POSTGRES
      ? {
          DATABASE_CLIENT: 'postgres',
          DATABASE_HOST: '127.0.0.1',
          DATABASE_PORT: '5432',
          DATABASE_NAME: database,
          DATABASE_USERNAME: 'postgres',
          DATABASE_PASSWORD: '',
        }
      : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database }),
  };
  const plainDatabase = POSTGRES
    ? `${database}_plain`
    : `${database.replace(/\.db$/, '')}-plain.db`;
  if (POSTGRES) execFileSync('createdb', ['-h', '127.0.0.1', '-U', 'postgres', database]);
  const children = [];
  try {
    const seedStart = Date.now();
    const indexList = path.join(publicDir, 'read-indexes.json');
    await run(
      [
        '--role',
        'seed',
        '--articles',
        String(ARTICLES),
        '--index-list',
        indexList,
        '--plain-copy',
        path.resolve(appDir, plainDatabase),
      ],
      { ...env, LOG_LEVEL: 'error' },
    );
    const seedSeconds = ((Date.now() - seedStart) / 1000).toFixed(0);
    // Plain Strapi reads a copy of the same data, without the read indexes this project adds.
    const ourIndexes = JSON.parse(fs.readFileSync(indexList, 'utf8'));
    if (POSTGRES) {
      execFileSync('createdb', [
        '-h',
        '127.0.0.1',
        '-U',
        'postgres',
        '-T',
        database,
        plainDatabase,
      ]);
      execFileSync('psql', [
        '-h',
        '127.0.0.1',
        '-U',
        'postgres',
        '-d',
        plainDatabase,
        '-q',
        '-c',
        `DROP INDEX IF EXISTS ${ourIndexes.map((name) => `"${name}"`).join(', ')}`,
        '-c',
        'VACUUM ANALYZE',
      ]);
    } else {
      const copy = new (require('better-sqlite3'))(path.resolve(appDir, plainDatabase));
      for (const name of ourIndexes) copy.exec(`DROP INDEX IF EXISTS "${name}"`);
      copy.close();
    }
    const plainPort = await freePort();
    const plainEnv = {
      ...env,
      PORT: String(plainPort),
      ...(POSTGRES
        ? { DATABASE_NAME: plainDatabase }
        : { DATABASE_FILENAME: path.resolve(appDir, plainDatabase) }),
    };
    const { child: plain } = await run(
      [
        '--role',
        'plain',
        '--directory',
        writePlainApp(appDir, path.join(publicDir, 'plain-strapi')),
      ],
      plainEnv,
      {
        waitFor: /LISTENING/,
        nodeFlags: [`--max-old-space-size=${process.env.SERVER_HEAP_MB || 256}`],
      },
    );
    children.push(plain);
    const plainBase = `http://127.0.0.1:${plainPort}`;

    // The heap limit `npm start` gives the server (SERVER_HEAP_MB, see docs/operations.md, "Memory").
    const heapFlag = `--max-old-space-size=${process.env.SERVER_HEAP_MB || 256}`;
    const profileFlags = PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`]
      : [];
    const { child: server } = await run(['--role', 'serve'], env, {
      waitFor: /LISTENING/,
      nodeFlags: [heapFlag, ...profileFlags],
    });
    children.push(server);
    const startedRss = rssOf(server.pid);
    const base = `http://127.0.0.1:${port}`;
    const list = '/api/articles?locale=zh-CN&pagination[pageSize]=10';
    const newest = `${list}&sort=publishedAt:desc`;
    const one = (await (await fetch(base + newest)).json()).data[0].documentId;
    const graphql = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ articles(sort: "publishedAt:desc", pagination: { limit: 10 }) { documentId title } }',
      }),
    };
    // First reads, one at a time, of what is built from the whole archive: the sitemap index, its
    // parts (up to ten) and the feeds. Misses all; later reads of them are the hits below.
    const firstReads = [];
    const firstRead = async (url) => {
      const started = process.hrtime.bigint();
      const response = await rawRequest(url);
      if (response.status === 200)
        firstReads.push({
          url: url.slice(base.length),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        });
      return response.status;
    };
    if ((await firstRead(`${base}/api/sitemap.xml`)) !== 200)
      throw new Error('the sitemap index did not answer 200: a failed run');
    for (let part = 1; part <= 10; part += 1) {
      if ((await firstRead(`${base}/api/sitemaps/${part}.xml`)) !== 200) break; // past the last part: a 404
    }
    const sitemapParts = firstReads.length - 1;
    for (const format of ['rss', 'atom', 'json']) {
      for (const locale of ['zh-CN', 'en']) {
        if ((await firstRead(`${base}/api/feeds/${format}?locale=${locale}`)) !== 200)
          throw new Error(`the ${format} feed (${locale}) did not answer 200: a failed run`);
      }
    }
    const byTime = [...firstReads].sort((a, b) => a.ms - b.ms);
    const slowest = byTime[byTime.length - 1];
    const slowestPart = byTime.filter(({ url }) => url.startsWith('/api/sitemaps/')).pop();
    const firstReadLine = `First reads (misses, one at a time) of the sitemap index, ${sitemapParts} sitemap parts and 6 feeds (RSS, Atom, JSON Feed; two locales): p50 ${byTime[Math.floor(byTime.length / 2)].ms.toFixed(0)} ms, slowest ${slowest.ms.toFixed(0)} ms (${slowest.url})${slowestPart ? `; slowest part ${slowestPart.ms.toFixed(0)} ms` : ''}.`;
    process.stdout.write(`${firstReadLine}\n`);

    const hits = [
      ['hit: list, default order', base + list],
      ['hit: list, newest first', base + newest],
      ['hit: single article', `${base}/api/articles/${one}?locale=zh-CN`],
      ['hit: GraphQL newest 10', `${base}/graphql`, graphql],
      ['hit: RSS feed', `${base}/api/feeds/rss`],
      ['hit: sitemap index', `${base}/api/sitemap.xml`],
      ['hit: sitemap part 1', `${base}/api/sitemaps/1.xml`],
      ['hit: screen feed', `${base}/api/screen/feed`],
    ];
    // The baseline of each hit: a bare Node server answering the very bytes Strapi answered.
    const bodiesDir = path.join(appDir, '.tmp', `bench-read-bodies-${stamp}`);
    fs.mkdirSync(bodiesDir, { recursive: true });
    for (const [index, [, url, options = {}]] of hits.entries()) {
      const response = await rawRequest(url, options);
      fs.writeFileSync(path.join(bodiesDir, `${index}.body`), response.body);
      fs.writeFileSync(
        path.join(bodiesDir, `${index}.type`),
        JSON.stringify({
          'content-type': response.headers['content-type'] ?? 'application/octet-stream',
          ...(response.headers['content-encoding']
            ? { 'content-encoding': response.headers['content-encoding'] }
            : {}),
        }),
      );
    }
    const { child: bare, match } = await run(['--role', 'bare', '--directory', bodiesDir], env, {
      waitFor: /LISTENING (\d+)/,
    });
    children.push(bare);
    const bareUrl = (index) => `http://127.0.0.1:${match[1]}/${index}`;

    // The same server with rate limits on: every hit is counted against its address first.
    // Allowances too large to reach, so what is measured is the counting, never a 429.
    const limitedPort = await freePort();
    const unreachable = String(1e9);
    const limitedEnv = {
      ...env,
      PORT: String(limitedPort),
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_READS_PER_MINUTE: unreachable,
      RATE_LIMIT_TOKEN_READS_PER_MINUTE: unreachable,
    };
    const { child: limited } = await run(['--role', 'serve'], limitedEnv, {
      waitFor: /LISTENING/,
      nodeFlags: [heapFlag, ...profileFlags],
    });
    children.push(limited);
    const limitedBase = `http://127.0.0.1:${limitedPort}`;
    const LIMITED_HITS = [
      'hit: list, newest first',
      'hit: single article',
      'hit: GraphQL newest 10',
      'hit: screen feed',
    ];

    const scenarios = [
      ['/_health', `${base}/_health`, {}, server.pid, 0],
      ...hits.flatMap(([name, url, options = {}], index) => [
        [
          `bare Node server, bytes of “${name.slice(5)}”`,
          bareUrl(index),
          options,
          bare.pid,
          index,
          true,
        ],
        [name, url, options, server.pid, index],
        ...(LIMITED_HITS.includes(name)
          ? [
              [
                `${name}, rate limits on`,
                url.replace(base, limitedBase),
                options,
                limited.pid,
                index,
              ],
            ]
          : []),
      ]),
      // Each request a page nobody asked for before: what a cache cannot help with.
      [
        'miss: list, newest first, distinct pages',
        base + newest,
        { pages: { counter: 'list', path: PAGE_LIST } },
      ],
      [
        'miss: GraphQL newest first, distinct pages',
        `${base}/graphql`,
        { ...graphql, pages: { counter: 'graphql', body: PAGE_GRAPHQL } },
      ],
      // One reader alone: a miss's own latency, without 19 others queued before it.
      [
        'miss, one connection: list, newest first, distinct pages',
        base + newest,
        { connections: 1, pages: { counter: 'list', path: PAGE_LIST } },
      ],
      [
        'miss, one connection: GraphQL newest first, distinct pages',
        `${base}/graphql`,
        { ...graphql, connections: 1, pages: { counter: 'graphql', body: PAGE_GRAPHQL } },
      ],
      // The same pages from plain Strapi (which has no cache: every read of it is a miss).
      [PLAIN_LIST, plainBase + newest, { pages: { counter: 'plain', path: PAGE_LIST } }, plain.pid],
      [
        `${PLAIN_LIST}, one connection`,
        plainBase + newest,
        { connections: 1, pages: { counter: 'plain', path: PAGE_LIST } },
        plain.pid,
      ],
    ];
    const rows = [];
    const bareRps = new Map();
    for (const [
      name,
      url,
      options = {},
      pid = server.pid,
      baseline = 0,
      isBare = false,
    ] of scenarios.filter(([name]) => !ONLY || name.includes(ONLY))) {
      // wrk stops at the deadline with requests still queued in the server (20 misses, each some
      // milliseconds): a run starts once its server has answered everything asked before it.
      await drained(url);
      // A repeated read is warmed up first, unmeasured: the server's first answer to it is a miss,
      // and a server's first seconds under load are V8 compiling its hot path.
      if (!options.pages) {
        await load(url, { ...options, seconds: 1 }, pid);
        await drained(url);
      }
      const row = { name, baseline, isBare, ...(await load(url, options, pid)) };
      if (isBare) bareRps.set(baseline, row.rps);
      rows.push(row);
      process.stdout.write(`${name}: ${row.rps.toFixed(0)} req/s\n`);
    }
    // /_health runs first, before its baseline (the list's bytes) is measured.
    const ratio = (row) => (row.rps / bareRps.get(row.baseline)).toFixed(4);
    const ours = rows.filter((row) => !row.isBare && !row.name.startsWith(PLAIN_LIST));
    const peak = Math.max(...ours.map((row) => row.peak));
    // A miss against plain Strapi reading the same pages, in this run.
    const rowOf = (name) => rows.find((row) => row.name === name);
    const versusPlain = (name, plainName) => {
      const [ours, plain] = [rowOf(name), rowOf(plainName)];
      if (!ours || !plain) return 'not run';
      return plain.answered === 0
        ? `more than ${ours.answered}× (plain Strapi answered no page within ${SECONDS} s)`
        : `${(ours.rps / plain.rps).toFixed(2)}×`;
    };
    // Plain Strapi is the baseline: that it answers slowly, or not within the run, is what is
    // measured; only a wrong answer from it fails the run.
    const isPlain = (row) => row.name.startsWith(PLAIN_LIST);
    const failed = rows.filter((row) =>
      isPlain(row) ? row.non2xx > 0 : row.other > 0 || row.answered === 0,
    );
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const table = [
      `### ${ARTICLES.toLocaleString('en')} articles, ${POSTGRES ? 'PostgreSQL' : 'SQLite'}`,
      '',
      `${os.cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections (one where a row says so), ${SECONDS} s each, production mode, log level default, ${heapFlag}, load from ${loadGenerator} (one thread); seeded in ${seedSeconds} s. Server RSS after start ${mb(startedRss)}, peak under load ${mb(peak)}.`,
      '',
      firstReadLine,
      '',
      `Misses (pages never asked before, newest first) against plain Strapi reading the same pages: ${versusPlain('miss: list, newest first, distinct pages', PLAIN_LIST)} its throughput at ${CONNECTIONS} connections, ${versusPlain('miss, one connection: list, newest first, distinct pages', `${PLAIN_LIST}, one connection`)} with one.`,
      '',
      "Each hit is compared with a bare Node server answering its very bytes (the row above it); `/_health`, the misses and plain Strapi with the bare server answering the list page. Plain Strapi: the same Strapi version and content types on a copy of the same database, with Strapi's default middlewares and core controllers and none of this project's code or indexes (scripts/bench/plain-strapi.js).",
      '',
      '| read | req/s | ratio to bare | p50 ms | p99 ms | non-2xx | peak RSS |',
      '|---|---|---|---|---|---|---|',
      ...rows.map((row) =>
        row.answered === 0
          ? `| ${row.name} | 0 (no answer within ${SECONDS} s) | 0 | — | — | ${row.other} | ${mb(row.peak)} |`
          : `| ${row.name} | ${row.rps.toFixed(0)} | ${ratio(row)} | ${row.p50} | ${row.p99} | ${row.other} | ${mb(row.peak)} |`,
      ),
      '',
    ].join('\n');
    process.stdout.write(`\n${table}\n`);
    const file = path.join(appDir, 'docs', 'benchmarks.md');
    const partial = Boolean(ONLY || PROFILE_DIR);
    const header =
      '# Read benchmarks\n\nWritten by `npm run bench:read`; each section replaces the previous one of the same size and database.\n\n';
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : header;
    const heading = table.split('\n')[0];
    const sections = existing.split(/(?=^### )/m).filter((section) => !section.startsWith(heading));
    if (!partial)
      fs.writeFileSync(file, [...sections, table].join('').replace(/^(?!# Read)/, header));
    if (failed.length > 0)
      throw new Error(
        `non-2xx or no answers in: ${failed.map((row) => row.name).join(', ')}: a failed run`,
      );
  } finally {
    // A profiled server is asked to stop (SIGINT), so that V8 writes its profile on the way out.
    const signal = PROFILE_DIR ? 'SIGINT' : 'SIGKILL';
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill(signal)),
          ),
      ),
    );
    if (KEEP) process.stdout.write(`Kept the seeded database: ${database}\n`);
    for (const name of KEEP ? [plainDatabase] : [database, plainDatabase]) {
      if (POSTGRES) {
        try {
          execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', name]);
        } catch {}
      } else {
        for (const suffix of ['', '-wal', '-shm'])
          fs.rmSync(path.join(appDir, name + suffix), { force: true });
      }
    }
    fs.rmSync(publicDir, { recursive: true, force: true });
    fs.rmSync(path.join(appDir, '.tmp', `bench-read-bodies-${stamp}`), {
      recursive: true,
      force: true,
    });
  }
};

const child = async () => {
  if (ROLE === 'bare') return bareServer(arg('directory'));
  if (ROLE === 'plain') {
    const { createStrapi } = require('@strapi/strapi');
    const plainDir = arg('directory');
    await (await createStrapi({ appDir: plainDir, distDir: plainDir }).load()).start();
    process.stdout.write('LISTENING\n');
    return;
  }
  const strapi = await (await childStrapi()).load();
  if (ROLE === 'seed') {
    await seedArticles(strapi, Number(arg('articles', ARTICLES)));
    // As `npm run reindex` after a bulk import: PostgreSQL plans with the tables' new sizes.
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM (ANALYZE)');
    // For plain Strapi's copy of this database: the read indexes it would not have.
    const { readIndexesOf } = require(
      path.join(appDir, 'dist', 'src', 'documents', 'read-indexes.js'),
    );
    const { PUBLISHABLE_UIDS } = require(path.join(appDir, 'dist', 'src', 'constants.js'));
    fs.writeFileSync(
      arg('index-list'),
      JSON.stringify(
        PUBLISHABLE_UIDS.flatMap((uid) => readIndexesOf(strapi, uid).map(({ name }) => name)),
      ),
    );
    if (strapi.db.dialect.client === 'sqlite')
      await strapi.db.connection.raw('VACUUM INTO ?', [arg('plain-copy')]);
    await strapi.destroy();
    process.exit(0);
  }
  await strapi.start();
  process.stdout.write('LISTENING\n');
};

module.exports = { seedArticles };

if (require.main === module) {
  (ROLE === 'main' ? main() : child()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
