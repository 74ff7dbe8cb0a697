import type { ContentTypeDescriptor } from './descriptor';
import { SEO, SLUG } from './field-labels';
import { THREE_STAGE_REVIEW } from './review-chains';

const uid = 'api::brand.brand';

/** 品牌: a brand's profile, on every channel (the screens' masthead among them). */
export const brand = {
  uid,
  name: 'brand',
  position: 1,
  publishable: true,
  taxonomy: false,
  channelTargeted: false,
  localized: true,
  labels: { zh: '品牌', en: 'Brand' },
  fieldLabels: {
    name: { label: '品牌名称' },
    slug: SLUG,
    slogan: { label: '品牌口号' },
    logo: { label: '品牌标识' },
    cover: { label: '封面图' },
    summary: { label: '品牌简介' },
    story: { label: '品牌故事' },
    pillars: { label: '品牌内涵', description: '如“双提升”“三服务”“四争先”，每条一项' },
    organization: { label: '所属党组织' },
    themeColor: { label: '主题色', description: '十六进制颜色，如 #C8102E' },
    seo: SEO,
  },
  reviewChain: THREE_STAGE_REVIEW,
  website: {
    pageKind: 'brands',
    richText: 'story',
    render: (item, html, { image }) => ({
      storyHtml: html,
      logo: image(item.logo),
      cover: image(item.cover),
    }),
  },
  preview: {
    populate: ['logo', 'cover', 'pillars', 'organization'],
    websitePage: (row, rendered, { text, image }) => {
      const pillars = (row.pillars as Array<{ title?: string; text?: string }> | undefined) ?? [];
      return `
    <div class="brand-head">${image(rendered.logo, '96px', 'logo')}<div><h1>${text(row.name)}</h1>${row.slogan ? `<p class="subtitle">${text(row.slogan)}</p>` : ''}</div></div>
    ${image(rendered.cover, '(max-width: 800px) 100vw, 760px', 'lead')}
    ${row.summary ? `<p class="standfirst">${text(row.summary)}</p>` : ''}
    ${pillars.length ? `<ol class="pillars">${pillars.map((pillar) => `<li><strong>${text(pillar.title)}</strong> ${text(pillar.text)}</li>`).join('')}</ol>` : ''}
    <div class="body">${String(rendered.storyHtml ?? '')}</div>`;
    },
  },
  demo: {
    order: 4,
    seed: async ({ strapi, content: { DEMO_BRAND }, images, locale, ensure, idOf, release }) => {
      const shared = {
        slug: DEMO_BRAND.slug,
        themeColor: DEMO_BRAND.themeColor,
        logo: images[DEMO_BRAND.logo],
        cover: images[DEMO_BRAND.cover],
        organization: idOf('api::organization.organization', DEMO_BRAND.organization),
      };
      const documentId = await ensure(uid, DEMO_BRAND.slug, () =>
        strapi
          .documents(uid)
          .create({ data: { ...shared, ...DEMO_BRAND.locales[locale] }, locale }),
      );
      await release(uid, documentId);
      const english = await strapi
        .documents(uid)
        .findOne({ documentId, locale: 'en', status: 'draft' });
      if (!english) {
        await strapi.documents(uid).update({
          documentId,
          locale: 'en',
          data: { ...shared, ...DEMO_BRAND.locales.en },
        });
      }
      await release(uid, documentId, 'en');
    },
  },
} as const satisfies ContentTypeDescriptor;
