#!/usr/bin/env node
// Backup and restore with the database's own tools, plus the uploads folder:
//   npm run backup -- <folder>     while the server runs: SQLite's online backup (.backup) or
//                                   pg_dump, the uploads, and a manifest with every table's rows
//   npm run restore -- <folder>    with the server stopped: the database and the uploads back as
//                                   they were, then every table's rows checked against the manifest
// Settings come from the environment (or .env), as the server reads them: DATABASE_CLIENT,
// DATABASE_FILENAME or DATABASE_URL / DATABASE_HOST…, PUBLIC_DIR. See docs/operations.md, "Backup and restore".
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const projectRoot = path.join(__dirname, '..');
require('dotenv').config({ path: path.join(projectRoot, '.env') });

const client = process.env.DATABASE_CLIENT || 'sqlite';
const sqliteFile = () => path.resolve(projectRoot, process.env.DATABASE_FILENAME || '.tmp/data.db');
const uploadsDir = () =>
  path.join(path.resolve(projectRoot, process.env.PUBLIC_DIR || './public'), 'uploads');

/** libpq's environment for pg_dump, pg_restore and pg (DATABASE_URL, or its parts as config/database.ts reads them). */
const postgresEnv = () => {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return {
      PGHOST: url.hostname,
      PGPORT: url.port || '5432',
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
    };
  }
  return {
    PGHOST: process.env.DATABASE_HOST || '127.0.0.1',
    PGPORT: process.env.DATABASE_PORT || '5432',
    PGUSER: process.env.DATABASE_USERNAME || 'postgres',
    PGPASSWORD: process.env.DATABASE_PASSWORD || '',
    PGDATABASE: process.env.DATABASE_NAME || 'strapi',
  };
};

/** Every table's row count: what a restore must give back. */
const rowCounts = async (sqlitePath = sqliteFile()) => {
  if (client === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(sqlitePath, { readonly: true, fileMustExist: true });
    try {
      const tables = db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
        )
        .pluck()
        .all();
      return Object.fromEntries(
        tables.map((table) => [table, db.prepare(`select count(*) from "${table}"`).pluck().get()]),
      );
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const env = postgresEnv();
  const pg = new Client({
    host: env.PGHOST,
    port: Number(env.PGPORT),
    user: env.PGUSER,
    password: env.PGPASSWORD,
    database: env.PGDATABASE,
  });
  await pg.connect();
  try {
    const schema = process.env.DATABASE_SCHEMA || 'public';
    const { rows } = await pg.query(
      'select table_name from information_schema.tables where table_schema = $1 and table_type = $2 order by table_name',
      [schema, 'BASE TABLE'],
    );
    const counts = {};
    for (const { table_name: table } of rows)
      counts[table] = Number(
        (await pg.query(`select count(*) as n from "${schema}"."${table}"`)).rows[0].n,
      );
    return counts;
  } finally {
    await pg.end();
  }
};

const countFiles = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile()).length
    : 0;

const backup = async (folder) => {
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0)
    throw new Error(`${folder} is not empty: a backup goes into a new folder`);
  fs.mkdirSync(folder, { recursive: true });
  let database;
  if (client === 'sqlite') {
    database = 'database.sqlite';
    // SQLite's online backup: a consistent copy while the server goes on writing.
    const Database = require('better-sqlite3');
    const db = new Database(sqliteFile(), { fileMustExist: true });
    try {
      await db.backup(path.join(folder, database));
    } finally {
      db.close();
    }
  } else {
    database = 'database.dump';
    // One consistent snapshot (pg_dump's own transaction), in the custom format pg_restore reads.
    execFileSync(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(folder, database)}`],
      { env: { ...process.env, ...postgresEnv() }, stdio: 'inherit' },
    );
  }
  // Counted from the copy, not the live database, which may have moved on meanwhile.
  const tables = await (client === 'sqlite' ? rowCounts(path.join(folder, database)) : rowCounts());
  if (fs.existsSync(uploadsDir()))
    fs.cpSync(uploadsDir(), path.join(folder, 'uploads'), { recursive: true });
  const manifest = {
    createdAt: new Date().toISOString(),
    client,
    database,
    tables,
    uploads: countFiles(path.join(folder, 'uploads')),
  };
  fs.writeFileSync(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
};

const restore = async (folder) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  if (manifest.client !== client)
    throw new Error(
      `this backup is of a ${manifest.client} database; DATABASE_CLIENT is ${client}`,
    );
  if (client === 'sqlite') {
    const target = sqliteFile();
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written beside the target, then moved over it in one step; no journal of the old file may outlive it.
    fs.copyFileSync(path.join(folder, manifest.database), `${target}.restoring`);
    for (const suffix of ['-wal', '-shm', '-journal'])
      fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(`${target}.restoring`, target);
  } else {
    // Every object of the dump dropped and created again, in one transaction: all or nothing.
    execFileSync(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${postgresEnv().PGDATABASE}`,
        path.join(folder, manifest.database),
      ],
      {
        env: { ...process.env, ...postgresEnv() },
        stdio: 'inherit',
      },
    );
  }
  const uploads = uploadsDir();
  let keptAside = null;
  if (fs.existsSync(uploads)) {
    // The uploads being replaced are kept beside them, never deleted.
    keptAside = `${uploads}.before-restore-${Date.now()}`;
    fs.renameSync(uploads, keptAside);
  }
  if (fs.existsSync(path.join(folder, 'uploads')))
    fs.cpSync(path.join(folder, 'uploads'), uploads, { recursive: true });
  else fs.mkdirSync(uploads, { recursive: true });

  const restored = await rowCounts();
  const differences = Object.entries(manifest.tables)
    .filter(([table, rows]) => restored[table] !== rows)
    .map(
      ([table, rows]) => `${table}: ${restored[table] ?? 'missing'} rows, the backup had ${rows}`,
    );
  if (countFiles(uploads) !== manifest.uploads)
    differences.push(`uploads: ${countFiles(uploads)} files, the backup had ${manifest.uploads}`);
  if (differences.length > 0)
    throw new Error(`the restore does not match the backup:\n${differences.join('\n')}`);
  return { ...manifest, keptAside };
};

const main = async () => {
  const [command, folder] = process.argv.slice(2);
  if (!['create', 'restore'].includes(command) || !folder) {
    process.stderr.write(
      'usage: npm run backup -- <folder>   |   npm run restore -- <folder>   (see docs/operations.md)\n',
    );
    process.exit(2);
  }
  const target = path.resolve(folder);
  if (command === 'create') {
    const manifest = await backup(target);
    process.stdout.write(
      `Backed up ${Object.keys(manifest.tables).length} tables (${client}) and ${manifest.uploads} uploaded files to ${target}\n`,
    );
  } else {
    const result = await restore(target);
    process.stdout.write(
      `Restored ${Object.keys(result.tables).length} tables (${client}) and ${result.uploads} uploaded files from ${target}; every table's rows match the backup\n`,
    );
    if (result.keptAside)
      process.stdout.write(`The uploads that were replaced are kept in ${result.keptAside}\n`);
  }
};

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
