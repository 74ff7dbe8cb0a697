import type { Core } from '@strapi/strapi';
import { liveContentSettled, touchLiveContent } from '../kernel/live-content-version';
import { isLocalizedType } from '../i18n/locales';
import { versionLocales, type DocumentRef } from '../documents/document-rows';
import type { Actor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
import { versionHash } from './content-hash';
import {
  announceAfterRelease,
  announceAfterTakedown,
  announceInRelease,
  type ReleaseNotice,
} from './release-announcements';
import {
  findState,
  forgetStates,
  refOfState,
  stateKey,
  unsubmittedState,
  updateState,
  type ReviewState,
} from './review-states';
import { loadFacts } from './transition-facts';
import { assertAllowed, targetOf, type TransitionFacts } from './transitions';
import { emitWorkflowEvent, WORKFLOW_EVENTS } from './webhook-events';
import { refuse } from './workflow-error';
import { workflowService } from './workflow-services';

/**
 * One path for every release and takedown, whoever triggers it (a final approval, the
 * scheduler, the seed, the admin's Publish button, the Content API): claim the document
 * locale's state by compare-and-set, check the transition, let the Document Service publish
 * or unpublish, record, move the live-content version and announce — once, in one
 * transaction, with one state write.
 */

/** A change the workflow carries out itself: judged on these facts, written with this patch. */
export type ReleasePlan = {
  facts: TransitionFacts;
  patch: Partial<ReviewState>;
  fromState?: string;
};

const LOST_RACE = 'lost-race';
const lostRace = () =>
  refuse(
    '该内容刚被其他操作处理，请刷新后重试',
    'Another action handled this content just now; reload and try again',
    { reason: LOST_RACE },
  );

/** True for the refusal of a claim another run, instance or reviewer took first. */
export const isLostRace = (error: unknown): boolean =>
  (error as { details?: { reason?: string } })?.details?.reason === LOST_RACE;

type Claim = { ref: DocumentRef; after: ReviewState; fromState: string };

/** Claims one locale's release: judged, then one compare-and-set write carrying the plan's patch. */
const claimRelease = async (
  strapi: Core.Strapi,
  facts: TransitionFacts,
  patch: Partial<ReviewState>,
  fromState?: string,
): Promise<Claim> => {
  const planned = { ...facts, state: { ...facts.state, ...patch } };
  const { transition } = assertAllowed('publish', planned);
  const after = await updateState(strapi, facts.state, {
    ...patch,
    reviewState: targetOf(transition, planned),
    liveSince: facts.now.toISOString(),
  });
  if (!after) throw lostRace();
  return { ref: refOfState(facts.state), after, fromState: fromState ?? facts.state.reviewState };
};

// ---- shared fields ------------------------------------------------------------------------

type Bystander = { ref: DocumentRef; liveHash: string | null };

/** The other locales of the document that are live while some are released, with their live hash. */
const liveBystanders = async (
  strapi: Core.Strapi,
  { uid, documentId }: Omit<DocumentRef, 'locale'>,
  released: string[],
): Promise<Bystander[]> => {
  if (!isLocalizedType(strapi, uid)) return [];
  const others = (await versionLocales(strapi, uid, documentId, 'live')).filter(
    (locale) => !released.includes(locale),
  );
  return Promise.all(
    others.map(async (locale) => ({
      ref: { uid, documentId, locale },
      liveHash: await versionHash(strapi, { uid, documentId, locale }, 'live'),
    })),
  );
};

/**
 * Strapi copies shared fields (media, dates, enumerations) into the other locales' live
 * versions when one locale is released. That change was approved in the released locale; it is
 * recorded on each locale it reached, so no live version changes off the record.
 */
const auditSharedChanges = async (
  strapi: Core.Strapi,
  bystanders: Bystander[],
  actor: Actor,
  releasedLocales: string[],
) => {
  for (const { ref, liveHash: before } of bystanders) {
    const after = await versionHash(strapi, ref, 'live');
    if (after === before) continue;
    const state = await findState(strapi, ref);
    await recordAudit(strapi, ref, {
      action: 'edited',
      actor,
      fromState: state?.reviewState ?? null,
      toState: state?.reviewState ?? null,
      contentHash: after,
      cycle: state?.cycle ?? null,
      details: { liveSharedFrom: releasedLocales },
    });
  }
};

// ---- release ------------------------------------------------------------------------------

export type ReleaseRequest = {
  uid: DocumentRef['uid'];
  documentId: string;
  locales: string[];
  actor: Actor;
  now: Date;
  /** The workflow's own release, already judged by its command; foreign callers have none. */
  plan?: ReleasePlan;
};

/**
 * Claims every locale, lets the publish happen, announces it to the channels inside the
 * transaction (the website stores the HTML of what went live), checks that what it published is
 * the approved version, records and (once committed) announces again — all in one transaction,
 * so a lost claim, a failed publish, a channel's refusal or a draft edited in the meantime
 * leaves nothing behind and no release happens twice.
 */
export const releaseLocales = async <T>(
  strapi: Core.Strapi,
  request: ReleaseRequest,
  publish: () => Promise<T>,
): Promise<{ result: T; claims: Claim[] }> => {
  const { uid, documentId, locales, actor, now, plan } = request;
  const release: ReleaseNotice = { uid, documentId, locales, actor, now };
  const { result, claims } = await strapi.db.transaction(async () => {
    const claims: Claim[] = [];
    for (const locale of locales) {
      const ref = { uid, documentId, locale };
      if (plan && stateKey(refOfState(plan.facts.state)) === stateKey(ref)) {
        claims.push(await claimRelease(strapi, plan.facts, plan.patch, plan.fromState));
        continue;
      }
      // A document nobody submitted has no stored state: it is judged (and refused) as a draft, writing nothing.
      const state = (await findState(strapi, ref)) ?? unsubmittedState(ref);
      // Judged as if the draft were the approved version: the draft it publishes is hashed once, below.
      claims.push(
        await claimRelease(
          strapi,
          await loadFacts(strapi, ref, actor, { now, state, draftHash: state.reviewedHash }),
          {},
        ),
      );
    }
    const bystanders = await liveBystanders(strapi, { uid, documentId }, locales);
    const result = await publish();
    await announceInRelease(strapi, release);
    await auditSharedChanges(strapi, bystanders, actor, locales);
    for (const { ref, after, fromState } of claims) {
      // The one hash of a release: the draft the publish just copied (the live copy itself drops
      // links to unreleased documents, so it is not what was approved). An edit that slipped in
      // after the approval, or the draft an update-and-publish wrote, rolls the release back.
      if ((await versionHash(strapi, ref)) !== after.reviewedHash) {
        throw refuse(
          '审核通过后内容已修改，需重新提交审核',
          'The content changed after approval; submit it for review again',
        );
      }
      await recordAudit(strapi, ref, {
        action: 'publish',
        actor,
        fromState,
        toState: after.reviewState,
        contentHash: after.reviewedHash,
        cycle: after.cycle,
      });
    }
    await touchLiveContent(strapi);
    return { result, claims };
  });
  for (const { ref, after } of claims)
    emitWorkflowEvent(strapi, WORKFLOW_EVENTS.publish, ref, {
      actor: actor.name,
      contentHash: after.reviewedHash,
    });
  announceAfterRelease(strapi, release);
  await liveContentSettled(strapi);
  return { result, claims };
};

/**
 * The workflow releases a version itself (final approval, scheduler, seed): through the Document
 * Service's publish, so Strapi does the publishing, with the plan the gate hands to
 * `releaseLocales` as it is. Returns the released state.
 */
export const releaseVersion = async (
  strapi: Core.Strapi,
  plan: ReleasePlan,
): Promise<ReviewState> => {
  const { uid, documentId, locale } = refOfState(plan.facts.state);
  const context = workflowService(strapi, 'context');
  await context.run({ actor: plan.facts.actor, now: plan.facts.now, plan }, () =>
    strapi.documents(uid).publish({ documentId, locale }),
  );
  // The gate claimed exactly this (or threw): the state it wrote, without reading it back.
  const { state } = plan.facts;
  return {
    ...state,
    ...plan.patch,
    reviewState: 'published',
    liveSince: plan.facts.now.toISOString(),
    revision: state.revision + 1,
  };
};

/**
 * Releases the approved version `state` describes on behalf of `actor`; false when another run,
 * instance or reviewer released it first (a scheduler tick and the seed, say).
 */
export const releaseApproved = async (
  strapi: Core.Strapi,
  state: ReviewState,
  actor: Actor,
  now: Date = new Date(),
): Promise<boolean> => {
  try {
    await releaseVersion(strapi, {
      facts: await loadFacts(strapi, refOfState(state), actor, {
        state,
        now,
        draftHash: state.reviewedHash,
      }),
      patch: {},
    });
    return true;
  } catch (error) {
    if (isLostRace(error)) return false;
    throw error;
  }
};

// ---- takedown -----------------------------------------------------------------------------

export type TakedownRequest = {
  uid: DocumentRef['uid'];
  documentId: string;
  action: 'unpublish' | 'delete';
  locales: string[] | '*';
  actor: Actor;
  now: Date;
  plan?: ReleasePlan;
};

/**
 * Unpublish or delete: each live locale is judged, claimed and recorded; a delete forgets the
 * review states (the trail stays). Announced as an unpublish on every channel once committed.
 */
export const takeDownLocales = async <T>(
  strapi: Core.Strapi,
  request: TakedownRequest,
  takeDown: () => Promise<T>,
): Promise<T> => {
  const { uid, documentId, action, actor, now, plan } = request;
  const live = await versionLocales(strapi, uid, documentId, 'live', request.locales);
  if (live.length === 0 && action === 'unpublish') return takeDown();
  const result = await strapi.db.transaction(async () => {
    for (const locale of live) {
      const ref = { uid, documentId, locale };
      const planned =
        plan && stateKey(refOfState(plan.facts.state)) === stateKey(ref) ? plan.facts : null;
      const facts = planned ?? (await loadFacts(strapi, ref, actor, { now }));
      const { transition } = assertAllowed(action, facts);
      const { state } = facts;
      // A deleted state is forgotten below; an unpublish from a review in progress keeps it.
      const reviewState = transition.to === 'unpublished' ? transition.to : state.reviewState;
      if (!(await updateState(strapi, state, { reviewState, liveSince: null }))) throw lostRace();
      await recordAudit(strapi, ref, {
        action,
        actor,
        fromState: state.reviewState,
        toState: transition.to ?? state.reviewState,
        contentHash: state.reviewedHash,
        cycle: state.cycle,
      });
    }
    const outcome = await takeDown();
    if (live.length > 0) await touchLiveContent(strapi);
    // A type without translations has one set of rows, named by the default locale: deleting it forgets them all.
    if (action === 'delete')
      await forgetStates(
        strapi,
        uid,
        documentId,
        isLocalizedType(strapi, uid) ? request.locales : '*',
      );
    return outcome;
  });
  // Deleting live content takes it off every channel too: the same announcement.
  for (const locale of live)
    emitWorkflowEvent(
      strapi,
      WORKFLOW_EVENTS.unpublish,
      { uid, documentId, locale },
      { actor: actor.name, deleted: action === 'delete' },
    );
  if (live.length > 0)
    announceAfterTakedown(strapi, { uid, documentId, locales: live, action, actor, now });
  await liveContentSettled(strapi);
  return result;
};

/** The scheduler takes a live version down at its unpublishAt; false when another run did first. */
export const takeDownOnSchedule = async (
  strapi: Core.Strapi,
  facts: TransitionFacts,
): Promise<boolean> => {
  const { uid, documentId, locale } = refOfState(facts.state);
  try {
    await workflowService(strapi, 'context').run(
      { actor: facts.actor, now: facts.now, plan: { facts, patch: {} } },
      () => strapi.documents(uid).unpublish({ documentId, locale }),
    );
    return true;
  } catch (error) {
    if (isLostRace(error)) return false;
    throw error;
  }
};
