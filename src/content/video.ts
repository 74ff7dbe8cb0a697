import type { ResponsiveImage } from '../channels/web/responsive-image';
import type { ContentTypeDescriptor } from './descriptor';
import { BRAND, CATEGORY, CHANNELS, SLUG, UPDATED } from './field-labels';
import { THREE_STAGE_REVIEW } from './review-chains';

const uid = 'api::video.video';

/** 视频: a video file or a platform's player, with its poster. */
export const video = {
  uid,
  name: 'video',
  position: 4,
  publishable: true,
  taxonomy: false,
  channelTargeted: true,
  localized: true,
  labels: { zh: '视频', en: 'Video' },
  fieldLabels: {
    title: { label: '标题' },
    slug: SLUG,
    description: { label: '简介' },
    media: { label: '视频文件' },
    externalUrl: { label: '外部视频地址', description: '不上传文件时，填写视频平台的播放地址' },
    poster: { label: '封面图' },
    durationSeconds: { label: '时长（秒）' },
    subtitles: { label: '字幕文件' },
    brand: BRAND,
    category: CATEGORY,
    channels: CHANNELS,
    updatedAt: UPDATED,
  },
  listColumns: ['title', 'category', 'brand', 'updatedAt'],
  reviewChain: THREE_STAGE_REVIEW,
  website: {
    pageKind: 'videos',
    render: (item, _html, { image }) => ({ poster: image(item.poster) }),
  },
  preview: {
    populate: ['media', 'poster', 'category', 'brand', 'channels'],
    websitePage: (row, rendered, { text, image, meta, nameOf, webLink }) => {
      const poster = rendered.poster as ResponsiveImage | null;
      const source = (row.media as { url?: string } | null)?.url ?? null;
      const player = source
        ? `<video class="lead" controls preload="none" src="${text(source)}"${poster?.url ? ` poster="${text(poster.url)}"` : ''}></video>`
        : `${image(poster, '(max-width: 800px) 100vw, 760px', 'lead')}${row.externalUrl ? `<p>${webLink(row.externalUrl)}</p>` : ''}`;
      const minutes =
        typeof row.durationSeconds === 'number'
          ? `${Math.floor(row.durationSeconds / 60)}:${String(row.durationSeconds % 60).padStart(2, '0')}`
          : '';
      return `
    <p class="crumbs">${nameOf(row.brand)}${row.category ? ` › ${nameOf(row.category)}` : ''}</p>
    <h1>${text(row.title)}</h1>${meta([text(minutes)])}
    ${player}
    ${row.description ? `<p class="standfirst">${text(row.description)}</p>` : ''}`;
    },
  },
  screen: {
    sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
    populate: { poster: true, media: true, category: { fields: ['name'] } },
    card: (row, { image }) => ({
      kind: 'video',
      summary: row.description ?? '',
      image: image(row.poster),
    }),
  },
  demo: {
    order: 6,
    seed: async ({ strapi, content, images, locale, ensure, idOf, release }) => {
      for (const { category, poster, ...item } of content.DEMO_VIDEOS) {
        const documentId = await ensure(uid, item.slug, () =>
          strapi.documents(uid).create({
            data: {
              ...item,
              poster: images[poster],
              category: idOf('api::category.category', category),
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
