import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, UID, type ContentUid } from '../constants';
import { hasVersion } from '../documents/document-rows';
import { ensureDemoAccounts } from './demo-accounts';
import {
  DEMO_ACHIEVEMENTS,
  DEMO_ARTICLES,
  DEMO_BRAND,
  DEMO_CATEGORIES,
  DEMO_ORGANIZATIONS,
  DEMO_TAGS,
  DEMO_VIDEOS,
} from './demo-content';
import { ensureDemoImages } from './demo-images';
import { userActor } from '../workflow/actor';
import { releaseWithSystemApproval, submitForReview } from '../workflow/review-actions';
import { findState } from '../workflow/review-states';

type SlugIndex = Map<string, string>;

/** documentId of the document with `slug`, creating it with `create` when it does not exist yet. */
const ensureBySlug = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  slug: string,
  create: () => Promise<{ documentId: string }>,
): Promise<string> => {
  // Any version counts (drafts included), so a document someone unpublished is not re-created.
  const existing = await strapi
    .documents(uid)
    .findFirst({ filters: { slug }, status: 'draft', locale: DEFAULT_LOCALE });
  if (existing) return existing.documentId;
  return (await create()).documentId;
};

const documentIdOf = (index: SlugIndex, slug: string): string => {
  const documentId = index.get(slug);
  if (!documentId) throw new Error(`Demo content refers to unknown slug "${slug}"`);
  return documentId;
};

// Bump when the demo gains content that existing demo databases should receive.
const DEMO_SEED_VERSION = 1;
const seedMarker = (strapi: Core.Strapi) =>
  strapi.store({ type: 'core', name: 'brand-cms', key: 'demo-seed-version' });

/**
 * Loads the demo brand once. A completed seed is recorded, so what people later delete or
 * rename stays that way across restarts; an interrupted seed resumes without duplicates
 * because every item is looked up by slug first.
 */
export const seedDemo = async (strapi: Core.Strapi): Promise<void> => {
  if (((await seedMarker(strapi).get({})) as number | null) === DEMO_SEED_VERSION) return;
  await loadDemoContent(strapi);
  await seedMarker(strapi).set({ value: DEMO_SEED_VERSION });
  strapi.log.info('Demo content loaded');
};

/**
 * Demo content goes out through the release gate on a recorded system approval, so its audit
 * trail is as complete as anything a reviewer released. Skipped when already live (a resumed seed).
 */
const releaseDemoItem = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  documentId: string,
  locale: string = DEFAULT_LOCALE,
) => {
  const ref = { uid, documentId, locale };
  if (await hasVersion(strapi, ref, 'live')) return;
  // Approval and release are one state write: no scheduler tick can come between them.
  await releaseWithSystemApproval(
    strapi,
    ref,
    '演示内容，系统审核通过 / demo content, approved by the system at seeding',
    { type: 'system', name: 'demo seed' },
  );
};

/** The editor's unfinished plan waits at the first review stage, so reviewers have a queue to try. */
const submitAsEditor = async (strapi: Core.Strapi, uid: ContentUid, documentId: string) => {
  const ref = { uid, documentId, locale: DEFAULT_LOCALE };
  if (await findState(strapi, ref)) return;
  const editor = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: 'editor@example.com' }, populate: ['roles'] });
  if (!editor) return;
  await submitForReview(strapi, ref, userActor(editor), { comment: '请审核职工评议方案初稿' });
};

const loadDemoContent = async (strapi: Core.Strapi): Promise<void> => {
  await ensureDemoAccounts(strapi);
  const images = await ensureDemoImages(strapi);

  const categories: SlugIndex = new Map();
  for (const category of DEMO_CATEGORIES) {
    categories.set(
      category.slug,
      await ensureBySlug(strapi, UID.category, category.slug, () =>
        strapi.documents(UID.category).create({ data: category }),
      ),
    );
    await releaseDemoItem(strapi, UID.category, documentIdOf(categories, category.slug));
  }

  const tags: SlugIndex = new Map();
  for (const tag of DEMO_TAGS) {
    tags.set(
      tag.slug,
      await ensureBySlug(strapi, UID.tag, tag.slug, () =>
        strapi.documents(UID.tag).create({ data: tag }),
      ),
    );
    await releaseDemoItem(strapi, UID.tag, documentIdOf(tags, tag.slug));
  }

  const organizations: SlugIndex = new Map();
  for (const organization of DEMO_ORGANIZATIONS) {
    const data = {
      name: organization.name,
      slug: organization.slug,
      kind: organization.kind,
      parent: organization.parent ? documentIdOf(organizations, organization.parent) : null,
    };
    organizations.set(
      organization.slug,
      await ensureBySlug(strapi, UID.organization, organization.slug, () =>
        strapi.documents(UID.organization).create({ data }),
      ),
    );
    await releaseDemoItem(strapi, UID.organization, documentIdOf(organizations, organization.slug));
  }

  const brandShared = {
    slug: DEMO_BRAND.slug,
    themeColor: DEMO_BRAND.themeColor,
    logo: images[DEMO_BRAND.logo],
    cover: images[DEMO_BRAND.cover],
    organization: documentIdOf(organizations, DEMO_BRAND.organization),
  };
  const brandId = await ensureBySlug(strapi, UID.brand, DEMO_BRAND.slug, () =>
    strapi
      .documents(UID.brand)
      .create({
        data: { ...brandShared, ...DEMO_BRAND.locales[DEFAULT_LOCALE] },
        locale: DEFAULT_LOCALE,
      }),
  );
  await releaseDemoItem(strapi, UID.brand, brandId);
  const english = await strapi
    .documents(UID.brand)
    .findOne({ documentId: brandId, locale: 'en', status: 'draft' });
  if (!english) {
    await strapi.documents(UID.brand).update({
      documentId: brandId,
      locale: 'en',
      data: { ...brandShared, ...DEMO_BRAND.locales.en },
    });
  }
  await releaseDemoItem(strapi, UID.brand, brandId, 'en');

  for (const { category, tags: tagSlugs, cover, draftOnly, ...article } of DEMO_ARTICLES) {
    const articleId = await ensureBySlug(strapi, UID.article, article.slug, () =>
      strapi.documents(UID.article).create({
        data: {
          ...article,
          cover: images[cover],
          category: documentIdOf(categories, category),
          tags: tagSlugs.map((slug) => documentIdOf(tags, slug)),
          brand: brandId,
        },
        locale: DEFAULT_LOCALE,
      }),
    );
    await (draftOnly
      ? submitAsEditor(strapi, UID.article, articleId)
      : releaseDemoItem(strapi, UID.article, articleId));
  }

  for (const { category, poster, ...video } of DEMO_VIDEOS) {
    const videoId = await ensureBySlug(strapi, UID.video, video.slug, () =>
      strapi.documents(UID.video).create({
        data: {
          ...video,
          poster: images[poster],
          category: documentIdOf(categories, category),
          brand: brandId,
        },
        locale: DEFAULT_LOCALE,
      }),
    );
    await releaseDemoItem(strapi, UID.video, videoId);
  }

  for (const { organization, gallery, ...achievement } of DEMO_ACHIEVEMENTS) {
    const achievementId = await ensureBySlug(strapi, UID.achievement, achievement.slug, () =>
      strapi.documents(UID.achievement).create({
        data: {
          ...achievement,
          gallery: gallery.map((key) => images[key]),
          organization: documentIdOf(organizations, organization),
          brand: brandId,
        },
        locale: DEFAULT_LOCALE,
      }),
    );
    await releaseDemoItem(strapi, UID.achievement, achievementId);
  }
};
