// The built CMS in production mode on a throwaway SQLite database with the demo content, and
// headless Chromium, for what is checked or captured in a real browser: the browser tests
// (tests/browser) and `npm run screenshots`. Needs the admin panel built (`npm run build`) and
// Debian's chromium (`apt-get install -y chromium`; CHROMIUM_PATH to use another).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const root = path.join(__dirname, '..', '..');
const secret = () => crypto.randomBytes(24).toString('base64');
const password = () => `Browser-${crypto.randomBytes(6).toString('base64url')}a1A`;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Why no browser can be had here, or null when one can. */
const missingBrowser = () => {
  if (!fs.existsSync(CHROMIUM_PATH))
    return `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  try {
    require.resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm ci)';
  }
  return null;
};

/** Why the admin panel cannot be served, or null when it is built. */
const missingAdminBuild = () =>
  fs.existsSync(path.join(root, 'dist', 'build', 'index.html'))
    ? null
    : 'the admin panel is not built (npm run build)';

const launchBrowser = () =>
  require('playwright-core').chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });

/**
 * Starts the CMS on `port` with the demo accounts, each with a fresh password, and a screen
 * token. Resolves once it answers; `stop()` ends it and removes its database and uploads.
 */
const startCms = async ({ port, name = 'browser', extraEnv = {} }) => {
  const base = `http://127.0.0.1:${port}`;
  const stamp = `${name}-${Date.now()}-${process.pid}`;
  const databaseFile = path.join('.tmp', `${stamp}.db`);
  // Uploads of this run stay out of the project's public/uploads.
  const publicDir = path.join(root, '.tmp', `${stamp}-public`);
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  for (const page of ['screen', 'participate'])
    fs.cpSync(path.join(root, 'public', page), path.join(publicDir, page), { recursive: true });
  const accounts = {
    superAdmin: ['admin@example.com', password()],
    editor: ['editor@example.com', password()],
    reviewer: ['reviewer1@example.com', password()],
    secondReviewer: ['reviewer2@example.com', password()],
    chiefReviewer: ['chief@example.com', password()],
    // The demo staff (staff1…4@example.com) share one password.
    staff: ['staff1@example.com', password()],
  };
  const screenToken = secret().replace(/[^A-Za-z0-9]/g, '');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    PUBLIC_DIR: publicDir,
    SEED_DEMO: 'true',
    ADMIN_EMAIL: accounts.superAdmin[0],
    ADMIN_PASSWORD: accounts.superAdmin[1],
    DEMO_EDITOR_PASSWORD: accounts.editor[1],
    DEMO_REVIEWER1_PASSWORD: accounts.reviewer[1],
    DEMO_REVIEWER2_PASSWORD: accounts.secondReviewer[1],
    DEMO_CHIEF_REVIEWER_PASSWORD: accounts.chiefReviewer[1],
    DEMO_STAFF_PASSWORD: accounts.staff[1],
    SCREEN_TOKENS: screenToken,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const server = spawn(path.join(root, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = null;
  server.on('exit', (code) => (exited = code ?? 'signal'));
  const stop = async () => {
    if (exited === null) {
      const gone = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await gone;
    }
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(root, databaseFile + suffix), { force: true });
    fs.rmSync(publicDir, { recursive: true, force: true });
  };
  for (let second = 0; second < 180; second++) {
    if (exited !== null) break;
    try {
      if ((await fetch(`${base}/_health`)).status === 204)
        return { base, accounts, screenToken, server, stop };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error(
    exited !== null
      ? `the CMS exited (${exited}) before it answered`
      : 'the CMS did not answer within three minutes',
  );
};

/** The admin API as an account: JSON in, JSON out; anything but a 2xx throws with the answer. */
const adminApi = (base) => {
  const call = async (token, method, url, body) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    return json;
  };
  const login = async ([email, pass]) =>
    (await call(null, 'POST', '/admin/login', { email, password: pass })).data.token;
  return { call, login };
};

/** A page signed in to the admin panel as `account`, in Chinese, on Shanghai time (or the browser zone given). */
const signIn = async (
  browser,
  base,
  [email, pass],
  viewport = { width: 1440, height: 1100 },
  timezoneId = 'Asia/Shanghai',
) => {
  const page = await browser.newPage({ viewport, locale: 'zh-CN', timezoneId });
  // Headless Chromium stops granting idle periods while the list's selection bar is shown (idle
  // callbacks time out; the CPU is idle), and Strapi draws the list's bulk actions, and other
  // plugin-described buttons, only in an idle callback: they never came. A desktop browser grants
  // them; here the callback runs on the next task, as Strapi's own fallback for browsers without one.
  await page.addInitScript(() => {
    window.requestIdleCallback = (callback) =>
      window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 1);
    window.cancelIdleCallback = (handle) => window.clearTimeout(handle);
  });
  // Leaving a form with unsaved edits asks the browser to confirm: tests and captures leave on purpose.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', pass);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return page;
};

const editViewPath = (uid, documentId, locale = 'zh-CN') =>
  `/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`;

/**
 * Strapi's preview page of a document (the edit view's "Open preview"), showing this CMS's own
 * preview (src/preview) in its frame: resolves to that frame once its 预览 bar is there.
 */
const openPreview = async (page, base, uid, documentId, locale = 'zh-CN') => {
  await page.goto(`${base}${editViewPath(uid, documentId, locale)}`);
  await page.getByRole('link', { name: /Open preview/ }).click();
  const frame = page.frameLocator('[data-testid="preview-iframe"]');
  await frame.getByTestId('preview-bar').waitFor({ timeout: 60_000 });
  return frame;
};

/** Picks a device width in Strapi's preview page: /Desktop/ or /Mobile/. */
const previewDevice = async (page, name) => {
  await page
    .getByRole('combobox')
    .filter({ hasText: /Desktop|Mobile/ })
    .click();
  await page.getByRole('option', { name }).click();
};

module.exports = {
  root,
  missingBrowser,
  missingAdminBuild,
  launchBrowser,
  startCms,
  adminApi,
  signIn,
  editViewPath,
  openPreview,
  previewDevice,
};
