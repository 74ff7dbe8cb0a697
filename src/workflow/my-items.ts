import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID, type ContentUid } from '../constants';
import { documentTitle } from '../documents/document-rows';
import { defaultLocale, isLocalizedType } from '../i18n/locales';
import type { MyItem, MyItemGroup } from './contracts';
import { chainFor } from './review-chain';
import { stateKey, type ReviewState } from './review-states';
import { stageNameOf } from './transitions';

/** The most recently changed items listed per type: a page of work, not an archive. */
export const MY_ITEMS_PER_TYPE = 200;

type DraftRow = { documentId: string; locale?: string | null; title?: string | null; name?: string | null; updatedAt: string };

const groupOf = (state: ReviewState | undefined, now: Date): MyItemGroup => {
  switch (state?.reviewState) {
    case 'changes_requested':
      return 'sent_back';
    case 'in_review':
      return 'in_review';
    case 'approved':
      return state.publishAt && new Date(state.publishAt) > now ? 'scheduled' : 'waiting';
    case 'published':
      return 'live';
    default:
      return 'draft';
  }
};

/**
 * 我的稿件: the documents `userId` created, in the types given (those the caller may read), each
 * with where its review stands: sent back to them, in review (at which stage), approved and
 * scheduled, approved and waiting, live, or a draft. Newest change first.
 */
export const myItems = async (strapi: Core.Strapi, userId: number, types: readonly ContentUid[], now: Date): Promise<MyItem[]> => {
  const items: MyItem[] = [];
  for (const uid of types) {
    const attributes = strapi.contentType(uid).attributes as Record<string, unknown>;
    const localized = isLocalizedType(strapi, uid);
    const drafts: DraftRow[] = await strapi.db.query(uid).findMany({
      where: { createdBy: { id: userId }, publishedAt: null },
      select: ['documentId', 'updatedAt', ...(localized ? ['locale'] : []), ...['title', 'name'].filter((field) => field in attributes)],
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      limit: MY_ITEMS_PER_TYPE,
    });
    if (drafts.length === 0) continue;
    const fallbackLocale = localized ? '' : await defaultLocale(strapi);
    const refs = drafts.map((row) => ({ uid, documentId: row.documentId, locale: row.locale ?? fallbackLocale }));
    const states: ReviewState[] = await strapi.db.query(WORKFLOW_UID.reviewState).findMany({ where: { key: { $in: refs.map(stateKey) } } });
    const byKey = new Map(states.map((state) => [state.key, state]));
    const stages = await chainFor(strapi, uid);
    drafts.forEach((row, index) => {
      const state = byKey.get(stateKey(refs[index]));
      items.push({
        contentType: uid,
        documentId: row.documentId,
        locale: refs[index].locale,
        title: documentTitle(row),
        group: groupOf(state, now),
        stageName: state ? stageNameOf(state, stages) : null,
        publishAt: state?.publishAt ?? null,
        unpublishAt: state?.unpublishAt ?? null,
        updatedAt: row.updatedAt,
      });
    });
  }
  return items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
};
