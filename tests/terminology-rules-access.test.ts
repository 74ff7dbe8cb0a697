import { ensureEditorialRoles } from '../src/access/admin-roles';
import { WORKFLOW_UID } from '../src/constants';
import { STARTER_RULES, ensureStarterRules } from '../src/workflow/terminology';
import { contentManagerUrl } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

const app = bootTestAppForFile();
const RULES = WORKFLOW_UID.terminologyRule;
const READ = 'plugin::content-manager.explorer.read';

const as = async (account: { email: string; password: string }) => ({
  Authorization: `Bearer ${await app.adminToken(account)}`,
});
const editorRole = async (): Promise<{ id: number }> =>
  app.strapi.db.query('admin::role').findOne({ where: { name: 'Publicity Editor' } });
const editorReadsRules = async () => {
  const role = await editorRole();
  return app.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id, action: READ, subject: RULES } });
};
const store = (key: string) => app.strapi.store({ type: 'core', name: 'brand-cms', key });

describe('the 规范用语 rule list for editors', () => {
  test('an editor reads the rule list, and every starter rule is in it', async () => {
    const listed = await app
      .http()
      .get(contentManagerUrl(RULES, '?page=1&pageSize=100'))
      .set(await as(ACCOUNTS.editor));
    expect(listed.status).toBe(200);
    expect(listed.body.pagination.total).toBeGreaterThanOrEqual(STARTER_RULES.length);
    expect(listed.body.results[0]).toEqual(
      expect.objectContaining({
        pattern: expect.any(String),
        severity: expect.stringMatching(/^(block|warn)$/),
      }),
    );
    const one = listed.body.results[0];
    const read = await app
      .http()
      .get(contentManagerUrl(RULES, `/${one.documentId}`))
      .set(await as(ACCOUNTS.editor));
    expect(read.status).toBe(200);
    expect(read.body.data.pattern).toBe(one.pattern);
  });

  test('an editor can neither create, change nor delete a rule', async () => {
    const headers = await as(ACCOUNTS.editor);
    const [rule] = (await app.http().get(contentManagerUrl(RULES)).set(headers)).body.results;
    const created = await app
      .http()
      .post(contentManagerUrl(RULES))
      .set(headers)
      .send({ pattern: '编辑自加规则', suggestion: '编辑自加', severity: 'warn', enabled: true });
    expect(created.status).toBe(403);
    const changed = await app
      .http()
      .put(contentManagerUrl(RULES, `/${rule.documentId}`))
      .set(headers)
      .send({ enabled: false });
    expect(changed.status).toBe(403);
    const deleted = await app
      .http()
      .delete(contentManagerUrl(RULES, `/${rule.documentId}`))
      .set(headers);
    expect(deleted.status).toBe(403);
    const after = await app.strapi.db
      .query(RULES)
      .findOne({ where: { documentId: rule.documentId } });
    expect(after).toMatchObject({ pattern: rule.pattern, enabled: rule.enabled });
    expect(await app.strapi.db.query(RULES).count({ where: { pattern: '编辑自加规则' } })).toBe(0);
    // Reviewers read everything public, not the rules: the grant is the editors’.
    expect(
      (
        await app
          .http()
          .get(contentManagerUrl(RULES))
          .set(await as(ACCOUNTS.reviewer))
      ).status,
    ).toBe(403);
  });

  test('a database whose editor role predates the grant gets it once; an administrator’s later removal stays', async () => {
    // As before this release: the role without the grant, the grant not applied yet.
    const before = await editorReadsRules();
    expect(before.length).toBeGreaterThan(0);
    await app.strapi.db.query('admin::permission').deleteMany({
      where: { id: { $in: before.map((permission: { id: number }) => permission.id) } },
    });
    await store('editorial-role-grants-applied').set({ value: [] });
    expect(
      (
        await app
          .http()
          .get(contentManagerUrl(RULES))
          .set(await as(ACCOUNTS.editor))
      ).status,
    ).toBe(403);

    await ensureEditorialRoles(app.strapi);
    expect(await editorReadsRules()).toHaveLength(before.length);
    expect(
      (
        await app
          .http()
          .get(contentManagerUrl(RULES))
          .set(await as(ACCOUNTS.editor))
      ).status,
    ).toBe(200);

    // Removed by an administrator: the next start leaves it removed.
    await app.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { role: (await editorRole()).id, action: READ, subject: RULES } });
    await ensureEditorialRoles(app.strapi);
    expect(await editorReadsRules()).toEqual([]);
  });
});

describe('starter rules on an existing database', () => {
  test('a database seeded with the first starter set gets the new rules once, without the ones its administrators deleted', async () => {
    const rules = app.strapi.db.query(RULES);
    const firstRelease = [
      '中国人民共和国',
      '中华人民共合国',
      '一国两治',
      '香港政府',
      '共产党人员',
      '两学一做学习',
      '不忘出心',
      '牢记使名',
      '台湾总统',
    ];
    const added = STARTER_RULES.filter((rule) => !firstRelease.includes(rule.pattern)).slice(0, 30);
    // As a first-release database: those rules absent, one first-release rule deleted by an administrator.
    await rules.deleteMany({
      where: { pattern: { $in: [...added.map((rule) => rule.pattern), '一国两治'] } },
    });
    await store('terminology-starter-rules-version').set({ value: 1 });
    const count = await rules.count();

    await ensureStarterRules(app.strapi);
    expect(await rules.count()).toBe(count + added.length);
    expect(await rules.count({ where: { pattern: '一国两治' } })).toBe(0);
    const restored = await rules.findOne({ where: { pattern: added[0].pattern } });
    expect(restored).toMatchObject({
      suggestion: added[0].suggestion,
      severity: added[0].severity,
      note: added[0].note,
      enabled: true,
    });

    // Applied once: a rule deleted afterwards stays deleted.
    await rules.delete({ where: { pattern: added[0].pattern } });
    await ensureStarterRules(app.strapi);
    expect(await rules.count({ where: { pattern: added[0].pattern } })).toBe(0);
  });
});
