import type { Core } from '@strapi/strapi';
import diff from 'microdiff';
import { WORKFLOW_UID } from '../constants';
import type { DocumentRef } from '../documents/document-rows';
import { hashContent, loadReviewableContent } from './content-hash';
import type { AuditEntry, DiffBaseline, FieldChange, VersionDiff } from './contracts';
import { readableChanges } from './readable-diff';
import { findState, type ReviewState } from './review-states';

const KIND = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** Field-level changes between two normalised versions, with readable paths like `pillars.1.text`. */
export const compareVersions = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] =>
  diff(before, after).map((change) => ({
    kind: KIND[change.type],
    path: change.path.join('.'),
    ...('oldValue' in change ? { before: change.oldValue } : {}),
    ...('value' in change ? { after: change.value } : {}),
  }));

type Version = { content: Record<string, unknown>; at: string | null };

/**
 * The version the reviewers last saw: the content of the last submit of an earlier round while
 * a round is on (a resubmit after a send-back is compared with what was sent back), else of the
 * last submit (an editor sees what they changed since).
 */
const lastSubmitted = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  state: ReviewState | null,
): Promise<Version | null> => {
  if (!state) return null;
  const earlierRounds = state.reviewState === 'in_review' ? { cycle: { $lt: state.cycle } } : {};
  // The latest such submit only: each holds a whole copy of the content.
  const last: AuditEntry | null = await strapi.db.query(WORKFLOW_UID.auditEntry).findOne({
    where: {
      contentType: ref.uid,
      targetDocumentId: ref.documentId,
      targetLocale: ref.locale,
      action: 'submit',
      ...earlierRounds,
    },
    orderBy: { id: 'desc' },
  });
  const content = last?.details?.submittedContent;
  return last && content
    ? { content: content as Record<string, unknown>, at: last.createdAt }
    : null;
};

/** The baselines a document locale has, most telling first. */
const baselinesOf = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
): Promise<Partial<Record<DiffBaseline, Version>>> => {
  const state = await findState(strapi, ref);
  const [submitted, live] = await Promise.all([
    lastSubmitted(strapi, ref, state),
    loadReviewableContent(strapi, ref, 'live'),
  ]);
  const approved = state?.approvedContent
    ? { content: state.approvedContent, at: state.approvedAt }
    : null;
  return {
    // The version last seen and the approved one are often the same: then it is called approved.
    ...(submitted && !(approved && hashContent(approved.content) === hashContent(submitted.content))
      ? { submitted }
      : {}),
    ...(approved ? { approved } : {}),
    ...(live ? { published: { content: live, at: null } } : {}),
  };
};

/**
 * What the reviewer is asked to approve, against a baseline: by default the version they last
 * saw, else the last approved one, else the live one. Both as raw field changes and in words.
 */
export const versionDiff = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  against?: DiffBaseline,
): Promise<VersionDiff> => {
  const current = (await loadReviewableContent(strapi, ref)) ?? {};
  const baselines = await baselinesOf(strapi, ref);
  const available = (['submitted', 'approved', 'published'] as const).filter(
    (name) => baselines[name],
  );
  const baseline: DiffBaseline =
    against === undefined
      ? (available[0] ?? 'none')
      : against !== 'none' && baselines[against]
        ? against
        : 'none';
  const version = baseline === 'none' ? null : (baselines[baseline] ?? null);
  const readable = await readableChanges(
    strapi,
    ref.uid,
    ref.locale,
    version?.content ?? null,
    current,
  );
  // A first version: every filled-in field is new; empty ones are not worth a reviewer's look.
  const changes = version
    ? compareVersions(version.content, current)
    : compareVersions({}, current).filter(
        (change) =>
          change.after !== null && !(Array.isArray(change.after) && change.after.length === 0),
      );
  return {
    baseline,
    baselineAt: version?.at ?? null,
    available: [...available, 'none'],
    changes,
    readable,
  };
};
