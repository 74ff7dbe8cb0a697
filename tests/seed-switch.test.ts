import { PUBLIC_UIDS } from '../src/constants';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '../src/demo/demo-accounts';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

const app = bootTestAppForFile({ SEED_DEMO: 'false' });

test('SEED_DEMO=false starts an empty CMS with its roles and super admin', async () => {
  for (const uid of PUBLIC_UIDS) {
    expect(await app.strapi.db.query(uid).count()).toBe(0);
  }
  expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(0);
  expect(
    await app.strapi.service('admin::role').findOne({ name: 'Publicity Editor' }),
  ).not.toBeNull();
  expect(await app.strapi.service('admin::user').findOneByEmail(ACCOUNTS.editor.email)).toBeNull();
  await expect(app.adminToken(ACCOUNTS.superAdmin)).resolves.toEqual(expect.any(String));
  const articles = await app.http().get('/api/articles');
  expect(articles.status).toBe(200);
  expect(articles.body.data).toEqual([]);
});

test('demo accounts without a password in the environment get a generated one, shown only once', async () => {
  const warn = jest.spyOn(app.strapi.log, 'warn');
  await ensureDemoAccounts(app.strapi, {});
  expect(warn).toHaveBeenCalledTimes(1);
  const printed = String(warn.mock.calls[0][0]);

  for (const account of DEMO_ACCOUNTS) {
    const line = printed.split('\n').find((text) => text.includes(account.email));
    const password = line?.trim().split(/\s+/).pop();
    expect(password).toMatch(/^Demo-/);
    const login = await app.http().post('/admin/login').send({ email: account.email, password });
    expect(login.status).toBe(200);
  }
  // No two accounts share a password, and none is a fixed one.
  const passwords = DEMO_ACCOUNTS.map((account) =>
    printed
      .split('\n')
      .find((text) => text.includes(account.email))!
      .trim()
      .split(/\s+/)
      .pop(),
  );
  expect(new Set(passwords).size).toBe(DEMO_ACCOUNTS.length);

  warn.mockClear();
  await ensureDemoAccounts(app.strapi, {});
  expect(warn).not.toHaveBeenCalled();
  warn.mockRestore();
});
