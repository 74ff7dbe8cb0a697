import type { ContentTypeDescriptor } from './descriptor';
import { BRAND, CHANNELS, SLUG, UPDATED } from './field-labels';
import { THREE_STAGE_REVIEW } from './review-chains';

const LEVELS: Record<string, string> = {
  national: '国家级',
  provincial: '省部级',
  group: '集团级',
  company: '公司级',
  unit: '基层单位',
};

const uid = 'api::achievement.achievement';

/** 成果: honours, awards and practices of the party organizations. */
export const achievement = {
  uid,
  name: 'achievement',
  position: 5,
  publishable: true,
  taxonomy: false,
  channelTargeted: true,
  localized: true,
  labels: { zh: '成果', en: 'Achievement' },
  fieldLabels: {
    title: { label: '成果名称' },
    slug: SLUG,
    summary: { label: '摘要' },
    body: { label: '详细介绍' },
    achievedOn: { label: '获得日期' },
    level: {
      label: '级别',
      description:
        'national 国家级 · provincial 省部级 · group 集团级 · company 公司级 · unit 基层单位级',
    },
    kind: {
      label: '类别',
      description: 'honor 荣誉 · award 奖项 · innovation 创新成果 · practice 典型做法 · other 其他',
    },
    metrics: { label: '成效指标' },
    gallery: { label: '图集' },
    brand: BRAND,
    organization: { label: '所属党组织' },
    channels: CHANNELS,
    updatedAt: UPDATED,
  },
  listColumns: ['title', 'organization', 'level', 'updatedAt'],
  reviewChain: THREE_STAGE_REVIEW,
  website: {
    pageKind: 'achievements',
    richText: 'body',
    render: (item, html, { image }) => ({
      bodyHtml: html,
      gallery: Array.isArray(item.gallery) ? item.gallery.map((file) => image(file)) : [],
    }),
  },
  preview: {
    populate: ['gallery', 'metrics', 'organization', 'brand', 'channels'],
    websitePage: (row, rendered, { text, image, meta, nameOf }) => {
      const gallery = (rendered.gallery as unknown[]) ?? [];
      const metrics =
        (row.metrics as Array<{ label?: string; value?: number; unit?: string }> | undefined) ?? [];
      return `
    <p class="crumbs">${nameOf(row.organization)}</p>
    <h1>${text(row.title)}</h1>
    ${meta([text(LEVELS[String(row.level)] ?? row.level), text(row.achievedOn)])}
    ${gallery.length ? image(gallery[0], '(max-width: 800px) 100vw, 760px', 'lead') : ''}
    ${row.summary ? `<p class="standfirst">${text(row.summary)}</p>` : ''}
    ${metrics.length ? `<dl class="metrics">${metrics.map((metric) => `<div><dt>${text(metric.label)}</dt><dd>${text(metric.value)}${text(metric.unit)}</dd></div>`).join('')}</dl>` : ''}
    <div class="body">${String(rendered.bodyHtml ?? '')}</div>
    ${
      gallery.length > 1
        ? `<div class="gallery">${gallery
            .slice(1)
            .map((picture) => image(picture, '(max-width: 800px) 50vw, 370px'))
            .join('')}</div>`
        : ''
    }`;
    },
  },
  screen: {
    sort: [{ achievedOn: 'desc' }, { id: 'desc' }],
    populate: { metrics: true, gallery: true },
    card: (row, { image }) => ({
      kind: 'achievement',
      summary: row.summary ?? '',
      image: image(row.gallery?.[0]),
    }),
  },
  demo: {
    order: 7,
    seed: async ({ strapi, content, images, locale, ensure, idOf, release }) => {
      for (const { organization, gallery, ...item } of content.DEMO_ACHIEVEMENTS) {
        const documentId = await ensure(uid, item.slug, () =>
          strapi.documents(uid).create({
            data: {
              ...item,
              gallery: gallery.map((key) => images[key]),
              organization: idOf('api::organization.organization', organization),
              brand: idOf('api::brand.brand', content.DEMO_BRAND.slug),
            },
            locale,
          }),
        );
        await release(uid, documentId);
      }
    },
  },
} as const satisfies ContentTypeDescriptor;
