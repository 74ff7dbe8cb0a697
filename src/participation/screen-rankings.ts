import type { Core } from '@strapi/strapi';
import { touchLiveContent } from '../channels/live-content-cache';
import { afterEveryWrite } from '../response-cache/invalidation';
import { PARTICIPATION_UID } from './participation-types';
import { isPeriodKind, periodOf, type PeriodKind } from './periods';
import { ranking } from './rankings';

/** The rankings a display screen shows: nothing of a person but a name they consented to, and their points. */
export type ScreenRankings = {
  periodKind: PeriodKind;
  period: string;
  organizations: Array<{ rank: number; name: string; points: number; adopted: number }>;
  people: Array<{ rank: number; name: string; points: number }>;
};

const SHOWN = 5;
/** How far down the ranking the screens look for people they may name. */
const CANDIDATES = 50;

export const rankingsOnScreens = (strapi: Core.Strapi): boolean => strapi.config.get('participation.rankingsOnScreens') === true;

const screenPeriodKind = (strapi: Core.Strapi): PeriodKind => {
  const kind = strapi.config.get('participation.screenRankingPeriod');
  if (!isPeriodKind(kind)) throw new Error(`PARTICIPATION_SCREEN_RANKING_PERIOD must be month, quarter or year, not "${String(kind)}"`);
  return kind;
};

/**
 * The staff among `staffIds` who earned points in the period through a contribution they sent
 * without consent to be named: a screen must not name them (their points come from it).
 */
const unnamedIn = async (strapi: Core.Strapi, periodKind: PeriodKind, period: string, staffIds: number[]): Promise<Set<number>> => {
  if (staffIds.length === 0) return new Set();
  const withoutConsent = (await strapi.db.query(PARTICIPATION_UID.contribution).findMany({
    where: { contributor: { id: { $in: staffIds } }, consentToBeNamed: false },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  if (withoutConsent.length === 0) return new Set();
  const earned = (await strapi.db.query(PARTICIPATION_UID.pointEvent).findMany({
    where: { [periodKind]: period, staffMemberId: { $in: staffIds }, contributionDocumentId: { $in: withoutConsent.map(({ documentId }) => documentId) } },
    select: ['staffMemberId'],
  })) as Array<{ staffMemberId: number }>;
  return new Set(earned.map(({ staffMemberId }) => Number(staffMemberId)));
};

/** The screens' rankings of the current period (PARTICIPATION_SCREEN_RANKING_PERIOD), or null when the screens show none. */
export const screenRankings = async (strapi: Core.Strapi, now: Date): Promise<ScreenRankings | null> => {
  if (!rankingsOnScreens(strapi)) return null;
  const periodKind = screenPeriodKind(strapi);
  const period = periodOf(now)[periodKind];
  const [organizations, people] = await Promise.all([
    ranking(strapi, { periodKind, period, scope: 'organization', limit: SHOWN }),
    ranking(strapi, { periodKind, period, scope: 'person', limit: CANDIDATES }),
  ]);
  const unnamed = await unnamedIn(strapi, periodKind, period, people.rows.map(({ staffMemberId }) => staffMemberId ?? 0));
  return {
    periodKind,
    period,
    organizations: organizations.rows.map(({ rank, name, points, adopted }) => ({ rank, name, points, adopted })),
    people: people.rows.filter(({ staffMemberId }) => !unnamed.has(staffMemberId ?? 0)).slice(0, SHOWN).map(({ rank, name, points }) => ({ rank, name, points })),
  };
};

/**
 * With rankings on the screens, points and the names behind them are live content: a point
 * award, a staff member renamed or moved, a contribution's consent changed each move the
 * live-content version, so neither the response cache nor the screen feed serves a ranking
 * they replaced, on any instance. (Off, they move nothing: no reader's cache is emptied.)
 */
export const rankingsLiveOnScreens = (strapi: Core.Strapi): void => {
  if (!rankingsOnScreens(strapi)) return;
  screenPeriodKind(strapi); // a wrong period stops the start, not the first screen
  afterEveryWrite(strapi, [PARTICIPATION_UID.pointEvent, PARTICIPATION_UID.staffMember, PARTICIPATION_UID.contribution], () => touchLiveContent(strapi));
};
