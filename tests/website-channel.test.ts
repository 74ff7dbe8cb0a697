import sharp from 'sharp';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UID } from '../src/constants';
import { rebuildLiveRenderings } from '../src/channels/web/rendered';
import {
  forgetRememberedRenderings,
  RENDERINGS_TABLE,
  sourceKeyOf,
} from '../src/channels/web/stored-renderings';
import { DEMO_ARTICLES } from '../src/demo/demo-content';
import { articleData, createReleased, documents } from './harness/content';
import { DRAFT_ONLY, WECHAT_ONLY } from './harness/public-access';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

const WEBSITE_URL = 'https://www.example-railway.cn';
// Parts of five URLs, so the demo's few dozen pages make a sitemap index of several parts.
const app = bootTestAppForFile({
  WEBSITE_URL,
  PUBLIC_URL: 'https://cms.example-railway.cn',
  SITEMAP_URLS_PER_FILE: '5',
});
let hostileId: string;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

beforeAll(async () => {
  // An article whose text tries to smuggle markup in, with an inline image. (Strapi itself refuses
  // javascript: links on save; the sanitiser's own allowlist is unit-tested in tests/unit.)
  const png = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#c8102e' },
  })
    .png()
    .toBuffer();
  const token = await app.adminToken(ACCOUNTS.editor);
  const [image] = (
    await app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', png, { filename: 'inline.png', contentType: 'image/png' })
  ).body;
  const hostile = await createReleased(
    app.strapi,
    UID.article,
    articleData({
      slug: 'hostile-body',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '<script>alert(1)</script> 与 <b onclick="x()">粗体</b>' },
          ],
        },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '见' },
            {
              type: 'link',
              url: 'https://www.12371.cn/',
              children: [{ type: 'text', text: '共产党员网' }],
            },
          ],
        },
        { type: 'image', image, children: [{ type: 'text', text: '' }] },
        { type: 'heading', level: 2, children: [{ type: 'text', text: '标题', bold: true }] },
      ],
    }),
  );
  hostileId = hostile.documentId;
});

describe('rendered bodies and images on the Content API', () => {
  test('each article carries sanitised HTML next to its structured body', async () => {
    const response = await app.http().get(`/api/articles/${hostileId}?populate=cover`);
    expect(response.status).toBe(200);
    const { body, rendered } = response.body.data;
    expect(body).toHaveLength(4); // the structured body is still there
    const html: string = rendered.bodyHtml;
    expect(html).not.toMatch(/<script|<b[\s>]|<[^>]+\son\w+=|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://www.12371.cn/" rel="noopener noreferrer">共产党员网</a>',
    );
    expect(html).toContain('<h2><strong>标题</strong></h2>');
  });

  test('body images come with every size, width and height', async () => {
    const { rendered } = (await app.http().get(`/api/articles/${hostileId}`)).body.data;
    const img = /<img [^>]*>/.exec(rendered.bodyHtml)![0];
    expect(img).toMatch(/width="1200" height="800"/);
    const srcset = /srcset="([^"]+)"/.exec(img)![1].split(', ');
    const widths = srcset.map((entry) => Number(entry.split(' ')[1].replace('w', '')));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(widths.slice(1)).toEqual([500, 750, 1000, 1200]); // small, medium, large, original
    expect(widths[0]).toBeLessThanOrEqual(245); // the thumbnail fits in 245×156
    for (const entry of srcset) expect(entry).toMatch(/^\/uploads\//);
  });

  test('covers, logos and posters come as responsive image data', async () => {
    const articles = (await app.http().get('/api/articles?populate=cover&pagination[pageSize]=100'))
      .body.data;
    const withCover = articles.find((article: { cover: unknown }) => article.cover);
    const cover = withCover.rendered.cover;
    expect(cover.sources.length).toBeGreaterThan(1);
    for (const source of cover.sources)
      expect(source).toEqual({
        url: expect.stringMatching(/^\/uploads\//),
        width: expect.any(Number),
        height: expect.any(Number),
      });
    expect(cover.sources.map((source: { width: number }) => source.width)).toEqual(
      [...cover.sources.map((source: { width: number }) => source.width)].sort((a, b) => a - b),
    );
    const brand = (await app.http().get('/api/brands?populate[logo]=true&populate[cover]=true'))
      .body.data[0];
    expect(brand.rendered.logo.srcset).toContain('w');
    expect(brand.rendered.storyHtml).toMatch(/^<(p|h2)>/);
  });
});

describe('website HTML, stored once per released version', () => {
  const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
  const renderings = () => app.strapi.db.connection(RENDERINGS_TABLE);
  const releasedArticle = async (slug: string, text: string) => {
    const { documentId } = await createReleased(
      app.strapi,
      UID.article,
      articleData({ slug, body: paragraph(text) }),
    );
    // The key of the blocks as the database gives them back (PostgreSQL's jsonb orders their keys its own way).
    const live = await app.strapi.db
      .query(UID.article)
      .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['body'] });
    return { documentId, key: sourceKeyOf(live?.body)! };
  };
  const bodyHtmlOf = async (documentId: string) =>
    (await app.http().get(`/api/articles/${documentId}?locale=zh-CN`)).body.data.rendered
      .bodyHtml as string;

  test('a release renders and stores it, and readers are served what is stored', async () => {
    const { documentId, key } = await releasedArticle('stored-at-release', '发布时渲染一次');
    expect((await renderings().where({ source_key: key }).first()).html).toBe(
      '<p>发布时渲染一次</p>',
    );
    // Changed in the table (and this process's copies dropped), the table's is what a reader gets: nothing renders it again.
    await renderings().where({ source_key: key }).update({ html: '<p>from the table</p>' });
    forgetRememberedRenderings(app.strapi);
    expect(await bodyHtmlOf(documentId)).toBe('<p>from the table</p>');
  });

  test('missing (after an import, or from an older renderer), it is rendered at the first read and stored', async () => {
    const { documentId, key } = await releasedArticle(
      'rendered-when-missing',
      '导入后首次读取时渲染',
    );
    await renderings().delete();
    forgetRememberedRenderings(app.strapi);
    expect(await bodyHtmlOf(documentId)).toBe('<p>导入后首次读取时渲染</p>');
    expect((await renderings().where({ source_key: key }).first()).html).toBe(
      '<p>导入后首次读取时渲染</p>',
    );
  });

  test('`npm run reindex` renders every live version again and drops what nothing live uses', async () => {
    const { key } = await releasedArticle('rebuilt-by-reindex', '重建索引时重新渲染');
    await renderings().where({ source_key: key }).update({ html: '<p>stale</p>' });
    await renderings().insert({
      source_key: 'no-live-version-uses-this',
      html: '<p>old</p>',
      rendered_at: 0,
    });
    const { rendered, dropped } = await rebuildLiveRenderings(app.strapi);
    expect(dropped).toBeGreaterThanOrEqual(1);
    expect(
      await renderings().where({ source_key: 'no-live-version-uses-this' }).first(),
    ).toBeUndefined();
    expect((await renderings().where({ source_key: key }).first()).html).toBe(
      '<p>重建索引时重新渲染</p>',
    );
    // One for each distinct live rich text of every type that has one.
    const live = [
      ...(
        await app.strapi.db
          .query(UID.article)
          .findMany({ where: { publishedAt: { $notNull: true } }, select: ['body'] })
      ).map((row) => row.body),
      ...(
        await app.strapi.db
          .query(UID.achievement)
          .findMany({ where: { publishedAt: { $notNull: true } }, select: ['body'] })
      ).map((row) => row.body),
      ...(
        await app.strapi.db
          .query(UID.brand)
          .findMany({ where: { publishedAt: { $notNull: true } }, select: ['story'] })
      ).map((row) => row.story),
    ];
    const keys = new Set(live.map(sourceKeyOf).filter(Boolean));
    expect(rendered).toBe(keys.size);
    expect(
      (await renderings().select('source_key'))
        .map((row: { source_key: string }) => row.source_key)
        .sort(),
    ).toEqual([...keys].sort());
  });
});

const feed = async (format: string, query = '') => app.http().get(`/api/feeds/${format}${query}`);

describe('feeds', () => {
  test('RSS 2.0: well-formed, a channel with items that each have title, link, guid and an RFC 822 date', async () => {
    const response = await feed('rss', '?locale=zh-CN');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/rss\+xml/);
    expect(XMLValidator.validate(response.text)).toBe(true);
    const rss = parser.parse(response.text).rss;
    expect(rss['@version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toBeTruthy();
    expect(channel.link).toBe(`${WEBSITE_URL}/zh-CN`);
    expect(channel.description).toBeTruthy();
    const items = list(channel.item);
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${WEBSITE_URL}/zh-CN/articles/`));
      expect(item.guid['#text'] ?? item.guid).toBe(item.link);
      expect(item.pubDate).toMatch(
        /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
    const links = items.map((item) => item.link as string);
    expect(links.some((link) => link.endsWith(DRAFT_ONLY))).toBe(false);
    expect(links.some((link) => link.endsWith(WECHAT_ONLY))).toBe(false);
    // Newest first.
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('Atom 1.0: a feed with id, title, updated, and entries with id, title, updated and an alternate link', async () => {
    const response = await feed('atom');
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(response.text)).toBe(true);
    const atom = parser.parse(response.text).feed;
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.id).toBeTruthy();
    expect(Number.isNaN(Date.parse(atom.updated))).toBe(false);
    const entries = list(atom.entry);
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const entry of entries) {
      expect(entry.id).toBeTruthy();
      expect(entry.title['#text'] ?? entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(
        list(entry.link).some((link: Record<string, string>) =>
          link['@href']?.startsWith(WEBSITE_URL),
        ),
      ).toBe(true);
    }
  });

  test('JSON Feed 1 with full HTML content and absolute image URLs', async () => {
    const response = await feed('json');
    expect(response.headers['content-type']).toMatch(/^application\/feed\+json/);
    const json = JSON.parse(response.text);
    expect(json.version).toBe('https://jsonfeed.org/version/1');
    expect(json.title).toBeTruthy();
    expect(json.feed_url).toMatch(/\/api\/feeds\/json/);
    expect(json.items.length).toBeGreaterThanOrEqual(6);
    for (const item of json.items) {
      expect(item).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          url: expect.stringMatching(/^https:\/\//),
          title: expect.any(String),
          content_html: expect.any(String),
        }),
      );
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      if (item.image) expect(item.image).toMatch(/^https:\/\/cms\.example-railway\.cn\/uploads\//);
      expect(item.content_html).not.toMatch(/src="\/uploads/);
    }
    // A released demo article, whole: its page, title, digest, body and cover.
    const launched = DEMO_ARTICLES.find(
      (article) => article.slug === 'bullet-train-brand-launched',
    )!;
    const item = json.items.find(
      (candidate: { url: string }) =>
        candidate.url === `${WEBSITE_URL}/zh-CN/articles/${launched.slug}`,
    );
    expect(item).toMatchObject({
      id: item?.url,
      title: launched.title,
      summary: launched.digest,
      image: expect.stringMatching(/^https:\/\/cms\.example-railway\.cn\/uploads\//),
    });
    expect(item.content_html).toContain('<h2>三项近期安排</h2>');
    const texts = launched.body
      .flatMap((block) =>
        block.type === 'list'
          ? block.children.flatMap((listItem) => listItem.children)
          : block.children,
      )
      .map((leaf) => leaf.text);
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(item.content_html).toContain(text);
  });

  test('per category and per brand, per locale', async () => {
    const news = parser.parse((await feed('rss', '?category=party-news')).text).rss.channel;
    expect(news.title).toMatch(/党建动态/);
    const inNews = list(news.item);
    expect(inNews.length).toBeGreaterThan(0);
    const articles = documents(app.strapi, UID.article);
    for (const item of inNews) {
      const slug = item.link.split('/').pop();
      const article = await articles.findFirst({
        filters: { slug },
        status: 'published',
        populate: ['category'],
      });
      expect(article.category.slug).toBe('party-news');
    }
    const byBrand = parser.parse((await feed('rss', '?brand=party-building-bullet-train')).text).rss
      .channel;
    expect(list(byBrand.item).length).toBeGreaterThan(0);
    const english = parser.parse((await feed('rss', '?locale=en')).text).rss.channel;
    expect(list(english.item)).toEqual([]);
  });

  test('titles and digests are text: escaped where a format reads them as HTML, verbatim in JSON Feed', async () => {
    const title = '<script>alert("t")</script>标题]]>';
    const digest = '<img src=x onerror=alert(1)>摘要';
    await createReleased(
      app.strapi,
      UID.article,
      articleData({ slug: 'markup-in-title', title, digest }),
    );
    const rss = await feed('rss');
    const atom = await feed('atom');
    for (const response of [rss, atom]) {
      expect(XMLValidator.validate(response.text)).toBe(true);
      expect(response.text).not.toMatch(/<script|<img src=x/);
    }
    const rssItem = list(parser.parse(rss.text).rss.channel.item).find((item) =>
      String(item.link).endsWith('markup-in-title'),
    );
    expect(rssItem.title).toBe('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;标题]]&gt;');
    expect(rssItem.description).toBe('&lt;img src=x onerror=alert(1)&gt;摘要');
    const atomEntry = list(parser.parse(atom.text).feed.entry).find((entry) =>
      list(entry.link).some((link: Record<string, string>) =>
        link['@href'].endsWith('markup-in-title'),
      ),
    );
    expect(atomEntry.title['#text']).toBe(
      '&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;标题]]&gt;',
    );
    expect(atomEntry.summary['#text']).toBe('&lt;img src=x onerror=alert(1)&gt;摘要');
    const jsonItem = JSON.parse((await feed('json')).text).items.find((item: { url: string }) =>
      item.url.endsWith('markup-in-title'),
    );
    expect(jsonItem).toMatchObject({ title, summary: digest });
  });

  test('bad requests are 4xx naming the problem', async () => {
    expect((await feed('xml')).status).toBe(404);
    const locale = await feed('rss', '?locale=fr');
    expect(locale.status).toBe(400);
    expect(locale.body.error.message).toMatch(/locale/);
    expect((await feed('rss', '?category=no-such-column')).status).toBe(404);
  });
});

describe('sitemap', () => {
  /** Every URL of the sitemap, read through its index, with the parts it came in. */
  const readSitemap = async () => {
    const index = await app.http().get('/api/sitemap.xml');
    expect(index.status).toBe(200);
    expect(XMLValidator.validate(index.text)).toBe(true);
    const sitemapindex = parser.parse(index.text).sitemapindex;
    expect(sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const parts = list(sitemapindex.sitemap) as Array<{ loc: string; lastmod: string }>;
    const urls: Array<{ loc: string; lastmod: string }> = [];
    for (const [number, part] of parts.entries()) {
      expect(part.loc).toBe(`https://cms.example-railway.cn/api/sitemaps/${number + 1}.xml`);
      const response = await app.http().get(new URL(part.loc).pathname);
      expect(response.status).toBe(200);
      expect(XMLValidator.validate(response.text)).toBe(true);
      const inPart = list(parser.parse(response.text).urlset.url) as Array<{
        loc: string;
        lastmod: string;
      }>;
      expect(inPart.length).toBeGreaterThan(0);
      expect(inPart.length).toBeLessThanOrEqual(5);
      expect(Date.parse(part.lastmod)).toBe(
        Math.max(...inPart.map((url) => Date.parse(url.lastmod))),
      );
      urls.push(...inPart);
    }
    return { parts, urls };
  };

  test('an index of parts lists every published website page in every locale, and nothing else', async () => {
    const { parts, urls } = await readSitemap();
    expect(parts.length).toBe(Math.ceil(urls.length / 5));
    for (const url of urls) {
      expect(url.loc).toMatch(
        new RegExp(`^${WEBSITE_URL}/(zh-CN|en)/(articles|videos|achievements|brands)/[^/]+$`),
      );
      expect(Number.isNaN(Date.parse(url.lastmod))).toBe(false);
    }
    const locs = urls.map((url) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toContain(`${WEBSITE_URL}/zh-CN/brands/party-building-bullet-train`);
    expect(locs).toContain(`${WEBSITE_URL}/en/brands/party-building-bullet-train`);
    expect(locs).toContain(`${WEBSITE_URL}/zh-CN/articles/hostile-body`);
    expect(locs.filter((loc) => loc.includes('/videos/'))).toHaveLength(2);
    expect(locs.filter((loc) => loc.includes('/achievements/'))).toHaveLength(3);
    expect(locs.some((loc) => loc.endsWith(DRAFT_ONLY) || loc.endsWith(WECHAT_ONLY))).toBe(false);
  });

  test('a part that does not exist is a 404', async () => {
    const { parts } = await readSitemap();
    for (const part of [`${parts.length + 1}.xml`, '0.xml', 'abc.xml', '1', '-1.xml']) {
      expect((await app.http().get(`/api/sitemaps/${part}`)).status).toBe(404);
    }
  });

  test('a release is in it at once, an unpublish gone at once', async () => {
    const before = (await readSitemap()).urls.map((url) => url.loc);
    expect(before).not.toContain(`${WEBSITE_URL}/zh-CN/articles/sitemap-newcomer`);
    await createReleased(app.strapi, UID.article, articleData({ slug: 'sitemap-newcomer' }));
    const after = (await readSitemap()).urls.map((url) => url.loc);
    expect(after).toContain(`${WEBSITE_URL}/zh-CN/articles/sitemap-newcomer`);
    expect(after).toHaveLength(before.length + 1);
    // And leaves it as soon as it is taken down.
    const [newcomer] = await documents(app.strapi, UID.article).findMany({
      filters: { slug: 'sitemap-newcomer' },
      locale: 'zh-CN',
    });
    await documents(app.strapi, UID.article).unpublish({
      documentId: newcomer.documentId,
      locale: 'zh-CN',
    });
    expect((await readSitemap()).urls.map((url) => url.loc)).toEqual(before);
  });

  test('a read-only API token reads feeds and the sitemap like the public', async () => {
    const auth = { Authorization: `Bearer ${await app.apiToken('read-only')}` };
    expect((await app.http().get('/api/sitemap.xml').set(auth)).status).toBe(200);
    expect((await app.http().get('/api/feeds/atom').set(auth)).status).toBe(200);
    expect(
      (await app.http().get('/api/articles').set(auth)).body.data[0].rendered.bodyHtml,
    ).toBeTruthy();
  });
});
