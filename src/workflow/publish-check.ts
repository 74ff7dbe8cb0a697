import type { Core } from '@strapi/strapi';
import type { ContentUid } from '../constants';
import { draftTitles, hasLocale, refKey } from '../documents/document-rows';
import type { UserActor } from '../kernel/actor';
import type { PublishCheck } from './contracts';
import { findState, unsubmittedState } from './review-states';
import { loadFacts, type KnownFacts } from './transition-facts';
import { judge, offeredActions } from './transitions';

/** A bulk publish covers at most a page of the list. */
export const MAX_PUBLISH_CHECK = 100;

/** What the check says of a document with no version in the locale, or one the caller may not read. */
export const notFoundCheck = (documentId: string, locale: string): PublishCheck => ({
  documentId,
  title: null,
  canPublish: false,
  reason: `找不到该内容的 ${locale} 版本 / No version in ${locale}`,
});

/**
 * Before a bulk publish: per document, whether the workflow would release it now and, if not,
 * why, in the refusal's own words, so the editor sees it before confirming rather than after.
 * The release gate still decides on the publish itself. A check writes nothing: a document
 * never submitted is judged as the fresh draft it is, without storing its state.
 */
export const checkBulkPublish = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  locale: string,
  documentIds: readonly string[],
  actor: UserActor,
  permissions: KnownFacts['permissions'],
): Promise<PublishCheck[]> => {
  const titles = await draftTitles(
    strapi,
    documentIds.map((documentId) => ({ uid, documentId, locale })),
  );
  const checks: PublishCheck[] = [];
  for (const documentId of documentIds) {
    const ref = { uid, documentId, locale };
    if (!(await hasLocale(strapi, ref))) {
      checks.push(notFoundCheck(documentId, locale));
      continue;
    }
    const facts = await loadFacts(strapi, ref, actor, {
      permissions,
      state: (await findState(strapi, ref)) ?? unsubmittedState(ref),
    });
    const canPublish = offeredActions(facts).includes('publish');
    // The caller asked to publish: every refusal is theirs to read, their role's included.
    const verdict = judge('publish', facts);
    checks.push({
      documentId,
      title: titles.get(refKey(ref)) ?? null,
      canPublish,
      reason: canPublish
        ? null
        : verdict.allowed
          ? '已是线上版本 / Already live'
          : verdict.refusal.error.message,
    });
  }
  return checks;
};
