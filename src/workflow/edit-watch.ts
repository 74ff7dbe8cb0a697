import type { Core, Modules } from '@strapi/strapi';
import { isPublishable } from '../constants';
import { defaultLocale } from '../i18n/locales';
import { currentActor } from './actor';
import { recordAudit } from './audit-trail';
import { draftHash } from './content-hash';
import { findState, REVIEW_STATE_UID, updateState, type DocumentRef } from './review-states';

type Middleware = Modules.Documents.Middleware.Middleware;

// States whose approval (or pending review) is of one exact version.
const PINNED_STATES = new Set(['in_review', 'approved', 'published', 'unpublished']);

/** Back to `draft` when the draft no longer matches what was submitted or approved. */
const resetIfChanged = async (strapi: Core.Strapi, ref: DocumentRef, details: Record<string, unknown> | null) => {
  const state = await findState(strapi, ref);
  if (!state || !PINNED_STATES.has(state.reviewState)) return;
  const hash = await draftHash(strapi, ref.uid, ref.documentId, ref.locale);
  if (hash === state.reviewedHash) return;
  const reset = await updateState(strapi, state, { reviewState: 'draft', stageIndex: 0 });
  if (reset) {
    await recordAudit(strapi, ref, { action: 'edited', actor: currentActor(strapi), fromState: state.reviewState, toState: 'draft', contentHash: hash, cycle: state.cycle, details });
  }
};

/**
 * Approval pins the exact version: a content edit of the draft during review or after approval
 * returns the document locale to `draft`, and the next submit restarts the chain at stage one.
 * Media and other non-localized fields are shared by every locale (Strapi copies them on save),
 * so one locale's edit can change another's draft: that locale is reset too, on the record as
 * an edit made through `sharedFrom`.
 */
export const editWatch =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    const isDraftEdit = (context.action === 'update' && (context.params as { status?: string }).status !== 'published') || context.action === 'discardDraft';
    if (!isDraftEdit || !isPublishable(context.uid)) return next();

    const result = await next();
    const { documentId, locale } = context.params as { documentId: string; locale?: string };
    const resolvedLocale = locale && locale !== '*' ? locale : await defaultLocale(strapi);
    await resetIfChanged(strapi, { uid: context.uid, documentId, locale: resolvedLocale }, null);
    const otherLocales = await strapi.db
      .query(REVIEW_STATE_UID as never)
      .findMany({ where: { contentType: context.uid, targetDocumentId: documentId, targetLocale: { $ne: resolvedLocale } }, select: ['targetLocale'] });
    for (const { targetLocale } of otherLocales as Array<{ targetLocale: string }>) {
      await resetIfChanged(strapi, { uid: context.uid, documentId, locale: targetLocale }, { sharedFrom: resolvedLocale });
    }
    return result;
  };
