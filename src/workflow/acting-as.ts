import { AsyncLocalStorage } from 'async_hooks';
import type { Actor } from './actor';

const storage = new AsyncLocalStorage<Actor>();

/** Runs `work` on behalf of `actor` (the scheduler, the seed), so the audit trail names them. */
export const actingAs = <T>(actor: Actor, work: () => Promise<T>): Promise<T> => storage.run(actor, work);

export const explicitActor = (): Actor | undefined => storage.getStore();
