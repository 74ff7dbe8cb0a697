import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

/** A throwaway database for one booted instance: a fresh SQLite file or a fresh PostgreSQL database. */
export type TestDatabase = { env: Record<string, string>; drop: () => Promise<void> };

const postgresAdminUrl = () =>
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const createPostgresDatabase = async (name: string): Promise<TestDatabase> => {
  const admin = new Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  // The app may reach the database through a proxy the test controls (tests/database-outage).
  if (process.env.TEST_POSTGRES_APP_PORT) url.port = process.env.TEST_POSTGRES_APP_PORT;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: postgresAdminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
};

const createSqliteDatabase = (name: string): TestDatabase => {
  const relative = path.join('.tmp', 'test', `${name}.db`);
  const absolute = path.join(process.cwd(), relative);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const removeFiles = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${absolute}${suffix}`, { force: true });
  };
  removeFiles();
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
    drop: async () => removeFiles(),
  };
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `cms_test_${process.env.JEST_WORKER_ID ?? '0'}_${crypto.randomBytes(4).toString('hex')}`;
  return process.env.DATABASE_CLIENT === 'postgres'
    ? createPostgresDatabase(name)
    : createSqliteDatabase(name);
};
