import type { Core } from '@strapi/strapi';
import { touchLiveContent } from '../kernel/live-content-version';
import { afterEveryWrite } from '../response-cache/invalidation';
import { PARTICIPATION_UID } from './participation-types';
import { isPeriodKind, periodOf, type PeriodKind } from './periods';
import { ranking, withRanks } from './rankings';

/** The rankings a display screen shows: nothing of a person but a name they consented to, and their points. */
export type ScreenRankings = {
  periodKind: PeriodKind;
  period: string;
  organizations: Array<{ rank: number; name: string; points: number; adopted: number }>;
  people: Array<{ rank: number; name: string; points: number }>;
};

const SHOWN = 5;
/** How far down the rankings the screens look for people they may name and organizations that are released. */
const CANDIDATES = 200;

export const rankingsOnScreens = (strapi: Core.Strapi): boolean =>
  strapi.config.get('participation.rankingsOnScreens') === true;

const screenPeriodKind = (strapi: Core.Strapi): PeriodKind => {
  const kind = strapi.config.get('participation.screenRankingPeriod');
  if (!isPeriodKind(kind))
    throw new Error(
      `PARTICIPATION_SCREEN_RANKING_PERIOD must be month, quarter or year, not "${String(kind)}"`,
    );
  return kind;
};

/**
 * The staff among `staffIds` a screen may name: active, and every point they earned in the
 * period came from a contribution of their own sent with consent to be named (an award past its
 * cap earned none). Anything that cannot be shown to be so (a contribution gone, a point of no
 * contribution) keeps them unnamed.
 */
const namedOnScreens = async (
  strapi: Core.Strapi,
  periodKind: PeriodKind,
  period: string,
  staffIds: number[],
): Promise<Set<number>> => {
  if (staffIds.length === 0) return new Set();
  const active = (await strapi.db
    .query(PARTICIPATION_UID.staffMember)
    .findMany({ where: { id: { $in: staffIds }, active: true }, select: ['id'] })) as Array<{
    id: number;
  }>;
  const ids = active.map(({ id }) => id);
  if (ids.length === 0) return new Set();
  const earned = (await strapi.db.query(PARTICIPATION_UID.pointEvent).findMany({
    where: { [periodKind]: period, staffMemberId: { $in: ids }, points: { $gt: 0 } },
    select: ['staffMemberId', 'contributionDocumentId'],
  })) as Array<{ staffMemberId: number; contributionDocumentId: string | null }>;
  const behind = [
    ...new Set(
      earned.flatMap(({ contributionDocumentId }) =>
        contributionDocumentId ? [contributionDocumentId] : [],
      ),
    ),
  ];
  const consented = (await strapi.db.query(PARTICIPATION_UID.contribution).findMany({
    where: { documentId: { $in: behind }, consentToBeNamed: true },
    select: ['documentId'],
    populate: { contributor: { select: ['id'] } },
  })) as Array<{ documentId: string; contributor?: { id: number } | null }>;
  const consentedBy = new Map(
    consented.map(({ documentId, contributor }) => [documentId, contributor?.id]),
  );
  const unnamed = new Set(
    earned
      .filter(
        (row) =>
          !row.contributionDocumentId ||
          consentedBy.get(row.contributionDocumentId) !== Number(row.staffMemberId),
      )
      .map((row) => Number(row.staffMemberId)),
  );
  return new Set(ids.filter((id) => !unnamed.has(id)));
};

/**
 * The screens' rankings of the current period (PARTICIPATION_SCREEN_RANKING_PERIOD), or null
 * when the screens show none. Ranked among what is shown: a released organization, a person
 * who may be named.
 */
export const screenRankings = async (
  strapi: Core.Strapi,
  now: Date,
): Promise<ScreenRankings | null> => {
  if (!rankingsOnScreens(strapi)) return null;
  const periodKind = screenPeriodKind(strapi);
  const period = periodOf(now)[periodKind];
  const [organizations, people] = await Promise.all([
    ranking(strapi, { periodKind, period, scope: 'organization', limit: CANDIDATES }),
    ranking(strapi, { periodKind, period, scope: 'person', limit: CANDIDATES }),
  ]);
  const named = await namedOnScreens(
    strapi,
    periodKind,
    period,
    people.rows.map(({ staffMemberId }) => staffMemberId ?? 0),
  );
  return {
    periodKind,
    period,
    organizations: withRanks(
      organizations.rows
        .filter(({ organization }) => organization !== '')
        .map(({ name, points, adopted }) => ({ name, points, adopted })),
    ).slice(0, SHOWN),
    people: withRanks(
      people.rows
        .filter(({ staffMemberId }) => named.has(staffMemberId ?? 0))
        .map(({ name, points }) => ({ name, points })),
    ).slice(0, SHOWN),
  };
};

type WriteEvent = { action: string; params: { data?: Record<string, unknown> }; result?: unknown };
type LedgerRow = { points?: unknown; pointEvent?: unknown } | null;

/** What the screens' rankings read of each model: only a write to these changes them. */
const RANKED_FIELDS: Record<string, readonly string[]> = {
  [PARTICIPATION_UID.staffMember]: ['name', 'active'],
  [PARTICIPATION_UID.contribution]: ['consentToBeNamed', 'contributor'],
};

/** Whether a write to `uid` changes what the screens' rankings show. */
export const changesRankings = (uid: string, event: WriteEvent): boolean => {
  if (event.action.startsWith('afterDelete')) return true;
  // An award past its cap earns 0 points and changes nothing shown, except an adoption (organizations show how many).
  if (uid === PARTICIPATION_UID.pointEvent)
    return (
      event.action === 'afterCreateMany' ||
      [event.result]
        .flat()
        .some(
          (row) =>
            Number((row as LedgerRow)?.points ?? 0) > 0 ||
            (row as LedgerRow)?.pointEvent === 'adopted',
        )
    );
  if (event.action.startsWith('afterCreate')) return false; // a new contribution's points come as their own write; a new staff member has none
  return Object.keys(event.params.data ?? {}).some((field) => RANKED_FIELDS[uid].includes(field));
};

/**
 * With rankings on the screens, points and the names behind them are live content: a point
 * award, a staff member renamed, blocked or deleted, a contribution's consent changed each move
 * the live-content version, so neither the response cache nor the screen feed serves a ranking
 * they replaced, on any instance. Nothing else does: an edit of a contribution's text or a
 * submission past its cap (0 points) leaves every reader's cache alone. Off, nothing moves it.
 */
export const rankingsLiveOnScreens = (strapi: Core.Strapi): void => {
  if (!rankingsOnScreens(strapi)) return;
  screenPeriodKind(strapi); // a wrong period stops the start, not the first screen
  for (const uid of [
    PARTICIPATION_UID.pointEvent,
    PARTICIPATION_UID.staffMember,
    PARTICIPATION_UID.contribution,
  ]) {
    afterEveryWrite(strapi, [uid], async (event) => {
      if (changesRankings(uid, event)) await touchLiveContent(strapi);
    });
  }
};
