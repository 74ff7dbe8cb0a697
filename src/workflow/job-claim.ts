import type { Core } from '@strapi/strapi';
import { actingAs } from './acting-as';
import type { Actor } from './actor';
import { atTime } from './clock';
import { updateState, type ReviewState } from './review-states';

/**
 * Claims one release or takedown and does it in one transaction: compare-and-set on the
 * revision the caller read, so a job another run, instance or reviewer already took (or an
 * editor changed since) is not done twice, and a failed job rolls its claim back and stays due.
 * Actor and clock are set inside the transaction: its callback may run in another async context.
 */
export const claimAndRun = async (strapi: Core.Strapi, state: ReviewState, actor: Actor, now: Date, job: () => Promise<unknown>): Promise<boolean> =>
  strapi.db.transaction(() =>
    actingAs(actor, () =>
      atTime(now, async () => {
        if (!(await updateState(strapi, state, {}))) return false;
        await job();
        return true;
      })
    )
  );
