import type { Core } from '@strapi/strapi';
import { liveContentSettled } from '../kernel/live-content-version';
import { WORKFLOW_UID } from '../constants';
import { SCHEDULER } from './actor';
import { recordAudit } from '../kernel/audit-trail';
import { isLostRace, releaseVersion, takeDownOnSchedule } from './release';
import { refOfState, updateState, type ReviewState } from './review-states';
import { loadFacts } from './transition-facts';
import { AWAITING_RELEASE, judge, targetOf } from './transitions';

export type SchedulerRun = {
  published: string[];
  unpublished: string[];
  expired: string[];
  skipped: string[];
};

/** A job that did not happen: another run took it (quietly), or it failed and stays due (logged). */
const skip = (
  strapi: Core.Strapi,
  run: SchedulerRun,
  state: ReviewState,
  job: string,
  error: unknown,
) => {
  run.skipped.push(state.key);
  if (!isLostRace(error))
    strapi.log.warn(`scheduler could not ${job} ${state.key}: ${(error as Error).message}`);
};

/**
 * Fires every job that is due at `now`: approved versions whose publishAt has come, live
 * versions whose unpublishAt has come. Safe to run on several instances at once and after
 * downtime: each job is claimed by compare-and-set inside the publish transaction, so it
 * happens exactly once; a job whose whole window passed while the server was down expires.
 */
export const runDueJobs = async (
  strapi: Core.Strapi,
  now: Date = new Date(),
): Promise<SchedulerRun> => {
  const run: SchedulerRun = { published: [], unpublished: [], expired: [], skipped: [] };
  const states = strapi.db.query(WORKFLOW_UID.reviewState);
  const instant = now.toISOString();

  const dueReleases: ReviewState[] = await states.findMany({
    where: {
      reviewState: AWAITING_RELEASE,
      $or: [{ publishAt: null }, { publishAt: { $lte: instant } }],
    },
    orderBy: { publishAt: 'asc' },
  });
  for (const state of dueReleases) {
    try {
      // The release hashes the draft it publishes; it is not hashed beforehand.
      const facts = await loadFacts(strapi, refOfState(state), SCHEDULER, {
        state,
        now,
        draftHash: state.reviewedHash,
      });
      const expiry = judge('expire', facts);
      if (expiry.allowed) {
        const target = targetOf(expiry.transition, facts);
        if (!(await updateState(strapi, state, { reviewState: target }))) continue;
        await recordAudit(strapi, refOfState(state), {
          action: 'expire',
          actor: SCHEDULER,
          fromState: state.reviewState,
          toState: target,
          cycle: state.cycle,
          contentHash: state.reviewedHash,
          details: { publishAt: state.publishAt, unpublishAt: state.unpublishAt },
        });
        run.expired.push(state.key);
        continue;
      }
      await releaseVersion(strapi, { facts, patch: {} });
      run.published.push(state.key);
    } catch (error) {
      // The draft changed since approval, the release failed, or another run took it.
      skip(strapi, run, state, 'release', error);
    }
  }

  const dueTakedowns: ReviewState[] = await states.findMany({
    where: { liveSince: { $notNull: true }, unpublishAt: { $lte: instant } },
  });
  for (const state of dueTakedowns) {
    try {
      const done = await takeDownOnSchedule(
        strapi,
        await loadFacts(strapi, refOfState(state), SCHEDULER, { state, now }),
      );
      (done ? run.unpublished : run.skipped).push(state.key);
    } catch (error) {
      skip(strapi, run, state, 'unpublish', error);
    }
  }
  // A run is over once no instance's response cache can serve what it replaced.
  await liveContentSettled(strapi);
  return run;
};

/** The scheduler of one Strapi instance: a tick that arrives while the previous one still runs is skipped. */
export const schedulerService = ({ strapi }: { strapi: Core.Strapi }) => {
  let inFlight: Promise<SchedulerRun> | null = null;
  return {
    runDueJobs: (now?: Date) => runDueJobs(strapi, now),
    /** The cron entry point. */
    async tick(now?: Date): Promise<SchedulerRun | null> {
      if (inFlight) return null;
      inFlight = runDueJobs(strapi, now ?? new Date());
      try {
        return await inFlight;
      } finally {
        inFlight = null;
      }
    },
  };
};

export type SchedulerService = ReturnType<typeof schedulerService>;
