import type { Core, Modules } from '@strapi/strapi';
import { isPublishable } from '../constants';
import { defaultLocale } from '../i18n/locales';
import { currentActor } from './actor';
import { recordAudit } from './audit-trail';
import { draftHash } from './content-hash';
import { findState, updateState } from './review-states';

type Middleware = Modules.Documents.Middleware.Middleware;

// States whose approval (or pending review) is of one exact version.
const PINNED_STATES = new Set(['in_review', 'approved', 'published', 'unpublished']);

/**
 * Approval pins the exact version: a content edit of the draft during review or after approval
 * returns the document locale to `draft`, and the next submit restarts the chain at stage one.
 */
export const editWatch =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    const isDraftEdit = (context.action === 'update' && (context.params as { status?: string }).status !== 'published') || context.action === 'discardDraft';
    if (!isDraftEdit || !isPublishable(context.uid)) return next();

    const result = await next();
    const { documentId, locale } = context.params as { documentId: string; locale?: string };
    const resolvedLocale = locale && locale !== '*' ? locale : await defaultLocale(strapi);
    const ref = { uid: context.uid, documentId, locale: resolvedLocale };
    const state = await findState(strapi, ref);
    if (!state || !PINNED_STATES.has(state.reviewState)) return result;

    const hash = await draftHash(strapi, ref.uid, documentId, resolvedLocale);
    if (hash === state.reviewedHash) return result;
    const reset = await updateState(strapi, state, { reviewState: 'draft', stageIndex: 0 });
    if (reset) {
      await recordAudit(strapi, ref, { action: 'edited', actor: currentActor(strapi), fromState: state.reviewState, toState: 'draft', contentHash: hash, cycle: state.cycle });
    }
    return result;
  };
