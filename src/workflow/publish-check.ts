import type { Core } from '@strapi/strapi';
import type { ContentUid } from '../constants';
import { documentTitle, findVersionRow, hasLocale } from '../documents/document-rows';
import type { UserActor } from './actor';
import type { PublishCheck } from './contracts';
import { loadFacts, type KnownFacts } from './transition-facts';
import { offeredActions, refusedActions } from './transitions';

/** A bulk publish covers at most a page of the list. */
export const MAX_PUBLISH_CHECK = 100;

/**
 * Before a bulk publish: per document, whether the workflow would release it now and, if not,
 * why, in the refusal's own words, so the editor sees it before confirming rather than after.
 * The release gate still decides on the publish itself.
 */
export const checkBulkPublish = async (strapi: Core.Strapi, uid: ContentUid, locale: string, documentIds: readonly string[], actor: UserActor, permissions: KnownFacts['permissions']): Promise<PublishCheck[]> => {
  const checks: PublishCheck[] = [];
  for (const documentId of documentIds) {
    const ref = { uid, documentId, locale };
    if (!(await hasLocale(strapi, ref))) {
      checks.push({ documentId, title: null, canPublish: false, reason: `找不到该内容的 ${locale} 版本 / No version in ${locale}` });
      continue;
    }
    const facts = await loadFacts(strapi, ref, actor, { permissions });
    const draft = await findVersionRow(strapi, ref, 'draft');
    const canPublish = offeredActions(facts).includes('publish');
    checks.push({ documentId, title: documentTitle(draft), canPublish, reason: canPublish ? null : refusedActions(facts).publish ?? '已是线上版本 / Already live' });
  }
  return checks;
};
