import { PUBLIC_UIDS, UID } from '../src/constants';
import { DEMO_ARTICLES } from '../src/demo/demo-content';
import { seedDemo } from '../src/demo/seed-demo';
import { bootTestAppForFile } from './harness/strapi';

const app = bootTestAppForFile();

/** Rows per table, all versions and locales: what a duplicate would show up in. */
const rowCounts = async () => {
  const tables = [
    ...PUBLIC_UIDS,
    'admin::user',
    'admin::role',
    'plugin::upload.file',
    'plugin::i18n.locale',
  ];
  const counts: Record<string, number> = {};
  for (const uid of tables) counts[uid] = await app.strapi.db.query(uid).count();
  return counts;
};

describe('demo content', () => {
  test('is the 党建动车组 brand with its three pillars and organization tree', async () => {
    const brand = await app
      .http()
      .get('/api/brands?populate[pillars]=true&populate[organization]=true&populate[logo]=true');
    expect(brand.status).toBe(200);
    expect(brand.body.data).toHaveLength(1);
    const [profile] = brand.body.data;
    expect(profile).toMatchObject({ name: '党建动车组', locale: 'zh-CN' });
    expect(profile.pillars.map((pillar: { title: string }) => pillar.title)).toEqual([
      '双提升',
      '三服务',
      '四争先',
    ]);
    expect(profile.organization.name).toBe('铁路运输分公司党委');
    expect(profile.logo.formats).toHaveProperty('thumbnail');

    const tree = await app
      .http()
      .get('/api/organizations?filters[kind][$eq]=committee&populate[children]=true');
    expect(tree.body.data).toHaveLength(1);
    const branches = tree.body.data[0].children;
    expect(branches.length).toBeGreaterThanOrEqual(2);
    for (const branch of branches) expect(branch.kind).toBe('branch');
  });

  test('has at least six published website articles across several categories', async () => {
    const response = await app
      .http()
      .get(
        '/api/articles?locale=zh-CN&populate[category]=true&populate[cover]=true&pagination[pageSize]=100',
      );
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThanOrEqual(6);
    const categories = new Set(
      response.body.data.map((article: { category: { slug: string } }) => article.category.slug),
    );
    expect(categories.size).toBeGreaterThanOrEqual(4);
    for (const article of response.body.data) {
      expect(article.body.length).toBeGreaterThan(0);
      expect(article.cover.url).toMatch(/^\/uploads\//);
    }
  });

  test('has two videos and three achievements with metrics', async () => {
    const videos = await app.http().get('/api/videos');
    expect(videos.body.meta.pagination.total).toBe(2);
    const achievements = await app
      .http()
      .get('/api/achievements?populate[metrics]=true&populate[organization]=true');
    expect(achievements.body.data).toHaveLength(3);
    for (const achievement of achievements.body.data) {
      expect(achievement.metrics.length).toBeGreaterThan(0);
      expect(achievement.organization).not.toBeNull();
    }
  });

  test('leaves one article as an unpublished draft for the editors', async () => {
    const drafts = DEMO_ARTICLES.filter((article) => article.draftOnly);
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const published = await app.strapi
        .documents(UID.article)
        .findFirst({ filters: { slug: draft.slug }, status: 'published' });
      expect(published).toBeNull();
    }
  });
});

describe('locales', () => {
  test('zh-CN is the default and English is reachable with locale=en', async () => {
    const defaultLocale = await app.strapi.plugin('i18n').service('locales').getDefaultLocale();
    expect(defaultLocale).toBe('zh-CN');

    const chinese = await app.http().get('/api/brands');
    expect(chinese.body.data[0].locale).toBe('zh-CN');

    const english = await app.http().get('/api/brands?locale=en&populate[pillars]=true');
    expect(english.status).toBe(200);
    expect(english.body.data).toHaveLength(1);
    expect(english.body.data[0]).toMatchObject({
      locale: 'en',
      slug: 'party-building-bullet-train',
    });
    expect(english.body.data[0].name).toMatch(/Bullet Train/);
    expect(english.body.data[0].pillars).toHaveLength(3);
    // Same document in both languages.
    expect(english.body.data[0].documentId).toBe(chinese.body.data[0].documentId);

    const englishArticles = await app.http().get('/api/articles?locale=en');
    expect(englishArticles.body.data).toEqual([]);
  });
});

describe('seeding', () => {
  test('is idempotent: a restart duplicates nothing', async () => {
    const before = await rowCounts();
    expect(before[UID.article]).toBeGreaterThan(0);
    await app.restart();
    expect(await rowCounts()).toEqual(before);
  });

  test('does not bring back demo content someone deleted', async () => {
    const video = await app.strapi
      .documents(UID.video)
      .findFirst({ filters: { slug: 'four-firsts-safety-class' } });
    await app.strapi.documents(UID.video).delete({ documentId: video!.documentId });
    await app.restart();
    expect(
      await app.strapi.db.query(UID.video).count({ where: { slug: 'four-firsts-safety-class' } }),
    ).toBe(0);
  });

  test('resumes an interrupted seed without duplicating what it already wrote', async () => {
    await app.strapi
      .store({ type: 'core', name: 'brand-cms', key: 'demo-seed-version' })
      .delete({});
    const before = await rowCounts();
    await seedDemo(app.strapi);
    const after = await rowCounts();
    // Only the video deleted above comes back (two rows: draft and published).
    expect(after).toEqual({ ...before, [UID.video]: before[UID.video] + 2 });
  });
});
