import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, type ContentUid } from '../constants';
import type { ContentTypeDescriptor, DemoKit } from '../content/descriptor';
import { contentTypes, isContentUid } from '../content/registry';
import { hasVersion } from '../documents/document-rows';
import { ensureDemoAccounts } from './demo-accounts';
import * as demoContent from './demo-content';
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

/** Each type's part of the demo (its descriptor's `demo`), in their order: relations point back. */
const loadDemoContent = async (strapi: Core.Strapi): Promise<void> => {
  await ensureDemoAccounts(strapi);
  const images = await ensureDemoImages(strapi);
  const seeded = new Map<string, SlugIndex>();
  const indexOf = (uid: string): SlugIndex => {
    const index = seeded.get(uid) ?? new Map<string, string>();
    seeded.set(uid, index);
    return index;
  };
  const contentUid = (uid: string): ContentUid => {
    if (!isContentUid(uid)) throw new Error(`Demo content of unregistered type ${uid}`);
    return uid;
  };
  const kit: DemoKit = {
    strapi,
    content: demoContent,
    images,
    locale: DEFAULT_LOCALE,
    ensure: async (uid, slug, create) => {
      const documentId = await ensureBySlug(strapi, contentUid(uid), slug, create);
      indexOf(uid).set(slug, documentId);
      return documentId;
    },
    idOf: (uid, slug) => documentIdOf(indexOf(uid), slug),
    release: (uid, documentId, locale) =>
      releaseDemoItem(strapi, contentUid(uid), documentId, locale),
    submitAsEditor: (uid, documentId) => submitAsEditor(strapi, contentUid(uid), documentId),
  };
  const parts = contentTypes()
    .flatMap((type: ContentTypeDescriptor) => (type.demo ? [type.demo] : []))
    .sort((a, b) => a.order - b.order);
  for (const { seed } of parts) await seed(kit);
};
