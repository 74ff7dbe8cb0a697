import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import supertest from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { addAppApis } from './content-types';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Known passwords for the accounts the bootstrap creates, so tests can sign in as each role. */
export const ACCOUNTS = {
  superAdmin: { email: 'admin@example.com', password: 'Test-Admin-Pass1' },
  editor: { email: 'editor@example.com', password: 'Test-Editor-Pass1' },
  reviewer: { email: 'reviewer1@example.com', password: 'Test-Reviewer-Pass1' },
  secondReviewer: { email: 'reviewer2@example.com', password: 'Test-Reviewer-Pass2' },
  chiefReviewer: { email: 'chief@example.com', password: 'Test-Chief-Pass1' },
} as const;

const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  APP_KEYS: 'test-key-a,test-key-b',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
  STRAPI_TELEMETRY_DISABLED: 'true',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  SEED_DEMO: 'true',
  // The demo's staff and contributions (an extra live article) only where a suite asks for them.
  SEED_DEMO_PARTICIPATION: 'false',
  // No wall-clock scheduler in tests: they call it with their own clock.
  CRON_ENABLED: 'false',
  // Off except in the rate-limit suite: no other suite can pass or fail because of a limit.
  RATE_LIMIT_ENABLED: 'false',
  ADMIN_EMAIL: ACCOUNTS.superAdmin.email,
  ADMIN_PASSWORD: ACCOUNTS.superAdmin.password,
  DEMO_EDITOR_PASSWORD: ACCOUNTS.editor.password,
  DEMO_REVIEWER1_PASSWORD: ACCOUNTS.reviewer.password,
  DEMO_REVIEWER2_PASSWORD: ACCOUNTS.secondReviewer.password,
  DEMO_CHIEF_REVIEWER_PASSWORD: ACCOUNTS.chiefReviewer.password,
};

export type TestApp = {
  strapi: Core.Strapi;
  http: () => supertest.Agent;
  /** Signs in to the admin panel and returns the JWT for Authorization headers. */
  adminToken: (account: { email: string; password: string }) => Promise<string>;
  /** A new Content API token of `type`, created by the super admin as a partner site would get one. */
  apiToken: (type: 'read-only' | 'full-access') => Promise<string>;
  /** Uploads a PNG of one colour as `account` (an editor, usually) and returns the stored file. */
  uploadPng: (
    account: { email: string; password: string },
    color: string,
    size?: { width: number; height: number },
  ) => Promise<{ id: number; hash: string; documentId: string; url: string }>;
  /**
   * Stops the instance and starts a new one on the same database, as a server restart would;
   * `whileStopped` runs in between (a restore from a backup).
   */
  restart: (whileStopped?: () => Promise<void>) => Promise<void>;
  /** The environment the instance runs with (its database and upload folder), for commands an operator would run. */
  env: () => Record<string, string>;
  close: () => Promise<void>;
};

/** Boots the compiled app in-process on a throwaway database, with routes mounted but no port. */
export const bootTestApp = async (env: Record<string, string> = {}): Promise<TestApp> => {
  const database: TestDatabase = await createTestDatabase();
  const appDir = process.cwd();
  // Media uploaded by a test run never lands in the project's own public/uploads.
  fs.mkdirSync(path.join(appDir, '.tmp', 'test'), { recursive: true });
  const publicDir = fs.mkdtempSync(path.join(appDir, '.tmp', 'test', 'public-'));
  fs.mkdirSync(path.join(publicDir, 'uploads'));
  // Test apps run in parallel on one Redis: each keeps its responses and version to its own keys.
  const responseCachePrefix = `brand-cms-test:responses:${crypto.randomBytes(4).toString('hex')}`;
  Object.assign(
    process.env,
    TEST_ENV,
    database.env,
    { PUBLIC_DIR: publicDir, RESPONSE_CACHE_REDIS_PREFIX: responseCachePrefix },
    env,
  );
  const start = async () => {
    const created = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
    // Types a test defines (tests/harness/content-types.ts) join the app's own API folders.
    addAppApis(created);
    const instance = await created.load();
    instance.server.mount();
    return instance;
  };
  let strapi = await start();

  const http = () => supertest.agent(strapi.server.httpServer);
  const tokens = new Map<string, string>();
  const adminToken = async ({
    email,
    password,
  }: {
    email: string;
    password: string;
  }): Promise<string> => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const response = await http().post('/admin/login').send({ email, password });
    if (response.status !== 200)
      throw new Error(`admin login ${email} failed: ${response.status} ${response.text}`);
    tokens.set(email, response.body.data.token);
    return response.body.data.token;
  };
  let apiTokens = 0;
  return {
    get strapi() {
      return strapi;
    },
    http,
    adminToken,
    apiToken: async (type) => {
      apiTokens += 1;
      const response = await http()
        .post('/admin/api-tokens')
        .set('Authorization', `Bearer ${await adminToken(ACCOUNTS.superAdmin)}`)
        .send({ name: `partner ${type} ${apiTokens}`, type, lifespan: null, kind: 'content-api' });
      if (response.status !== 201) throw new Error(`token: ${response.status} ${response.text}`);
      return response.body.data.accessKey as string;
    },
    uploadPng: async (account, color, { width, height } = { width: 64, height: 40 }) => {
      const png = await sharp({ create: { width, height, channels: 3, background: color } })
        .png()
        .toBuffer();
      const response = await http()
        .post('/upload')
        .set('Authorization', `Bearer ${await adminToken(account)}`)
        .attach('files', png, {
          filename: `${color.replace('#', '')}.png`,
          contentType: 'image/png',
        });
      if (response.status !== 201) throw new Error(`upload: ${response.status} ${response.text}`);
      return response.body[0];
    },
    restart: async (whileStopped) => {
      await strapi.destroy();
      tokens.clear();
      await whileStopped?.();
      strapi = await start();
    },
    env: () => ({ ...database.env, PUBLIC_DIR: publicDir }),
    close: async () => {
      await strapi.destroy();
      await database.drop();
      fs.rmSync(publicDir, { recursive: true, force: true });
    },
  };
};

/**
 * The app of one test file: booted before its tests run (`beforeAll`) and closed after them
 * (`afterAll`). The app returned forwards to the booted one, so a file takes it at module level
 * and hands it to helpers such as `workflowClient`; it is usable from the first hook on. `env` may
 * be a function, read at boot, for values known only then (a fake server's address).
 */
export const bootTestAppForFile = (
  env: Record<string, string> | (() => Record<string, string>) = {},
): TestApp => {
  let booted: TestApp | undefined;
  const app = (): TestApp => {
    if (!booted) throw new Error('The test app boots in beforeAll: use it inside hooks and tests');
    return booted;
  };
  beforeAll(async () => {
    booted = await bootTestApp(typeof env === 'function' ? env() : env);
  });
  afterAll(async () => {
    await booted?.close();
  });
  return {
    get strapi() {
      return app().strapi;
    },
    http: () => app().http(),
    adminToken: (account) => app().adminToken(account),
    apiToken: (type) => app().apiToken(type),
    uploadPng: (account, color, size) => app().uploadPng(account, color, size),
    restart: (whileStopped) => app().restart(whileStopped),
    env: () => app().env(),
    close: () => app().close(),
  };
};
