import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID, type ContentUid } from '../constants';
import { documentTitle } from '../documents/document-rows';
import { defaultLocale, isLocalizedType } from '../i18n/locales';
import type { MyItem, MyItemGroup, SendBack } from './contracts';
import { chainFor } from './review-chain';
import { stateKey, type ReviewState } from './review-states';
import { stageNameOf } from './transitions';

/** The most recently changed items listed per type: a page of work, not an archive. */
export const MY_ITEMS_PER_TYPE = 200;

type DraftRow = {
  documentId: string;
  locale?: string | null;
  title?: string | null;
  name?: string | null;
  updatedAt: string;
};

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

type SendBackEntry = {
  targetDocumentId: string;
  targetLocale: string;
  comment: string | null;
  actorName: string;
  stageName: string | null;
  createdAt: string;
};

/** The latest send-back of each of these states, from the trail, in one read. */
const latestSendBacks = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  sentBack: ReviewState[],
): Promise<Map<string, SendBack>> => {
  const found = new Map<string, SendBack>();
  if (sentBack.length === 0) return found;
  const keys = new Set(sentBack.map((state) => state.key));
  const entries: SendBackEntry[] = await strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: {
      action: 'request_changes',
      contentType: uid,
      targetDocumentId: { $in: [...new Set(sentBack.map((state) => state.targetDocumentId))] },
    },
    select: ['targetDocumentId', 'targetLocale', 'comment', 'actorName', 'stageName', 'createdAt'],
    orderBy: [{ id: 'desc' }],
  });
  for (const entry of entries) {
    const key = stateKey({ uid, documentId: entry.targetDocumentId, locale: entry.targetLocale });
    if (keys.has(key) && !found.has(key))
      found.set(key, {
        comment: entry.comment,
        reviewer: entry.actorName,
        stageName: entry.stageName,
        at: entry.createdAt,
      });
  }
  return found;
};

/**
 * 我的稿件: the documents `userId` created, in the types given (those the caller may read), each
 * with where its review stands: sent back to them, in review (at which stage), approved and
 * scheduled, approved and waiting, live, or a draft. Newest change first.
 */
export const myItems = async (
  strapi: Core.Strapi,
  userId: number,
  types: readonly ContentUid[],
  now: Date,
): Promise<MyItem[]> => {
  const items: MyItem[] = [];
  for (const uid of types) {
    const attributes = strapi.contentType(uid).attributes as Record<string, unknown>;
    const localized = isLocalizedType(strapi, uid);
    const drafts: DraftRow[] = await strapi.db.query(uid).findMany({
      where: { createdBy: { id: userId }, publishedAt: null },
      select: [
        'documentId',
        'updatedAt',
        ...(localized ? ['locale'] : []),
        ...['title', 'name'].filter((field) => field in attributes),
      ],
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      limit: MY_ITEMS_PER_TYPE,
    });
    if (drafts.length === 0) continue;
    const fallbackLocale = localized ? '' : await defaultLocale(strapi);
    const refs = drafts.map((row) => ({
      uid,
      documentId: row.documentId,
      locale: row.locale ?? fallbackLocale,
    }));
    const states: ReviewState[] = await strapi.db
      .query(WORKFLOW_UID.reviewState)
      .findMany({ where: { key: { $in: refs.map(stateKey) } } });
    const byKey = new Map(states.map((state) => [state.key, state]));
    const stages = await chainFor(strapi, uid);
    const sendBacks = await latestSendBacks(
      strapi,
      uid,
      states.filter((state) => state.reviewState === 'changes_requested'),
    );
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
        sentBack:
          state?.reviewState === 'changes_requested' ? (sendBacks.get(state.key) ?? null) : null,
      });
    });
  }
  return items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
};
