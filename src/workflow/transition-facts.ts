import type { Core } from '@strapi/strapi';
import { peopleTimeZoneOf } from '../i18n/people-time';
import { findVersionRow, hasVersion, type DocumentRef } from '../documents/document-rows';
import type { Actor } from '../kernel/actor';
import { approvalsInCycle } from './audit-trail';
import { versionHash } from './content-hash';
import { chainFor } from './review-chain';
import { ensureState, type ReviewState } from './review-states';
import type { Authorship, TransitionFacts } from './transitions';
import { workflowService } from './workflow-services';

export const authorshipOf = async (strapi: Core.Strapi, ref: DocumentRef): Promise<Authorship> => {
  const draft = await findVersionRow(strapi, ref, 'draft', {
    populate: ['createdBy', 'updatedBy'],
  });
  return { createdById: draft?.createdBy?.id ?? null, updatedById: draft?.updatedBy?.id ?? null };
};

/** What a caller already knows (the state it read, the hash it computed) is not read again. */
export type KnownFacts = Partial<
  Pick<TransitionFacts, 'state' | 'draftHash' | 'permissions' | 'now' | 'overrideReason'>
>;

/**
 * Everything `judge` looks at for one document locale, read once. Permissions default to what a
 * Document Service caller has: its door (the content manager, a token's scope) already checked them.
 */
export const loadFacts = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: Actor,
  known: KnownFacts = {},
): Promise<TransitionFacts> => {
  const state: ReviewState = known.state ?? (await ensureState(strapi, ref));
  const [stages, authorship, approvals, hash, isLive] = await Promise.all([
    chainFor(strapi, ref.uid),
    authorshipOf(strapi, ref),
    approvalsInCycle(strapi, ref, state.cycle),
    known.draftHash !== undefined ? known.draftHash : versionHash(strapi, ref),
    hasVersion(strapi, ref, 'live'),
  ]);
  return {
    state,
    stages,
    actor,
    authorship,
    approvals,
    draftHash: hash,
    isLive,
    now: known.now ?? workflowService(strapi, 'context').now(),
    permissions: known.permissions ?? { canEdit: true, canPublish: true },
    overrideReason: known.overrideReason,
    timeZone: peopleTimeZoneOf(strapi.config),
  };
};
