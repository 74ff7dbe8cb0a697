import { UID } from '../../src/constants';
import { articleData, createReleased, documents } from './content';
import { ACCOUNTS, type TestApp } from './strapi';

/** Demo articles no reader may see: one never published, one targeted at WeChat only. */
export const DRAFT_ONLY = 'bottom-up-evaluation-plan-draft';
export const WECHAT_ONLY = 'my-view-of-four-firsts';

/** A reader of the Content API: anonymous, or holding an API token. */
export type Reader = { who: string; auth: () => Record<string, string> };

export type HiddenVersions = {
  draftOnlyId: string;
  wechatOnlyId: string;
  /** Released as “已发布的标题”; its draft was then edited to “未发布的修改”. */
  editedArticleId: string;
  /** A brand never published: “未发布品牌”, slug `unreleased-brand`. */
  draftBrandId: string;
  /** A released article (slug `linked-to-draft-brand`) whose brand is that draft. */
  linkedToDraftBrandId: string;
};

/** Next to the demo content, the versions the public-access suites probe for, REST and GraphQL alike. */
export const buildHiddenVersions = async (app: TestApp): Promise<HiddenVersions> => {
  const articles = documents(app.strapi, UID.article);
  const idOf = async (slug: string): Promise<string> =>
    (await articles.findFirst({ filters: { slug } })).documentId;

  const edited = await createReleased(
    app.strapi,
    UID.article,
    articleData({ title: '已发布的标题', slug: 'edited-after-publish' }),
  );
  await articles.update({ documentId: edited.documentId, data: { title: '未发布的修改' } });

  const organization = await documents(app.strapi, UID.organization).findFirst({
    filters: { slug: 'railway-transport-committee' },
  });
  const draftBrand = await documents(app.strapi, UID.brand).create({
    data: { name: '未发布品牌', slug: 'unreleased-brand', organization: organization.documentId },
  });
  const linked = await createReleased(
    app.strapi,
    UID.article,
    articleData({ slug: 'linked-to-draft-brand', brand: draftBrand.documentId }),
  );

  return {
    draftOnlyId: await idOf(DRAFT_ONLY),
    wechatOnlyId: await idOf(WECHAT_ONLY),
    editedArticleId: edited.documentId,
    draftBrandId: draftBrand.documentId,
    linkedToDraftBrandId: linked.documentId,
  };
};

/** Gives or takes one permission of the Public role, as an administrator does in the admin panel (users-permissions roles API). */
export const setPublicPermission = async (
  app: TestApp,
  [api, controller, action]: [string, string, string],
  enabled: boolean,
): Promise<void> => {
  const headers = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.superAdmin)}` };
  const roles = (await app.http().get('/users-permissions/roles').set(headers)).body
    .roles as Array<{ id: number; type: string }>;
  const { id } = roles.find((role) => role.type === 'public')!;
  const { role } = (await app.http().get(`/users-permissions/roles/${id}`).set(headers)).body;
  role.permissions[api].controllers[controller][action].enabled = enabled;
  const saved = await app
    .http()
    .put(`/users-permissions/roles/${id}`)
    .set(headers)
    .send({ name: role.name, description: role.description, permissions: role.permissions });
  if (saved.status !== 200)
    throw new Error(`Public role not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
};
