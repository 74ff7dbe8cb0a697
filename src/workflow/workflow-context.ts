import { AsyncLocalStorage } from 'async_hooks';
import type { Actor } from '../kernel/actor';
import type { ReleasePlan } from './release';

/**
 * Who acts and when, and which release or takedown the workflow itself is carrying out, for the work
 * running inside `run`. Held per Strapi instance (a service), so two apps in one process never
 * see each other's; AsyncLocalStorage because the Document Service middlewares run deep below
 * the code that knows (the scheduler's clock, the seed's actor, the release already claimed).
 */
export type WorkflowScope = { actor?: Actor; now?: Date; plan?: ReleasePlan };

export const workflowContext = () => {
  const storage = new AsyncLocalStorage<WorkflowScope>();
  return {
    /** Runs `work` with `scope` added to the current one. */
    run: <T>(scope: WorkflowScope, work: () => Promise<T>): Promise<T> =>
      storage.run({ ...storage.getStore(), ...scope }, work),
    /** The scheduler runs its jobs at the instant it was given; the gate judges "is it due?" by the same clock. */
    now: (): Date => storage.getStore()?.now ?? new Date(),
    explicitActor: (): Actor | undefined => storage.getStore()?.actor,
    /** The release or takedown the workflow itself is carrying out, already judged by its command. */
    plan: (): ReleasePlan | undefined => storage.getStore()?.plan,
  };
};

export type WorkflowContextService = ReturnType<typeof workflowContext>;
