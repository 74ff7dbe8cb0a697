import type { Core, Modules } from '@strapi/strapi';
import { isPublishable } from '../constants';
import { defaultLocale, isLocalizedType, workflowLocales } from '../i18n/locales';
import { currentActor, type Actor } from './actor';
import { recordAudit } from './audit-trail';
import { workflowNow } from './clock';
import { draftHash, hashContent, loadReviewableContent } from './content-hash';
import { ensureState, findState, REVIEW_STATE_UID, updateState, type DocumentRef, type ReviewState } from './review-states';
import { emitWorkflowEvent, WORKFLOW_EVENTS } from './webhook-events';
import { refuse } from './workflow-error';

type Middleware = Modules.Documents.Middleware.Middleware;
// The Document Service takes one locale, '*' (all), a list (bulk actions) or none (the default locale).
type LocaleParam = string | string[] | undefined;
type Params = { documentId?: string; locale?: LocaleParam; status?: string; data?: Record<string, unknown> };

/** A where-clause fragment for the locales a call is about; empty for '*'. */
const localeFilter = (locale: LocaleParam, column: string): Record<string, unknown> =>
  Array.isArray(locale) ? { [column]: { $in: locale } } : locale && locale !== '*' ? { [column]: locale } : {};

/** Why a document locale may not be released now, or null when it may. */
export const releaseRefusal = (state: ReviewState | null, hash: string | null, now: Date): Error | null => {
  if (!state || !['approved', 'published', 'unpublished'].includes(state.reviewState) || !state.reviewedHash) {
    return refuse('内容未经审核通过，不能发布。请先提交审核', 'This content has not been approved; submit it for review before publishing');
  }
  if (state.reviewedHash !== hash) {
    return refuse('审核通过后内容已修改，需重新提交审核', 'The content changed after approval; submit it for review again');
  }
  if (state.publishAt && new Date(state.publishAt) > now) {
    return refuse(`已定时于 ${state.publishAt} 发布；如需提前发布，请修改定时`, `Scheduled to publish at ${state.publishAt}; change the schedule to publish earlier`);
  }
  if (state.unpublishAt && new Date(state.unpublishAt) <= now) {
    return refuse(`下线时间 ${state.unpublishAt} 已过；如需重新发布，请修改定时`, `Its unpublish time ${state.unpublishAt} has passed; change the schedule to publish it again`);
  }
  return null;
};

const localesOf = async (strapi: Core.Strapi, uid: string, documentId: string, locale: LocaleParam): Promise<string[]> => {
  if (Array.isArray(locale)) return locale;
  if (locale && locale !== '*') return [locale];
  if (locale === undefined) return [await defaultLocale(strapi)];
  const drafts = await strapi.db.query(uid as never).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
  return workflowLocales(strapi, uid, drafts);
};

const liveLocales = async (strapi: Core.Strapi, uid: string, documentId: string, locale: LocaleParam) => {
  const where: Record<string, unknown> = { documentId, publishedAt: { $notNull: true }, ...(isLocalizedType(strapi, uid) ? localeFilter(locale, 'locale') : {}) };
  const rows = await strapi.db.query(uid as never).findMany({ where, select: ['locale'] });
  return workflowLocales(strapi, uid, rows);
};

type Release = { uid: string; documentId: string; locales: string[]; actor: Actor; now: Date; hashAfterWrite: boolean };

type Bystander = { ref: DocumentRef; liveHash: string | null };

const liveHash = async (strapi: Core.Strapi, ref: DocumentRef) => {
  const content = await loadReviewableContent(strapi, ref.uid, ref.documentId, ref.locale, 'published');
  return content ? hashContent(content) : null;
};

/** The other locales of the document that are live while some locales are released, with their live hash. */
const liveBystanders = async (strapi: Core.Strapi, uid: string, documentId: string, released: string[]): Promise<Bystander[]> => {
  if (!isLocalizedType(strapi, uid)) return [];
  const others = (await liveLocales(strapi, uid, documentId, '*')).filter((locale) => !released.includes(locale));
  return Promise.all(others.map(async (locale) => ({ ref: { uid, documentId, locale }, liveHash: await liveHash(strapi, { uid, documentId, locale }) })));
};

/**
 * Strapi copies shared fields (media, dates, enumerations) into the other locales' live
 * versions when one locale is released. That change was approved in the released locale; it is
 * recorded on each locale it reached, so no live version changes off the record.
 */
const auditSharedChanges = async (strapi: Core.Strapi, bystanders: Bystander[], { actor, releasedLocales }: { actor: Actor; releasedLocales: string[] }) => {
  for (const { ref, liveHash: before } of bystanders) {
    const after = await liveHash(strapi, ref);
    if (after === before) continue;
    const state = await findState(strapi, ref);
    await recordAudit(strapi, ref, { action: 'edited', actor, fromState: state?.reviewState ?? null, toState: state?.reviewState ?? null, contentHash: after, cycle: state?.cycle ?? null, details: { liveSharedFrom: releasedLocales } });
  }
};

/**
 * Claims the release of every locale (compare-and-set on its review state), then lets the
 * publish happen, then audits — all in the caller's transaction, so a lost claim or a failed
 * publish leaves nothing behind and no release happens twice.
 */
const guardedPublish = async (strapi: Core.Strapi, { uid, documentId, locales, actor, now, hashAfterWrite }: Release, publish: () => Promise<unknown>) => {
  const claims: Array<{ ref: DocumentRef; state: ReviewState; from: string }> = [];
  for (const locale of locales) {
    const ref = { uid, documentId, locale };
    const state = await findState(strapi, ref);
    const refusal = releaseRefusal(state, hashAfterWrite ? state?.reviewedHash ?? null : await draftHash(strapi, uid, documentId, locale), now);
    if (refusal) throw refusal;
    const claimed = await updateState(strapi, state!, { reviewState: 'published', liveSince: now.toISOString() });
    if (!claimed) throw refuse('该内容正在被其他操作发布', 'This content is being published by another action');
    claims.push({ ref, state: claimed, from: state!.reviewState });
  }
  const bystanders = await liveBystanders(strapi, uid, documentId, locales);
  const result = await publish();
  await auditSharedChanges(strapi, bystanders, { actor, releasedLocales: locales });
  for (const { ref, state, from } of claims) {
    // create/update with status 'published' write the draft first: check what was written.
    if (hashAfterWrite && (await draftHash(strapi, uid, documentId, ref.locale)) !== state.reviewedHash) {
      throw refuse('发布的内容与审核通过的版本不一致', 'The content to publish differs from the approved version');
    }
    await recordAudit(strapi, ref, { action: 'publish', actor, fromState: from, toState: 'published', contentHash: state.reviewedHash, cycle: state.cycle });
  }
  return { result, claims };
};

const forgetStates = async (strapi: Core.Strapi, uid: string, documentId: string, locale: LocaleParam) => {
  const where = { contentType: uid, targetDocumentId: documentId, ...localeFilter(locale, 'targetLocale') };
  await strapi.db.query(REVIEW_STATE_UID as never).deleteMany({ where });
};

/**
 * The only door to release. Every publish through the Document Service — admin button,
 * content-manager API, Content API, create/update with status 'published', publish() from
 * code, the scheduler — passes here and is refused unless that exact version was approved.
 */
export const releaseGate =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!isPublishable(context.uid)) return next();
    const params = context.params as Params;
    const actor = currentActor(strapi);
    const uid = context.uid;

    if (context.action === 'create' && params.status === 'published') {
      throw refuse('新内容须先保存为草稿并通过审核后才能发布', 'New content is saved as a draft and published only after review');
    }

    if ((context.action === 'update' && params.status === 'published') || context.action === 'publish') {
      const documentId = params.documentId!;
      const locales = await localesOf(strapi, uid, documentId, params.locale);
      // Read the clock and the actor out here: the transaction's callback may run in another async context.
      const release = { uid, documentId, locales, actor, now: workflowNow(), hashAfterWrite: context.action === 'update' };
      const { result, claims } = await strapi.db.transaction(() => guardedPublish(strapi, release, () => next()));
      for (const { ref, state } of claims) emitWorkflowEvent(strapi, WORKFLOW_EVENTS.publish, ref, { actor: actor.name, contentHash: state.reviewedHash });
      return result as Awaited<ReturnType<typeof next>>;
    }

    if (context.action === 'unpublish' || context.action === 'delete') {
      const documentId = params.documentId!;
      // Without a locale the Document Service acts on the default one only.
      const locale = params.locale ?? (await defaultLocale(strapi));
      const live = await liveLocales(strapi, uid, documentId, locale);
      if (live.length === 0 && context.action === 'unpublish') return next();
      if (live.length > 0 && actor.type === 'api') {
        throw refuse('已发布内容只能由审核员在管理后台撤下或删除', 'Published content is unpublished or deleted by a reviewer in the admin panel');
      }
      const toState = context.action === 'unpublish' ? 'unpublished' : 'deleted';
      const result = await strapi.db.transaction(async () => {
        for (const locale of live) {
          const ref = { uid, documentId, locale };
          const state = await ensureState(strapi, ref);
          const claimed = await updateState(strapi, state, { reviewState: context.action === 'unpublish' ? 'unpublished' : state.reviewState, liveSince: null });
          if (!claimed) throw refuse('该内容正在被其他操作修改', 'This content is being changed by another action');
          await recordAudit(strapi, ref, { action: context.action as 'unpublish' | 'delete', actor, fromState: state.reviewState, toState, contentHash: state.reviewedHash, cycle: state.cycle });
        }
        const outcome = await next();
        // A deleted document leaves no review state behind (its trail stays): nothing waits in a queue for it.
        if (context.action === 'delete') await forgetStates(strapi, uid, documentId, locale);
        return outcome;
      });
      // Deleting live content takes it off every channel too: the same announcement.
      for (const locale of live) emitWorkflowEvent(strapi, WORKFLOW_EVENTS.unpublish, { uid, documentId, locale }, { actor: actor.name, deleted: context.action === 'delete' });
      return result;
    }

    return next();
  };
