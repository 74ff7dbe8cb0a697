import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID, type ContentUid } from '../constants';
import type { ReviewStateName } from './contracts';
import { chainFor } from './review-chain';
import type { ReviewState } from './review-states';
import { stageNameOf } from './transitions';

export type ListedReviewState = Exclude<ReviewStateName, 'deleted'>;
export const LISTED_REVIEW_STATES: readonly ListedReviewState[] = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'unpublished',
];
export const isListedReviewState = (value: unknown): value is ListedReviewState =>
  (LISTED_REVIEW_STATES as readonly unknown[]).includes(value);

/** What the content manager's list shows of each row's review: its state, the stage it waits at, its release time. */
export type ReviewColumn = {
  reviewState: ListedReviewState;
  reviewStage: string | null;
  publishAt: string | null;
  liveSince: string | null;
};

const statesOf = (strapi: Core.Strapi) => strapi.db.query(WORKFLOW_UID.reviewState);

/**
 * The review column of each listed document in one locale; one read for the whole page. A
 * document never submitted is a draft, unless it is live (content imported in bulk).
 */
export const reviewColumns = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  locale: string,
  listed: Array<{ documentId: string; isLive: boolean }>,
): Promise<Map<string, ReviewColumn>> => {
  const documentIds = listed.map((row) => row.documentId);
  const states: ReviewState[] =
    documentIds.length === 0
      ? []
      : await statesOf(strapi).findMany({
          where: { contentType: uid, targetLocale: locale, targetDocumentId: { $in: documentIds } },
        });
  const stages = await chainFor(strapi, uid);
  const byDocument = new Map(states.map((state) => [state.targetDocumentId, state]));
  return new Map(
    listed.map(({ documentId, isLive }) => {
      const state = byDocument.get(documentId);
      const reviewStage = state ? stageNameOf(state, stages) : null;
      return [
        documentId,
        {
          reviewState: state?.reviewState ?? (isLive ? 'published' : 'draft'),
          reviewStage,
          publishAt: state?.publishAt ?? null,
          liveSince: state?.liveSince ?? null,
        },
      ];
    }),
  );
};

// Each id is one bound parameter of the list's query: far below SQLite's 32,766 and PostgreSQL's 65,535.
export const MAX_FILTERED_DOCUMENTS = 20_000;

/**
 * A Document Service filter for the documents of one locale in a review state, by joining the
 * review states rather than adding an attribute to the content: drafts are the documents with no
 * state other than draft (never submitted ones have no state row at all). Null when the states
 * to list (or, for drafts, to leave out) are more than MAX_FILTERED_DOCUMENTS.
 */
export const inReviewState = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  locale: string,
  reviewState: ListedReviewState,
): Promise<Record<string, unknown> | null> => {
  const where = {
    contentType: uid,
    targetLocale: locale,
    ...(reviewState === 'draft' ? { reviewState: { $ne: 'draft' } } : { reviewState }),
  };
  const rows: Array<{ targetDocumentId: string }> = await statesOf(strapi).findMany({
    where,
    select: ['targetDocumentId'],
    limit: MAX_FILTERED_DOCUMENTS + 1,
  });
  if (rows.length > MAX_FILTERED_DOCUMENTS) return null;
  const documentIds = rows.map((row) => row.targetDocumentId);
  return reviewState === 'draft'
    ? documentIds.length === 0
      ? {}
      : { documentId: { $notIn: documentIds } }
    : { documentId: { $in: documentIds } };
};
