import type { Core } from '@strapi/strapi';
import { isPublishable, WORKFLOW_UID } from '../constants';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import type { DocumentRef } from '../documents/document-rows';
import { defaultLocale } from '../i18n/locales';
import { currentActor } from './actor';
import { recordAudit } from '../kernel/audit-trail';
import { discardToLive } from './review-actions';
import { findState, updateState } from './review-states';
import { loadFacts } from './transition-facts';
import { isPinned, judge, targetOf } from './transitions';
import { invalid } from './workflow-error';

/** Back to `draft` when the draft no longer matches what was submitted or approved (the `edit` transition). */
const resetIfChanged = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  details: Record<string, unknown> | null,
) => {
  const state = await findState(strapi, ref);
  if (!state || !isPinned(state.reviewState)) return;
  const facts = await loadFacts(strapi, ref, currentActor(strapi), { state });
  const verdict = judge('edit', facts);
  if (!verdict.allowed) return;
  const target = targetOf(verdict.transition, facts);
  if (await updateState(strapi, state, { reviewState: target, stageIndex: 0 })) {
    await recordAudit(strapi, ref, {
      action: 'edited',
      actor: facts.actor,
      fromState: state.reviewState,
      toState: target,
      contentHash: facts.draftHash,
      cycle: state.cycle,
      details,
    });
  }
};

/**
 * Approval pins the exact version: a content edit of the draft during review or after approval
 * returns the document locale to `draft`, and the next submit restarts the chain at stage one.
 * Media and other non-localized fields are shared by every locale (Strapi copies them on save),
 * so one locale's edit can change another's draft: that locale is reset too, on the record as
 * an edit made through `sharedFrom`. Discard is its own transition (review-actions.ts,
 * discardToLive): the draft becomes the live version again, not an edit.
 */
export const editWatch =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async ({ uid, action, params }, next) => {
    const isDraftEdit =
      (action === 'update' && params.status !== 'published') || action === 'discardDraft';
    if (!isDraftEdit || !isPublishable(uid) || !params.documentId) return next();

    const { documentId, locale } = params;
    const resolvedLocale =
      typeof locale === 'string' && locale !== '*' ? locale : await defaultLocale(strapi);
    const ref = { uid, documentId, locale: resolvedLocale };
    let result: unknown;
    if (action === 'discardDraft') {
      // One locale at a time, as the content manager discards: the transition is per document locale.
      if (locale === '*' || (typeof locale !== 'string' && locale !== undefined))
        throw invalid('请逐个语言放弃修改', 'Discard the changes of one locale at a time', {
          path: ['locale'],
        });
      result = await discardToLive(strapi, ref, currentActor(strapi), next);
    } else {
      result = await next();
      await resetIfChanged(strapi, ref, null);
    }
    const otherLocales: Array<{ targetLocale: string }> = await strapi.db
      .query(WORKFLOW_UID.reviewState)
      .findMany({
        where: {
          contentType: uid,
          targetDocumentId: documentId,
          targetLocale: { $ne: resolvedLocale },
        },
        select: ['targetLocale'],
      });
    for (const { targetLocale } of otherLocales) {
      await resetIfChanged(
        strapi,
        { uid, documentId, locale: targetLocale },
        { sharedFrom: resolvedLocale },
      );
    }
    return result;
  };
