#!/usr/bin/env node
// A soak: `npm run soak -- [--seconds 60] [--connections 50] [--postgres]` (not part of npm test).
// Starts the compiled app in production mode on a fresh database with the demo, holds public
// read load (lists, pages never asked before, single items, GraphQL, feeds, sitemap) from many
// connections for the whole time while editors create, schedule and submit articles and three
// reviewers approve them, with the scheduler releasing them each second. Reports requests, 5xx,
// 429, p99, the server's RSS over time, and checks that every scheduled article went live
// exactly once. Any 5xx, any 429 (rate limits are off: a limit must never make it pass), a
// failed editorial step or an article not released exactly once fails the run. Writes docs/soak.md.
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const appDir = path.join(__dirname, '..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const SECONDS = Number(arg('seconds', 60));
const CONNECTIONS = Number(arg('connections', 50));
const POSTGRES = process.argv.includes('--postgres');
const secret = () => crypto.randomBytes(16).toString('hex');
const PASSWORDS = {
  editor: 'Soak-Editor-1a',
  reviewer1: 'Soak-Reviewer-1a',
  reviewer2: 'Soak-Reviewer-2a',
  chief: 'Soak-Chief-1a',
};

const rssOf = (pid) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
  } catch {
    return 0;
  }
};

const startServer = (env) =>
  new Promise((resolve, reject) => {
    const code =
      "require('@strapi/strapi').createStrapi({ appDir: process.cwd(), distDir: require('path').join(process.cwd(), 'dist') }).load().then((s) => s.start()).then(() => console.log('LISTENING'))";
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${process.env.SERVER_HEAP_MB || 256}`, '-e', code],
      { cwd: appDir, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (!output.includes('LISTENING')) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(child);
    };
    child.stdout.on('data', onData);
    child.on('exit', (exitCode) =>
      reject(new Error(`the server exited with ${exitCode}: ${output.slice(-500)}`)),
    );
  });

/** Every scheduled article's live rows and release records, read from the database itself. */
const releaseCounts = async (env, documentIds) => {
  const sql = {
    live: "select count(*) as n from articles where document_id = $1 and locale = 'zh-CN' and published_at is not null",
    releases:
      "select count(*) as n from workflow_audit_entries where target_document_id = $1 and target_locale = 'zh-CN' and action = 'publish'",
  };
  if (POSTGRES) {
    const { Client } = require('pg');
    const pg = new Client({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: env.DATABASE_NAME,
    });
    await pg.connect();
    const counts = [];
    for (const id of documentIds)
      counts.push({
        id,
        live: Number((await pg.query(sql.live, [id])).rows[0].n),
        releases: Number((await pg.query(sql.releases, [id])).rows[0].n),
      });
    await pg.end();
    return counts;
  }
  const Database = require('better-sqlite3');
  const db = new Database(path.resolve(appDir, env.DATABASE_FILENAME), { readonly: true });
  const counts = documentIds.map((id) => ({
    id,
    live: db.prepare(sql.live.replace('$1', '?')).get(id).n,
    releases: db.prepare(sql.releases.replace('$1', '?')).get(id).n,
  }));
  db.close();
  return counts;
};

const main = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
  if (!fs.existsSync(path.join(appDir, 'dist', 'build')))
    execFileSync('npx', ['strapi', 'build'], { cwd: appDir, stdio: 'inherit' });
  const stamp = Date.now();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const database = POSTGRES ? `soak_${stamp}` : path.join('.tmp', `soak-${stamp}.db`);
  const publicDir = path.join(appDir, '.tmp', `soak-public-${stamp}`);
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
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
    STRAPI_TELEMETRY_DISABLED: 'true',
    CRON_ENABLED: 'true',
    SCHEDULER_RULE: '* * * * * *',
    RATE_LIMIT_ENABLED: 'false',
    SCREEN_FEED_PUBLIC: 'true',
    LOG_LEVEL: 'warn',
    DEMO_EDITOR_PASSWORD: PASSWORDS.editor,
    DEMO_REVIEWER1_PASSWORD: PASSWORDS.reviewer1,
    DEMO_REVIEWER2_PASSWORD: PASSWORDS.reviewer2,
    DEMO_CHIEF_REVIEWER_PASSWORD: PASSWORDS.chief,
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
  if (POSTGRES) execFileSync('createdb', ['-h', '127.0.0.1', '-U', 'postgres', database]);
  let server = null;
  try {
    server = await startServer(env);
    const base = `http://127.0.0.1:${port}`;
    const rss = [{ second: 0, bytes: rssOf(server.pid) }];
    const started = Date.now();
    const sampler = setInterval(
      () =>
        rss.push({ second: Math.round((Date.now() - started) / 1000), bytes: rssOf(server.pid) }),
      5000,
    );

    const login = async (email, password) => {
      const response = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200)
        throw new Error(`${email} could not sign in: ${response.status}`);
      return (await response.json()).data.token;
    };
    const [editor, ...reviewers] = await Promise.all([
      login('editor@example.com', PASSWORDS.editor),
      login('reviewer1@example.com', PASSWORDS.reviewer1),
      login('reviewer2@example.com', PASSWORDS.reviewer2),
      login('chief@example.com', PASSWORDS.chief),
    ]);
    const one = (await (await fetch(`${base}/api/articles?locale=zh-CN`)).json()).data[0]
      .documentId;

    // Editors and reviewers at work for the whole soak: one article at a time, each scheduled a
    // few seconds ahead, so releases keep falling due under the read load.
    const scheduled = [];
    const editorialFailures = [];
    let loadRunning = true;
    const call = async (token, method, url, body) => {
      const response = await fetch(base + url, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });
      if (response.status >= 300)
        throw new Error(
          `${method} ${url}: ${response.status} ${(await response.text()).slice(0, 200)}`,
        );
      return response.json();
    };
    const editorial = async () => {
      for (let round = 0; loadRunning; round += 1) {
        try {
          const created = await call(
            editor,
            'POST',
            '/content-manager/collection-types/api::article.article?locale=zh-CN',
            {
              title: `耐久测试文章 ${round}`,
              slug: `soak-${stamp}-${round}`,
              body: [{ type: 'paragraph', children: [{ type: 'text', text: '耐久测试正文。' }] }],
              channels: { website: true, wechat: false, screen: true },
            },
          );
          const id = created.data.documentId;
          const workflow = `/workflow/documents/api::article.article/${id}`;
          const publishAt = new Date(Date.now() + 3000 + Math.floor(Math.random() * 7000));
          await call(editor, 'PUT', `${workflow}/schedule?locale=zh-CN`, {
            publishAt: publishAt.toISOString(),
          });
          await call(editor, 'POST', `${workflow}/submit?locale=zh-CN`, {});
          for (const reviewer of reviewers)
            await call(reviewer, 'POST', `${workflow}/approve?locale=zh-CN`, {});
          scheduled.push({ id, publishAt });
        } catch (error) {
          editorialFailures.push(error.message);
        }
      }
    };

    const autocannon = require('autocannon');
    let page = 0;
    const reads = [
      { method: 'GET', path: '/api/articles?locale=zh-CN' },
      { method: 'GET', path: '/api/articles?locale=zh-CN&sort=publishedAt:desc' },
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/articles?locale=zh-CN&sort=publishedAt:desc&pagination[start]=${(page += 1) % 50}&pagination[limit]=${1 + (page % 9)}`,
        }),
      },
      { method: 'GET', path: `/api/articles/${one}?locale=zh-CN` },
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ articles(sort: "publishedAt:desc") { documentId title } }',
        }),
      },
      { method: 'GET', path: '/api/feeds/rss' },
      { method: 'GET', path: '/api/sitemap.xml' },
      { method: 'GET', path: '/api/screen/feed' },
    ];
    const work = editorial();
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: reads,
      headers: { 'accept-encoding': 'gzip' },
    });
    loadRunning = false;
    await work;
    clearInterval(sampler);
    rss.push({ second: Math.round((Date.now() - started) / 1000), bytes: rssOf(server.pid) });

    // Every release that fell due, then the records.
    const lastDue = Math.max(...scheduled.map(({ publishAt }) => publishAt.getTime()), Date.now());
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastDue - Date.now()) + 5000));
    const counts = await releaseCounts(
      env,
      scheduled.map(({ id }) => id),
    );
    const notOnce = counts.filter(({ live, releases }) => live !== 1 || releases !== 1);

    const byStatus = (test) =>
      Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => test(Number(code)))
        .reduce((sum, [, { count }]) => sum + count, 0);
    const serverErrors = byStatus((code) => code >= 500);
    const tooMany = byStatus((code) => code === 429);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const report = [
      `### ${POSTGRES ? 'PostgreSQL' : 'SQLite'}, ${SECONDS} s, ${CONNECTIONS} connections`,
      '',
      `${os.cpus().length} cores, Node ${process.version}, production mode, rate limits off, scheduler every second; run ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| public reads answered | ${result.requests.total} (${result.requests.average.toFixed(0)} req/s) |`,
      `| 5xx | ${serverErrors} |`,
      `| 429 | ${tooMany} |`,
      `| other non-2xx, errors, timeouts | ${result.non2xx - serverErrors - tooMany}, ${result.errors}, ${result.timeouts} |`,
      `| latency p50 / p99 / max | ${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms |`,
      `| articles created, scheduled and approved | ${scheduled.length} (editorial steps failed: ${editorialFailures.length}) |`,
      `| released exactly once | ${counts.length - notOnce.length} of ${counts.length} |`,
      `| server RSS over time | ${rss.map(({ second, bytes }) => `${second} s: ${mb(bytes)}`).join(', ')} |`,
      '',
    ].join('\n');
    process.stdout.write(`\n${report}\n`);
    const failures = [
      ...(serverErrors > 0 ? [`${serverErrors} 5xx`] : []),
      ...(tooMany > 0 ? [`${tooMany} 429`] : []),
      ...(result.errors + result.timeouts > 0
        ? [`${result.errors} errors and ${result.timeouts} timeouts`]
        : []),
      ...editorialFailures.slice(0, 5).map((message) => `editorial step failed: ${message}`),
      ...notOnce
        .slice(0, 5)
        .map(({ id, live, releases }) => `${id}: ${live} live rows, ${releases} releases`),
      ...(scheduled.length === 0 ? ['no article was scheduled'] : []),
    ];
    const file = path.join(appDir, 'docs', 'soak.md');
    const header =
      '# Soak runs\n\nWritten by `npm run soak`; each section replaces the previous one of the same database.\n\n';
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : header;
    const heading = `### ${POSTGRES ? 'PostgreSQL' : 'SQLite'},`;
    const sections = existing.split(/(?=^### )/m).filter((section) => !section.startsWith(heading));
    fs.writeFileSync(file, [...sections, report].join(''));
    if (failures.length > 0) throw new Error(`a failed soak:\n${failures.join('\n')}`);
  } finally {
    server?.kill('SIGKILL');
    if (POSTGRES) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        execFileSync('dropdb', [
          '-h',
          '127.0.0.1',
          '-U',
          'postgres',
          '--if-exists',
          '--force',
          database,
        ]);
      } catch {}
    } else {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(path.join(appDir, database + suffix), { force: true });
    }
    fs.rmSync(publicDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
