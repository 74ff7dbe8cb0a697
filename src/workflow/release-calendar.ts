import type { Core } from '@strapi/strapi';
import { UID, WORKFLOW_UID } from '../constants';
import { documentTitle, findVersionRow } from '../documents/document-rows';
import { channelFlags } from '../kernel/channel-flags';
import type { CalendarEntry, CalendarFilters, CalendarReadiness } from './contracts';
import { chainFor } from './review-chain';
import { refOfState, type ReviewState } from './review-states';
import { stageNameOf } from './transitions';

/**
 * Where a scheduled release or takedown stands: already done, approved and waiting for its time,
 * or still in review or not even submitted (at risk of missing its time: nothing is released
 * unapproved). A takedown is `scheduled` while something is or will be live, `not_live` else.
 */
const readinessOf = (
  state: ReviewState,
  action: CalendarEntry['action'],
  at: Date,
): CalendarReadiness => {
  if (action === 'publish') {
    if (state.liveSince && new Date(state.liveSince) >= at) return 'done';
    if (state.reviewState === 'approved') return 'approved';
    return state.reviewState === 'in_review' ? 'in_review' : 'not_submitted';
  }
  if (state.reviewState === 'unpublished') return 'done';
  return state.reviewState === 'published' || state.reviewState === 'approved'
    ? 'scheduled'
    : 'not_live';
};

type Row = {
  title?: string;
  name?: string;
  brand?: { documentId: string; name: string; organization?: { documentId: string } | null } | null;
  organization?: { documentId: string } | null;
  [flag: string]: unknown;
};

/** The brand and organisation an item belongs to, for the calendar's filters. */
const ownersOf = (state: ReviewState, row: Row) => {
  const brand =
    state.contentType === UID.brand
      ? { documentId: state.targetDocumentId, name: row.name ?? '' }
      : row.brand
        ? { documentId: row.brand.documentId, name: row.brand.name }
        : null;
  const organizations = new Set<string>();
  if (state.contentType === UID.organization) organizations.add(state.targetDocumentId);
  if (row.organization?.documentId) organizations.add(row.organization.documentId);
  if (row.brand?.organization?.documentId) organizations.add(row.brand.organization.documentId);
  return { brand, organizations };
};

/**
 * What goes live or comes down between `from` and `to`, on which channel, and at which stage each
 * item is: every scheduled publish and unpublish of the review states, oldest first.
 */
export const releaseCalendar = async (
  strapi: Core.Strapi,
  filters: CalendarFilters,
): Promise<CalendarEntry[]> => {
  const window = { $gte: filters.from.toISOString(), $lt: filters.to.toISOString() };
  const states: ReviewState[] = await strapi.db.query(WORKFLOW_UID.reviewState).findMany({
    where: {
      $or: [{ publishAt: window }, { unpublishAt: window }],
      ...(filters.locale ? { targetLocale: filters.locale } : {}),
    },
    orderBy: { id: 'asc' },
  });
  const entries: CalendarEntry[] = [];
  for (const state of states) {
    const ref = refOfState(state);
    const attributes = strapi.contentType(ref.uid).attributes;
    const populate = ['brand', 'organization'].filter((name) => name in attributes);
    const row: Row | null = await findVersionRow(strapi, ref, 'draft', {
      populate: populate.includes('brand') ? [...populate, 'brand.organization'] : populate,
    });
    if (!row) continue;
    // Taxonomies and brand profiles (no flag columns) go to every channel; the rest where they
    // are targeted.
    const channels = channelFlags()
      .filter(([, flag]) => !(flag in attributes) || row[flag] === true)
      .map(([channel]) => channel);
    const { brand, organizations } = ownersOf(state, row);
    if (filters.channel && !channels.includes(filters.channel)) continue;
    if (filters.brand && brand?.documentId !== filters.brand) continue;
    if (filters.organization && !organizations.has(filters.organization)) continue;
    const stages = await chainFor(strapi, ref.uid);
    const stageName = stageNameOf(state, stages);
    for (const action of ['publish', 'unpublish'] as const) {
      const at = action === 'publish' ? state.publishAt : state.unpublishAt;
      if (!at || new Date(at) < filters.from || new Date(at) >= filters.to) continue;
      const readiness = readinessOf(state, action, new Date(at));
      entries.push({
        at: new Date(at).toISOString(),
        action,
        contentType: ref.uid,
        documentId: ref.documentId,
        locale: ref.locale,
        title: documentTitle(row),
        channels,
        brand,
        reviewState: state.reviewState,
        stageName,
        readiness,
        atRisk:
          action === 'publish' && (readiness === 'in_review' || readiness === 'not_submitted'),
      });
    }
  }
  return entries.sort(
    (a, b) => a.at.localeCompare(b.at) || a.documentId.localeCompare(b.documentId),
  );
};
