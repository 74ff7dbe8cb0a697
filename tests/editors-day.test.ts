import type { UID as Strapi } from '@strapi/strapi';
import { UID } from '../src/constants';
import { FIELD_LABELS, labelFieldsInChinese } from '../src/i18n/field-labels';
import { applyEditorListViews, EDITOR_LIST_VIEWS } from '../src/content-manager/list-views';
import { articleData, documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { workflowClient } from './harness/workflow';

/**
 * The editor's day, Chinese first: field labels editors can read, readable pinyin slugs for
 * Chinese titles (unique per type and locale; existing URLs never change), and a WeChat panel
 * that says when WeChat is not set up (this app has no WeChat configuration).
 */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, superAdmin } = ACCOUNTS;

const suggestSlug = async (uid: string, title: Record<string, string>, locale = 'zh-CN') =>
  app
    .http()
    .post(`/content-manager/uid/generate?locale=${locale}`)
    .set(await wf.auth(editor))
    .send({ contentTypeUID: uid, field: 'slug', data: title });

test('the content manager suggests pinyin for a Chinese title, then the next free one', async () => {
  const first = await suggestSlug(UID.article, { title: '车间党支部开展主题党日' });
  expect(first.status).toBe(200);
  expect(first.body.data).toBe('che-jian-dang-zhi-bu-kai-zhan-zhu-ti-dang-ri');

  await wf.createArticle(editor, { title: '车间党支部开展主题党日', slug: first.body.data });
  expect((await suggestSlug(UID.article, { title: '车间党支部开展主题党日' })).body.data).toBe(
    'che-jian-dang-zhi-bu-kai-zhan-zhu-ti-dang-ri-1',
  );
  // Unique per locale: the English list has no such slug yet.
  expect(
    (await suggestSlug(UID.article, { title: '车间党支部开展主题党日' }, 'en')).body.data,
  ).toBe('che-jian-dang-zhi-bu-kai-zhan-zhu-ti-dang-ri');
  // Per type: a category of the same name is free to take it.
  expect((await suggestSlug(UID.category, { name: '车间党支部开展主题党日' })).body.data).toBe(
    'che-jian-dang-zhi-bu-kai-zhan-zhu-ti-dang-ri',
  );
});

test('ü is written v in a suggested slug (旅客, 女职工, 侵略), as URLs write it', async () => {
  for (const [title, slug] of [
    ['旅客列车正点运行', 'lv-ke-lie-che-zheng-dian-yun-xing'],
    ['女职工委员会换届', 'nv-zhi-gong-wei-yuan-hui-huan-jie'],
    ['抵御文化侵略', 'di-yu-wen-hua-qin-lve'],
  ]) {
    expect((await suggestSlug(UID.article, { title })).body.data).toBe(slug);
  }
});

test('a title without Chinese is slugified as Strapi would; no title gives Strapi’s own default', async () => {
  expect((await suggestSlug(UID.article, { title: 'Open Day at the Depot' })).body.data).toBe(
    'open-day-at-the-depot',
  );
  // No title yet: Strapi falls back to the type's name, as before.
  expect((await suggestSlug(UID.article, {})).body.data).toMatch(/^article(-\d+)?$/);
});

test('an item created without a slug gets one from its title, on every path; an existing slug stays', async () => {
  const { slug: _none, ...withoutSlug } = articleData({ title: '党员先锋岗挂牌' });
  const created = await documents(app.strapi, UID.article).create({
    data: withoutSlug,
    locale: 'zh-CN',
  });
  expect(created.slug).toBe('dang-yuan-xian-feng-gang-gua-pai');
  const again = await documents(app.strapi, UID.article).create({
    data: { ...withoutSlug },
    locale: 'zh-CN',
  });
  expect(again.slug).toBe('dang-yuan-xian-feng-gang-gua-pai-1');

  // Through the content manager too, with an empty slug field.
  const response = await app
    .http()
    .post('/content-manager/collection-types/api::article.article?locale=zh-CN')
    .set(await wf.auth(editor))
    .send({ ...withoutSlug, slug: '' });
  expect(response.status).toBe(201);
  expect(response.body.data.slug).toBe('dang-yuan-xian-feng-gang-gua-pai-2');
  // With the placeholder the content manager's form asked for before a title was typed.
  for (const placeholder of ['article', 'article-3']) {
    const fromForm = await app
      .http()
      .post('/content-manager/collection-types/api::article.article?locale=zh-CN')
      .set(await wf.auth(editor))
      .send({ ...articleData({ title: '青年突击队完成线路大修' }), slug: placeholder });
    expect(fromForm.status).toBe(201);
    expect(fromForm.body.data.slug).toMatch(/^qing-nian-tu-ji-dui-wan-cheng-xian-lu-da-xiu(-1)?$/);
  }

  // A new title never moves a URL already handed out.
  const renamed = await wf.edit(editor, UID.article, created.documentId, {
    title: '党员先锋岗挂牌仪式',
  });
  expect(renamed.status).toBe(200);
  expect(renamed.body.data.slug).toBe('dang-yuan-xian-feng-gang-gua-pai');
  // A slug the editor typed is kept as typed.
  const typed = await documents(app.strapi, UID.article).create({
    data: articleData({ title: '党员先锋岗', slug: 'pioneer-posts' }),
    locale: 'zh-CN',
  });
  expect(typed.slug).toBe('pioneer-posts');
});

const configurationOf = async (path: string) => {
  const response = await app
    .http()
    .get(`/content-manager/${path}/configuration`)
    .set(await wf.auth(editor));
  expect(response.status).toBe(200);
  return response.body.data;
};

test('every field named in FIELD_LABELS shows its Chinese label and description in the content manager', async () => {
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    const isComponent = !uid.includes('::');
    const data = await configurationOf(isComponent ? `components/${uid}` : `content-types/${uid}`);
    const metadatas = isComponent ? data.component.metadatas : data.contentType.metadatas;
    for (const [field, { label, description }] of Object.entries(labels ?? {})) {
      expect([uid, field, metadatas[field]?.edit?.label, metadatas[field]?.list?.label]).toEqual([
        uid,
        field,
        label,
        label,
      ]);
      if (description) expect(metadatas[field].edit.description).toBe(description);
    }
  }
  // No field of a labelled type is left with its API name: a new attribute needs a label too.
  for (const uid of Object.keys(FIELD_LABELS).filter((uid) => uid.includes('::'))) {
    const { metadatas } = (await configurationOf(`content-types/${uid}`)).contentType;
    const attributes = app.strapi.contentType(uid as Strapi.ContentType).attributes as Record<
      string,
      { visible?: boolean }
    >;
    // Fields the content manager never shows (derived columns) need no label.
    const visible = Object.entries(
      metadatas as Record<string, { edit: { label: string; visible: boolean } }>,
    ).filter(
      ([field, metadata]) =>
        metadata.edit.visible !== false && attributes[field]?.visible !== false,
    );
    for (const [field, metadata] of visible) {
      if (
        ![
          'id',
          'documentId',
          'createdAt',
          'updatedAt',
          'publishedAt',
          'createdBy',
          'updatedBy',
          'locale',
          'localizations',
        ].includes(field)
      )
        expect([uid, field, metadata.edit.label]).not.toEqual([uid, field, field]);
    }
  }
});

/** Each content type's internal fields (`visible: false`: derived columns such as the channel flags), from the content model. */
const internalFields = () =>
  Object.values(app.strapi.contentTypes)
    .filter(({ uid }) => uid.startsWith('api::'))
    .flatMap(({ uid, attributes }) =>
      Object.entries(attributes as Record<string, { visible?: boolean }>)
        // createdBy and updatedBy are Strapi's, which the content manager shows in a place of its own.
        .filter(
          ([field, attribute]) =>
            attribute.visible === false && !['createdBy', 'updatedBy'].includes(field),
        )
        .map(([field]) => ({ uid, field })),
    );
type Layouts = { edit: { name: string }[][]; list: string[] };
type Configuration = {
  layouts: Layouts;
  metadatas: Record<string, { edit: { visible?: boolean }; list: Record<string, unknown> }>;
  settings: Record<string, unknown>;
};

test('internal fields appear in no layout, filter or permission, and no saved configuration brings them back', async () => {
  const internal = internalFields();
  expect(internal.map(({ field }) => field)).toEqual(
    expect.arrayContaining(['targetsWebsite', 'targetsWechat', 'targetsScreen']),
  );
  const admin = { Authorization: `Bearer ${await app.adminToken(superAdmin)}` };
  const shown = async (uid: string, field: string) => {
    const { contentType } = (await configurationOf(`content-types/${uid}`)) as {
      contentType: Configuration;
    };
    return {
      edit: contentType.layouts.edit.flat().some(({ name }) => name === field),
      list: contentType.layouts.list.includes(field),
      metadata:
        contentType.metadatas[field] !== undefined &&
        contentType.metadatas[field].edit.visible !== false,
    };
  };
  // Filters offer the fields each role may read; no role's read permission names an internal field.
  for (const account of Object.values(ACCOUNTS)) {
    const permissions = await app
      .http()
      .get('/admin/users/me/permissions')
      .set(await wf.auth(account));
    const fields = (
      permissions.body.data as {
        action: string;
        subject: string | null;
        properties: { fields?: string[] };
      }[]
    )
      .filter(({ action }) => action === 'plugin::content-manager.explorer.read')
      .flatMap(({ subject, properties }) =>
        (properties.fields ?? []).map((field) => `${subject}.${field}`),
      );
    for (const { uid, field } of internal) expect(fields).not.toContain(`${uid}.${field}`);
  }
  for (const { uid, field } of internal) {
    expect([uid, field, await shown(uid, field)]).toEqual([
      uid,
      field,
      { edit: false, list: false, metadata: false },
    ]);
    // The panel's configure-view cannot add one to the list or the form.
    const { contentType } = (await configurationOf(`content-types/${uid}`)) as {
      contentType: Configuration;
    };
    for (const metadata of Object.values(contentType.metadatas)) delete metadata.list.mainField;
    const withList = { ...contentType.layouts, list: [...contentType.layouts.list, field] };
    const withEdit = {
      ...contentType.layouts,
      edit: [...contentType.layouts.edit, [{ name: field, size: 6 }]],
    };
    for (const layouts of [withList, withEdit]) {
      const saved = await app
        .http()
        .put(`/content-manager/content-types/${uid}/configuration`)
        .set(admin)
        .send({ layouts, metadatas: contentType.metadatas, settings: contentType.settings });
      expect([uid, field, saved.status]).toEqual([uid, field, 400]);
    }
  }
  // A configuration stored with them (an older version's, or one written around the API) loses them at the next start's sync.
  const contentTypes = app.strapi.plugin('content-manager').service('content-types');
  const stored = new Map<string, unknown>();
  for (const uid of new Set(internal.map(({ uid }) => uid))) {
    const fields = internal.filter((entry) => entry.uid === uid).map(({ field }) => field);
    const configuration = await contentTypes.findConfiguration({ uid });
    stored.set(uid, configuration);
    const metadatas = { ...configuration.metadatas };
    for (const field of fields)
      metadatas[field] = {
        ...metadatas[field],
        edit: { ...metadatas[field]?.edit, visible: true },
      };
    const layouts = {
      ...configuration.layouts,
      list: [...configuration.layouts.list, ...fields],
      edit: [...configuration.layouts.edit, fields.map((name) => ({ name, size: 4 }))],
    };
    await contentTypes.updateConfiguration({ uid }, { ...configuration, layouts, metadatas });
    expect((await shown(uid, fields[0])).edit).toBe(true);
  }
  await contentTypes.syncConfigurations();
  for (const { uid, field } of internal)
    expect([uid, field, await shown(uid, field)]).toEqual([
      uid,
      field,
      { edit: false, list: false, metadata: false },
    ]);
  for (const [uid, configuration] of stored)
    await contentTypes.updateConfiguration({ uid }, configuration);
});

test('articles, videos and achievements list newest change first, with the columns an editor reads; an administrator’s own list is kept', async () => {
  for (const [uid, { columns }] of Object.entries(EDITOR_LIST_VIEWS)) {
    const { contentType } = (await configurationOf(`content-types/${uid}`)) as {
      contentType: Configuration;
    };
    expect([
      uid,
      contentType.settings.defaultSortBy,
      contentType.settings.defaultSortOrder,
      contentType.layouts.list,
    ]).toEqual([uid, 'updatedAt', 'DESC', columns]);
  }
  // The list's rows carry what the 审核状态 and 发布时间 columns show.
  const list = await app
    .http()
    .get(
      `/content-manager/collection-types/${UID.article}?page=1&pageSize=5&sort=updatedAt:DESC&locale=zh-CN`,
    )
    .set(await wf.auth(editor));
  expect(Object.keys(list.body.results[0])).toEqual(
    expect.arrayContaining(['reviewState', 'reviewStage', 'publishAt', 'liveSince']),
  );

  const admin = { Authorization: `Bearer ${await app.adminToken(superAdmin)}` };
  const { contentType } = (await configurationOf(`content-types/${UID.video}`)) as {
    contentType: Configuration;
  };
  for (const metadata of Object.values(contentType.metadatas)) delete metadata.list.mainField;
  const own = { ...contentType.layouts, list: ['title', 'durationSeconds'] };
  expect(
    (
      await app
        .http()
        .put(`/content-manager/content-types/${UID.video}/configuration`)
        .set(admin)
        .send({ layouts: own, metadatas: contentType.metadatas, settings: contentType.settings })
    ).status,
  ).toBe(200);
  expect(await applyEditorListViews(app.strapi)).toEqual([]);
  expect(
    ((await configurationOf(`content-types/${UID.video}`)) as { contentType: Configuration })
      .contentType.layouts.list,
  ).toEqual(['title', 'durationSeconds']);
});

test('a label an administrator changed in the panel is kept at the next start', async () => {
  const admin = { Authorization: `Bearer ${await app.adminToken(superAdmin)}` };
  const { contentType } = await configurationOf(`content-types/${UID.article}`);
  const { uid: _uid, ...configuration } = contentType;
  configuration.metadatas.digest.edit.label = '微信摘要（导语）';
  // The answer adds each relation's main field to its list settings; the panel sends them back without.
  for (const metadata of Object.values(
    configuration.metadatas as Record<string, { list: Record<string, unknown> }>,
  ))
    delete metadata.list.mainField;
  const saved = await app
    .http()
    .put(`/content-manager/content-types/${UID.article}/configuration`)
    .set(admin)
    .send({
      layouts: configuration.layouts,
      metadatas: configuration.metadatas,
      settings: configuration.settings,
    });
  expect([saved.status, saved.body.error]).toEqual([200, undefined]);
  expect(await labelFieldsInChinese(app.strapi)).toBe(0);
  expect(
    (await configurationOf(`content-types/${UID.article}`)).contentType.metadatas.digest.edit.label,
  ).toBe('微信摘要（导语）');
});

test('without WeChat credentials the panel learns it is not configured (a setup hint, not push buttons)', async () => {
  const response = await app
    .http()
    .get('/wechat/setup')
    .set(await wf.auth(editor));
  expect(response.status).toBe(200);
  expect(response.body.data.configured).toBe(false);
  // A push anyway (by API) is refused as the service being unavailable, saying what to set.
  const pushed = await app
    .http()
    .post(`/wechat/articles/${await wf.createArticle(editor)}/push?locale=zh-CN`)
    .set(await wf.auth(superAdmin))
    .send({});
  expect(pushed.status).toBe(503);
  expect(pushed.body.error.message).toMatch(/WECHAT_APP_ID/);
});
