import type { Core } from '@strapi/strapi';
import diff from 'microdiff';
import type { DocumentRef } from '../documents/document-rows';
import { loadReviewableContent } from './content-hash';
import type { FieldChange, VersionDiff } from './contracts';
import { findState } from './review-states';

const KIND = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** Field-level changes between two normalised versions, with readable paths like `pillars.1.text`. */
export const compareVersions = (before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] =>
  diff(before, after).map((change) => ({
    kind: KIND[change.type],
    path: change.path.join('.'),
    ...('oldValue' in change ? { before: change.oldValue } : {}),
    ...('value' in change ? { after: change.value } : {}),
  }));

/**
 * What the reviewer is asked to approve, against the last approved version of this locale
 * (or, when nothing was approved through the workflow yet, what is live).
 */
export const diffAgainstApproved = async (strapi: Core.Strapi, ref: DocumentRef): Promise<VersionDiff> => {
  const current = (await loadReviewableContent(strapi, ref)) ?? {};
  const state = await findState(strapi, ref);
  if (state?.approvedContent) return { baseline: 'approved', changes: compareVersions(state.approvedContent, current) };
  const live = await loadReviewableContent(strapi, ref, 'live');
  if (live) return { baseline: 'published', changes: compareVersions(live, current) };
  // A first version: every filled-in field is new; empty ones are not worth a reviewer's look.
  const filledIn = compareVersions({}, current).filter((change) => change.after !== null && !(Array.isArray(change.after) && change.after.length === 0));
  return { baseline: 'none', changes: filledIn };
};
