import type { Core } from '@strapi/strapi';
import { SCHEDULER } from './actor';
import { claimAndRun } from './job-claim';
import { recordAudit } from './audit-trail';
import { releaseOnce } from './review-actions';
import { REVIEW_STATE_UID, refOfState, updateState, type ReviewState } from './review-states';

export type SchedulerRun = { published: string[]; unpublished: string[]; expired: string[]; skipped: string[] };

/**
 * Fires every job that is due at `now`: approved versions whose publishAt has come, live
 * versions whose unpublishAt has come. Safe to run on several instances at once and after
 * downtime: each job is claimed by compare-and-set inside the publish transaction, so it
 * happens exactly once; a job whose whole window passed while the server was down expires.
 */
export const runDueJobs = async (strapi: Core.Strapi, now: Date = new Date()): Promise<SchedulerRun> => {
  const run: SchedulerRun = { published: [], unpublished: [], expired: [], skipped: [] };
  const states = strapi.db.query(REVIEW_STATE_UID as never);
  const instant = now.toISOString();

  const dueReleases: ReviewState[] = await states.findMany({
    where: { reviewState: 'approved', $or: [{ publishAt: null }, { publishAt: { $lte: instant } }] },
    orderBy: { publishAt: 'asc' },
  });
  for (const state of dueReleases) {
    if (state.unpublishAt && new Date(state.unpublishAt) <= now) {
      const expired = await updateState(strapi, state, { reviewState: 'unpublished' });
      if (!expired) continue;
      await recordAudit(strapi, refOfState(state), { action: 'expire', actor: SCHEDULER, fromState: 'approved', toState: 'unpublished', cycle: state.cycle, contentHash: state.reviewedHash, details: { publishAt: state.publishAt, unpublishAt: state.unpublishAt } });
      run.expired.push(state.key);
      continue;
    }
    try {
      const done = await releaseOnce(strapi, state, SCHEDULER, now);
      run[done ? 'published' : 'skipped'].push(state.key);
    } catch (error) {
      // The draft changed since approval, or the release failed: it stays due, and is logged.
      run.skipped.push(state.key);
      strapi.log.warn(`scheduler could not release ${state.key}: ${(error as Error).message}`);
    }
  }

  const dueTakedowns: ReviewState[] = await states.findMany({ where: { liveSince: { $notNull: true }, unpublishAt: { $lte: instant } } });
  for (const state of dueTakedowns) {
    try {
      const done = await claimAndRun(strapi, state, SCHEDULER, now, () =>
        strapi.documents(state.contentType as never).unpublish({ documentId: state.targetDocumentId, locale: state.targetLocale } as never)
      );
      run[done ? 'unpublished' : 'skipped'].push(state.key);
    } catch (error) {
      run.skipped.push(state.key);
      strapi.log.warn(`scheduler could not unpublish ${state.key}: ${(error as Error).message}`);
    }
  }
  return run;
};

let inFlight: Promise<SchedulerRun> | null = null;

/** The cron entry point: a tick that arrives while the previous one still runs is skipped. */
export const runDueJobsOnce = async (strapi: Core.Strapi, now?: Date): Promise<SchedulerRun | null> => {
  if (inFlight) return null;
  inFlight = runDueJobs(strapi, now ?? new Date());
  try {
    return await inFlight;
  } finally {
    inFlight = null;
  }
};
