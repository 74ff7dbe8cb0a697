import type { Core, Struct, UID as StrapiUid } from '@strapi/strapi';
import { PUBLIC_UIDS, TAXONOMY_UIDS, UID, type ContentUid } from '../../src/constants';
import { isLocalizedType } from '../../src/i18n/locales';
import { documents, releaseReviewed } from './content';
import { ACCOUNTS, type TestApp } from './strapi';

/** Text that only published, on-channel, zh-CN versions carry: a probe must find it. */
export const publicMark = (uid: string) => `LEAKPUB-${uid.split('.').pop()}`;
/** Text every version a reader must never see carries. */
export const SECRET = 'LEAKSECRET';

export type Fixture = (mark: string, links: Links, unique: string) => Record<string, unknown>;
export type Links = {
  file: number;
  brand?: string;
  organization?: string;
  category?: string;
  tag?: string;
};

const blocks = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const onWebsite = (website: boolean) => ({ website, wechat: false, screen: false });

/**
 * Valid data of every public type, each text field carrying `mark`. A new public type needs an
 * entry here; the leak suite fails until it has one, and then probes every field it reaches.
 */
export const FIXTURES: Record<ContentUid, Fixture> = {
  [UID.organization]: (mark, _links, unique) => ({
    name: `${mark}组织`,
    slug: `org-${unique}`,
    kind: 'branch',
  }),
  [UID.category]: (mark, _links, unique) => ({
    name: `${mark}栏目${unique}`.slice(0, 30),
    slug: `cat-${unique}`,
  }),
  [UID.tag]: (mark, _links, unique) => ({
    name: `${mark}标签${unique}`.slice(0, 30),
    slug: `tag-${unique}`,
  }),
  [UID.brand]: (mark, links, unique) => ({
    name: `${mark}品牌`,
    slug: `brand-${unique}`,
    slogan: mark,
    summary: mark,
    story: blocks(mark),
    pillars: [{ title: mark, text: mark }],
    logo: links.file,
    cover: links.file,
    organization: links.organization,
    seo: { metaTitle: mark, shareImage: links.file },
  }),
  [UID.article]: (mark, links, unique) => ({
    title: mark,
    slug: `article-${unique}`,
    digest: mark,
    body: blocks(mark),
    author: mark,
    cover: links.file,
    category: links.category,
    tags: links.tag ? [links.tag] : [],
    brand: links.brand,
    channels: onWebsite(true),
    seo: { metaTitle: mark, shareImage: links.file },
  }),
  [UID.video]: (mark, links, unique) => ({
    title: mark,
    slug: `video-${unique}`,
    description: mark,
    externalUrl: 'https://video.example.cn/brand.mp4',
    poster: links.file,
    durationSeconds: 60,
    brand: links.brand,
    category: links.category,
    channels: onWebsite(true),
  }),
  [UID.achievement]: (mark, links, unique) => ({
    title: mark,
    slug: `achievement-${unique}`,
    summary: mark,
    body: blocks(mark),
    achievedOn: '2025-07-01',
    level: 'company',
    kind: 'honor',
    metrics: [{ label: mark.slice(0, 16), value: 1, unit: mark.slice(0, 16) }],
    gallery: [links.file],
    brand: links.brand,
    organization: links.organization,
    channels: onWebsite(true),
  }),
};

export type LeakWorld = { published: Record<string, string>; file: { id: number } };

/** A content type a test registered (its uid is outside the generated types), with its fixture. */
export type AddedType = { uid: string; fixture: Fixture };

const schemaOf = (strapi: Core.Strapi, uid: string): Struct.ContentTypeSchema =>
  strapi.contentType(uid as StrapiUid.ContentType);
const isDraftAndPublish = (strapi: Core.Strapi, uid: string) =>
  schemaOf(strapi, uid).options?.draftAndPublish === true;
const hasChannels = (strapi: Core.Strapi, uid: string) =>
  'channels' in schemaOf(strapi, uid).attributes;

/**
 * One published, website-targeted zh-CN item of every public type, each linked to the others and
 * sharing one image, and behind each of them every version no reader may see: its own later draft
 * edit (linked to a draft-only item), a draft-only item and an off-channel item using the same
 * image, and a translation that is off-channel (or never published).
 */
export const buildLeakWorld = async (
  app: TestApp,
  added: readonly AddedType[] = [],
): Promise<LeakWorld> => {
  const { strapi } = app;
  const file = await app.uploadPng(ACCOUNTS.editor, '#8a1c1c', { width: 640, height: 360 });

  let serial = 0;
  const unique = () => `leak-${Date.now().toString(36)}-${(serial += 1)}`;
  const fixtures: Record<string, Fixture> = {
    ...FIXTURES,
    ...Object.fromEntries(added.map(({ uid, fixture }) => [uid, fixture])),
  };
  // An added type's uid is one the generated types do not know.
  const asContentUid = (uid: string) => uid as ContentUid;
  const create = async (uid: string, mark: string, links: Links, website = true) => {
    const data = fixtures[uid](mark, links, unique());
    if (hasChannels(strapi, uid)) data.channels = onWebsite(website);
    return (await documents(strapi, asContentUid(uid)).create({ data, locale: 'zh-CN' }))
      .documentId as string;
  };
  const release = (uid: string, documentId: string, locale = 'zh-CN') =>
    isDraftAndPublish(strapi, uid)
      ? releaseReviewed(strapi, asContentUid(uid), documentId, locale)
      : Promise.resolve();

  const published: Record<string, string> = {};
  const secretDrafts: Record<string, string> = {};
  // Taxonomies first, so the other types can link to them; then the types a test added.
  const order: string[] = [
    ...PUBLIC_UIDS.filter((uid) => TAXONOMY_UIDS.includes(uid)),
    ...PUBLIC_UIDS.filter((uid) => !TAXONOMY_UIDS.includes(uid)),
    ...added
      .map(({ uid }) => uid)
      .filter((uid) => !(PUBLIC_UIDS as readonly string[]).includes(uid)),
  ];
  for (const uid of order) {
    const links: Links = {
      file: file.id,
      organization: published[UID.organization],
      category: published[UID.category],
      tag: published[UID.tag],
      brand: published[UID.brand],
    };
    published[uid] = await create(uid, publicMark(uid), links);
    await release(uid, published[uid]);
    if (!isDraftAndPublish(strapi, uid)) continue;

    secretDrafts[uid] = await create(uid, `${SECRET}草稿`, links);
    if (hasChannels(strapi, uid))
      await release(uid, await create(uid, `${SECRET}其他渠道`, links, false));
    if (isLocalizedType(strapi, asContentUid(uid))) {
      const english = fixtures[uid](`${SECRET} english`, links, unique());
      if (hasChannels(strapi, uid)) english.channels = onWebsite(false);
      await documents(strapi, asContentUid(uid)).update({
        documentId: published[uid],
        locale: 'en',
        data: english,
      });
      if (hasChannels(strapi, uid)) await release(uid, published[uid], 'en');
    }
  }
  // Later draft edits of every published item, pointing at draft-only items: never read.
  for (const uid of order.filter((candidate) => isDraftAndPublish(strapi, candidate))) {
    const edit = fixtures[uid](
      `${SECRET}修改`,
      { file: file.id, brand: secretDrafts[UID.brand] },
      unique(),
    );
    delete edit.slug;
    await documents(strapi, asContentUid(uid)).update({
      documentId: published[uid],
      locale: 'zh-CN',
      data: edit,
    });
  }
  return { published, file };
};
