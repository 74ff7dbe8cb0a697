import type { ScheduleRisk } from './contracts';

/** Closer than this to its release time, an item still in review is at risk. */
export const SCHEDULE_RISK_HOURS = 24;

/**
 * Whether an item in review may miss its release time: `overdue` when the time has passed while it
 * still waits for a stage, `tight` when it falls within SCHEDULE_RISK_HOURS. A reviewer takes
 * these first; an item with no time, or a comfortable one, carries no risk.
 */
export const scheduleRiskOf = (publishAt: string | null, now: Date): ScheduleRisk => {
  if (!publishAt) return null;
  const left = new Date(publishAt).getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  return left <= SCHEDULE_RISK_HOURS * 3_600_000 ? 'tight' : null;
};
