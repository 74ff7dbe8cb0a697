/* eslint-disable @typescript-eslint/no-explicit-any -- test answers are read as each test needs them, not typed per query */
import type supertest from 'supertest';
import { UID } from '../../src/constants';
import { articleData, contentManagerUrl } from './content';
import type { TestApp } from './strapi';

type Account = { email: string; password: string };

/** The workflow's admin API and the content manager, as each signed-in role uses them. */
export const workflowClient = (app: TestApp) => {
  const auth = async (account: Account) => ({
    Authorization: `Bearer ${await app.adminToken(account)}`,
  });
  const url = (uid: string, documentId: string, suffix = '', locale = 'zh-CN') =>
    `/workflow/documents/${uid}/${documentId}${suffix}?locale=${locale}`;
  const post = async (
    account: Account,
    path: string,
    body: object = {},
  ): Promise<supertest.Response> =>
    app
      .http()
      .post(path)
      .set(await auth(account))
      .send(body);

  return {
    auth,
    createArticle: async (account: Account, overrides: Record<string, unknown> = {}) => {
      const response = await post(
        account,
        contentManagerUrl(UID.article, '?locale=zh-CN'),
        articleData(overrides),
      );
      if (response.status !== 201) throw new Error(`create: ${response.status} ${response.text}`);
      return response.body.data.documentId as string;
    },
    edit: async (
      account: Account,
      uid: string,
      documentId: string,
      data: object,
      locale = 'zh-CN',
    ) =>
      app
        .http()
        .put(contentManagerUrl(uid, `/${documentId}?locale=${locale}`))
        .set(await auth(account))
        .send(data),
    publish: async (account: Account, uid: string, documentId: string, locale = 'zh-CN') =>
      post(account, contentManagerUrl(uid, `/${documentId}/actions/publish?locale=${locale}`)),
    unpublish: async (account: Account, uid: string, documentId: string, locale = 'zh-CN') =>
      post(account, contentManagerUrl(uid, `/${documentId}/actions/unpublish?locale=${locale}`)),
    submit: (
      account: Account,
      uid: string,
      documentId: string,
      body: object = {},
      locale?: string,
    ) => post(account, url(uid, documentId, '/submit', locale), body),
    approve: (
      account: Account,
      uid: string,
      documentId: string,
      body: object = {},
      locale?: string,
    ) => post(account, url(uid, documentId, '/approve', locale), body),
    withdrawApproval: (account: Account, uid: string, documentId: string, body: object = {}) =>
      post(account, url(uid, documentId, '/withdraw-approval'), body),
    requestChanges: (account: Account, uid: string, documentId: string, body: object = {}) =>
      post(account, url(uid, documentId, '/request-changes'), body),
    schedule: async (account: Account, uid: string, documentId: string, body: object) =>
      app
        .http()
        .put(url(uid, documentId, '/schedule'))
        .set(await auth(account))
        .send(body),
    status: async (account: Account, uid: string, documentId: string, locale?: string) =>
      app
        .http()
        .get(url(uid, documentId, '', locale))
        .set(await auth(account)),
    history: async (account: Account, uid: string, documentId: string, locale?: string) =>
      (
        await app
          .http()
          .get(url(uid, documentId, '/history', locale))
          .set(await auth(account))
      ).body.data as Array<Record<string, any>>,
    diff: async (account: Account, uid: string, documentId: string, against?: string) =>
      app
        .http()
        .get(
          `${url(uid, documentId, '/diff')}${against === undefined ? '' : `&against=${encodeURIComponent(against)}`}`,
        )
        .set(await auth(account)),
    queue: async (account: Account) =>
      (
        await app
          .http()
          .get('/workflow/queue')
          .set(await auth(account))
      ).body.data as Array<Record<string, any>>,
  };
};

/** The review state row of a document locale, straight from its table. */
export const reviewStateOf = (app: TestApp, documentId: string, locale = 'zh-CN') =>
  app.strapi.db
    .query('api::workflow.review-state')
    .findOne({ where: { targetDocumentId: documentId, targetLocale: locale } });

export const auditActions = async (app: TestApp, documentId: string, locale = 'zh-CN') =>
  (
    await app.strapi.db.query('api::workflow.audit-entry').findMany({
      where: { targetDocumentId: documentId, targetLocale: locale },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })
  ).map((entry: { action: string }) => entry.action);

/**
 * An admin whose role has no content permissions at all (a screens operator, say): signed in,
 * but not a reader of any content type. Created once per app.
 */
export const contentlessAdmin = async (app: TestApp): Promise<Record<string, string>> => {
  const account = { email: 'screens-operator@example.com', password: 'Screens-Operator-Pass1' };
  const users = app.strapi.service('admin::user');
  if (!(await users.exists({ email: account.email }))) {
    const role = await app.strapi
      .service('admin::role')
      .create({ name: 'Screens operator', description: 'no content access' });
    await users.create({
      ...account,
      firstname: 'Screens',
      lastname: 'Operator',
      isActive: true,
      roles: [role.id],
    });
  }
  return { Authorization: `Bearer ${await app.adminToken(account)}` };
};
