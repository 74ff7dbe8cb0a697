import { UID, type ContentUid } from '../src/constants';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { workflowClient } from './harness/workflow';
import { articleData, contentManagerUrl, createReleased, documents } from './harness/content';

const app = bootTestAppForFile();
let editor: string;

beforeAll(async () => {
  editor = await app.adminToken(ACCOUNTS.editor);
});

type ValidationBody = {
  error: {
    status: number;
    name: string;
    message: string;
    details: { errors?: Array<{ path: string[]; message: string }> };
  };
};

/** The field paths a 400 names, e.g. [['title']]. */
const namedPaths = (body: ValidationBody) =>
  (body.error.details.errors ?? []).map((error) => error.path.join('.'));

const createAs = (token: string, uid: ContentUid, data: object, locale = 'zh-CN') =>
  app
    .http()
    .post(contentManagerUrl(uid, `?locale=${locale}`))
    .set('Authorization', `Bearer ${token}`)
    .send(data);

describe('validation on every save: bad input is a 400 naming the field, and nothing is written', () => {
  const cases: Array<{ what: string; uid: ContentUid; data: () => object; field: string }> = [
    {
      what: 'article title over 80 characters',
      uid: UID.article,
      data: () => articleData({ title: '长'.repeat(81) }),
      field: 'title',
    },
    {
      what: 'article digest over 128 characters (WeChat limit)',
      uid: UID.article,
      data: () => articleData({ digest: '摘'.repeat(129) }),
      field: 'digest',
    },
    {
      what: 'article channels not booleans',
      uid: UID.article,
      data: () => articleData({ channels: { website: 'often' } }),
      field: 'channels.website',
    },
    {
      what: 'achievement level outside the enumeration',
      uid: UID.achievement,
      data: () => ({
        title: '成果',
        slug: 'bad-level',
        achievedOn: '2024-01-01',
        level: 'galactic',
        kind: 'honor',
      }),
      field: 'level',
    },
    {
      what: 'achievement metric without a value',
      uid: UID.achievement,
      data: () => ({
        title: '成果',
        slug: 'bad-metric',
        achievedOn: '2024-01-01',
        level: 'company',
        kind: 'honor',
        metrics: [{ label: '人数', value: 'many' }],
      }),
      field: 'metrics.0.value',
    },
    {
      what: 'organization kind outside the enumeration',
      uid: UID.organization,
      data: () => ({ name: '某支部', slug: 'odd-kind', kind: 'club' }),
      field: 'kind',
    },
    {
      what: 'category name over 30 characters',
      uid: UID.category,
      data: () => ({ name: '栏'.repeat(31), slug: 'long-category' }),
      field: 'name',
    },
  ];

  test.each(cases)('$what', async ({ uid, data, field }) => {
    const before = await documents(app.strapi, uid).count({});
    const response = await createAs(editor, uid, data());
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(namedPaths(response.body)).toContain(field);
    expect(await documents(app.strapi, uid).count({})).toBe(before);
  });

  test('a taxonomy draft may be incomplete or repeat a name; submitting it names the field', async () => {
    const wf = workflowClient(app);
    const nameless = await createAs(editor, UID.organization, { slug: 'nameless', kind: 'branch' });
    expect(nameless.status).toBe(201);
    const refused = await wf.submit(
      ACCOUNTS.editor,
      UID.organization,
      nameless.body.data.documentId,
    );
    expect(refused.status).toBe(400);
    expect(namedPaths(refused.body)).toContain('name');

    const duplicate = await createAs(editor, UID.category, {
      name: '党建动态',
      slug: 'party-news-copy',
    });
    expect(duplicate.status).toBe(201);
    const twice = await wf.submit(ACCOUNTS.editor, UID.category, duplicate.body.data.documentId);
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body.error)).toMatch(/name/);
  });

  test('the organization tree refuses a parent that does not exist', async () => {
    const response = await createAs(editor, UID.organization, {
      name: '孤立支部',
      slug: 'orphan',
      kind: 'branch',
      parent: 'no-such-document',
    });
    expect(response.status).toBe(400);
    expect(
      await documents(app.strapi, UID.organization).count({ filters: { slug: 'orphan' } }),
    ).toBe(0);
  });
});

// Strapi lets drafts be incomplete: required fields, patterns and minimums are checked when a
// version is released. Submitting for review applies the same checks, so nothing a reviewer
// approves fails at release, and an incomplete draft never reaches the review queue.
describe('validation on release: a draft that breaks a rule cannot be submitted for review', () => {
  const submitAs = (token: string, uid: ContentUid, documentId: string) =>
    app
      .http()
      .post(`/workflow/documents/${uid}/${documentId}/submit?locale=zh-CN`)
      .set('Authorization', `Bearer ${token}`)
      .send({});

  const cases: Array<{ what: string; uid: ContentUid; data: () => object; field: string }> = [
    {
      what: 'article without a body',
      uid: UID.article,
      data: () => articleData({ body: undefined }),
      field: 'body',
    },
    {
      what: 'article slug with spaces',
      uid: UID.article,
      data: () => articleData({ slug: 'not a slug' }),
      field: 'slug',
    },
    {
      what: 'brand theme colour that is not #RRGGBB',
      uid: UID.brand,
      data: () => ({ name: '品牌', slug: 'bad-colour', themeColor: 'red' }),
      field: 'themeColor',
    },
    {
      what: 'video external URL that is not http(s)',
      uid: UID.video,
      data: () => ({
        title: '视频',
        slug: 'bad-url',
        externalUrl: 'javascript:alert(1)',
        channels: { website: true, wechat: false, screen: false },
      }),
      field: 'externalUrl',
    },
    {
      what: 'video duration below zero',
      uid: UID.video,
      data: () => ({
        title: '视频',
        slug: 'bad-duration',
        durationSeconds: -5,
        channels: { website: true, wechat: false, screen: false },
      }),
      field: 'durationSeconds',
    },
    {
      what: 'achievement without the date it was achieved',
      uid: UID.achievement,
      data: () => ({
        title: '成果',
        slug: 'no-date',
        level: 'company',
        kind: 'honor',
        channels: { website: true, wechat: false, screen: false },
      }),
      field: 'achievedOn',
    },
  ];

  test.each(cases)('$what', async ({ uid, data, field }) => {
    const created = await createAs(editor, uid, data());
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const submitted = await submitAs(editor, uid, documentId);
    expect(submitted.status).toBe(400);
    expect(namedPaths(submitted.body)).toContain(field);
    const state = await app.strapi.db
      .query('api::workflow.review-state')
      .findOne({ where: { targetDocumentId: documentId } });
    expect(state?.reviewState ?? 'draft').toBe('draft');
    expect(
      await documents(app.strapi, uid).findOne({ documentId, status: 'published' }),
    ).toBeNull();
  });
});

describe('content model', () => {
  test('a new article without a channel choice targets the website only', async () => {
    const { channels, ...withoutChannels } = articleData();
    const response = await createAs(editor, UID.article, withoutChannels);
    expect(response.status).toBe(201);
    const stored = await documents(app.strapi, UID.article).findOne({
      documentId: response.body.data.documentId,
      populate: ['channels'],
    });
    expect(stored.channels).toMatchObject({ website: true, wechat: false, screen: false });
  });

  test('draft & publish is on for every public type: taxonomies are reviewed too', () => {
    const withDraftAndPublish = Object.values(UID).filter(
      (uid) => app.strapi.contentType(uid).options?.draftAndPublish === true,
    );
    expect(withDraftAndPublish.sort()).toEqual(Object.values(UID).sort());
  });

  test('an organization tree can nest to any depth', async () => {
    const root = await createReleased(app.strapi, UID.organization, {
      name: '测试党委',
      slug: 'tree-root',
      kind: 'committee',
    });
    const middle = await createReleased(app.strapi, UID.organization, {
      name: '测试党总支',
      slug: 'tree-middle',
      kind: 'general_branch',
      parent: root.documentId,
    });
    await createReleased(app.strapi, UID.organization, {
      name: '测试党支部',
      slug: 'tree-leaf',
      kind: 'branch',
      parent: middle.documentId,
    });
    const response = await app
      .http()
      .get('/api/organizations?filters[slug][$eq]=tree-leaf&populate[parent][populate]=parent');
    expect(response.status).toBe(200);
    expect(response.body.data[0].parent.name).toBe('测试党总支');
    expect(response.body.data[0].parent.parent.name).toBe('测试党委');
  });
});
