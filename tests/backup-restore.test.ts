import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { UID } from '../src/constants';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

// The documented round trip, as an operator runs it: `npm run backup` while the server runs,
// a disaster (content, media, a token, the workflow trail gone), `npm run restore` with the
// server stopped, and everything back: content, media files, accounts, tokens, the trail.
// SQLite (.backup) on npm test, pg_dump / pg_restore on npm run test:postgres.
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { superAdmin, editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;

const run = (command: 'create' | 'restore', folder: string) =>
  execFileSync(process.execPath, ['scripts/backup.js', command, folder], {
    env: { ...process.env, ...app.env() },
    encoding: 'utf8',
  });

test('backup while running, restore after a disaster: content, media, accounts, tokens and the workflow trail come back', async () => {
  // What a working CMS holds: a released article with a cover image, its review trail, a partner's token.
  const cover = await app.uploadPng(editor, '#c8102e');
  const documentId = await wf.createArticle(editor, { title: '备份之前', cover: cover.id });
  expect((await wf.submit(editor, A, documentId)).status).toBe(200);
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, documentId)).status).toBe(200);
  const token = await app.apiToken('read-only');
  const readWithToken = () =>
    app
      .http()
      .get(`/api/articles/${documentId}?locale=zh-CN&populate=cover`)
      .set('Authorization', `Bearer ${token}`);
  const live = await readWithToken();
  expect(live.status).toBe(200);
  const coverBytes = (await app.http().get(cover.url)).body as Buffer;
  expect(coverBytes.length).toBeGreaterThan(0);
  const trail = await auditActions(app, documentId);
  expect(trail).toContain('publish');
  const state = await reviewStateOf(app, documentId);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-backup-'));
  try {
    expect(run('create', folder)).toMatch(/Backed up \d+ tables/);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.uploads).toBeGreaterThan(0);

    // The disaster: the token revoked, the article's rows and the trail gone, the media folder emptied.
    const superToken = await app.adminToken(superAdmin);
    const tokens = (
      await app.http().get('/admin/api-tokens').set('Authorization', `Bearer ${superToken}`)
    ).body.data as Array<{ id: number }>;
    const newest = tokens.reduce((latest, candidate) =>
      candidate.id > latest.id ? candidate : latest,
    );
    expect(
      (
        await app
          .http()
          .delete(`/admin/api-tokens/${newest.id}`)
          .set('Authorization', `Bearer ${superToken}`)
      ).status,
    ).toBe(200);
    const knex = app.strapi.db.connection;
    await knex('workflow_audit_entries').where({ target_document_id: documentId }).del();
    await knex('articles').where({ document_id: documentId }).del();
    fs.rmSync(path.join(app.env().PUBLIC_DIR, 'uploads'), { recursive: true, force: true });
    expect((await readWithToken()).status).toBe(401);

    // Restored with the server stopped; the command checks every table's rows against the backup.
    let restoreOutput = '';
    await app.restart(async () => {
      restoreOutput = run('restore', folder);
    });
    expect(restoreOutput).toMatch(/every table's rows match the backup/);

    const back = await readWithToken();
    expect(back.status).toBe(200);
    expect(back.body.data).toEqual(live.body.data);
    expect((await app.http().get(cover.url)).body).toEqual(coverBytes);
    expect(await auditActions(app, documentId)).toEqual(trail);
    expect(await reviewStateOf(app, documentId)).toEqual(state);
    // Accounts: every role still signs in with its password.
    for (const account of [superAdmin, editor, reviewer])
      expect((await app.http().post('/admin/login').send(account)).status).toBe(200);
    // A backup goes into a new folder: one into a used folder is refused, never mixed.
    expect(() => run('create', folder)).toThrow(/not empty/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);
