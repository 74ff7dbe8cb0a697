import { AsyncLocalStorage } from 'async_hooks';

const storage = new AsyncLocalStorage<Date>();

/**
 * The workflow's notion of "now". The scheduler runs its jobs at the instant it was given, so
 * the release gate judges "is publishAt due?" by the same clock; tests pass a controllable one.
 */
export const atTime = <T>(now: Date, work: () => Promise<T>): Promise<T> => storage.run(now, work);

export const workflowNow = (): Date => storage.getStore() ?? new Date();
