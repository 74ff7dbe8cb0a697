import type { ContentTypeDescriptor } from './descriptor';
import { BRAND, CATEGORY, CHANNELS, SEO, SLUG, UPDATED } from './field-labels';
import { THREE_STAGE_REVIEW } from './review-chains';

const uid = 'api::article.article';

/** 文章: the news of the brand, on every channel its editor targets. */
export const article = {
  uid,
  name: 'article',
  position: 3,
  publishable: true,
  taxonomy: false,
  channelTargeted: true,
  localized: true,
  labels: { zh: '文章', en: 'Article' },
  fieldLabels: {
    title: { label: '标题', description: '最多80字；微信公众号标题另有32字上限' },
    subtitle: { label: '副标题' },
    slug: SLUG,
    digest: { label: '摘要', description: '微信公众号摘要，最多128字' },
    body: { label: '正文' },
    cover: { label: '封面图', description: '网站和大屏使用原图，微信按2.35:1裁剪' },
    author: { label: '作者' },
    source: { label: '来源' },
    responsibleEditor: { label: '责任编辑' },
    category: CATEGORY,
    tags: { label: '标签' },
    brand: BRAND,
    channels: CHANNELS,
    seo: SEO,
    updatedAt: UPDATED,
  },
  listColumns: ['title', 'category', 'author', 'updatedAt'],
  reviewChain: THREE_STAGE_REVIEW,
  website: {
    pageKind: 'articles',
    richText: 'body',
    render: (item, html, { image }) => ({ bodyHtml: html, cover: image(item.cover) }),
  },
  preview: {
    populate: ['cover', 'category', 'brand', 'channels'],
    websitePage: (row, rendered, { text, image, meta, nameOf, clock }) => `
    <p class="crumbs">${nameOf(row.brand)}${row.category ? ` › ${nameOf(row.category)}` : ''}</p>
    <h1>${text(row.title)}</h1>${row.subtitle ? `<p class="subtitle">${text(row.subtitle)}</p>` : ''}
    ${meta([text(row.author), text(row.source), row.publishedAt ? text(clock(row.publishedAt as string)) : ''])}
    ${image(rendered.cover, '(max-width: 800px) 100vw, 760px', 'lead')}
    ${row.digest ? `<p class="standfirst">${text(row.digest)}</p>` : ''}
    <div class="body">${String(rendered.bodyHtml ?? '')}</div>`,
  },
  screen: {
    sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
    limit: 12,
    populate: { cover: true, category: { fields: ['name'] } },
    card: (row, { image, plainText }) => ({
      kind: 'article',
      summary: row.digest || plainText(row.body).slice(0, 80),
      image: image(row.cover),
    }),
  },
  demo: {
    order: 5,
    seed: async ({ strapi, content, images, locale, ensure, idOf, release, submitAsEditor }) => {
      for (const { category, tags, cover, draftOnly, ...item } of content.DEMO_ARTICLES) {
        const documentId = await ensure(uid, item.slug, () =>
          strapi.documents(uid).create({
            data: {
              ...item,
              cover: images[cover],
              category: idOf('api::category.category', category),
              tags: tags.map((slug) => idOf('api::tag.tag', slug)),
              brand: idOf('api::brand.brand', content.DEMO_BRAND.slug),
            },
            locale,
          }),
        );
        await (draftOnly ? submitAsEditor(uid, documentId) : release(uid, documentId));
      }
    },
  },
} as const satisfies ContentTypeDescriptor;
