import type { Core } from '@strapi/strapi';

/**
 * Background work of one server (announcements, screen notices, WeChat pushes) that a shutdown
 * lets finish: each kind keeps its own set, and `drain` waits until it is empty, including work
 * started while draining.
 */
export const inFlightWork = (label: string) => {
  const sets = new WeakMap<Core.Strapi, Set<Promise<unknown>>>();
  const setOf = (strapi: Core.Strapi) => {
    const set = sets.get(strapi) ?? new Set<Promise<unknown>>();
    sets.set(strapi, set);
    return set;
  };
  return {
    /** Runs `work` in the background; a failure is logged, never thrown at the caller. */
    start: (strapi: Core.Strapi, work: () => Promise<unknown>): void => {
      const set = setOf(strapi);
      const running: Promise<unknown> = work()
        .catch((error: Error) => strapi.log.error(`${label}: ${error.message}`))
        .finally(() => set.delete(running));
      set.add(running);
    },
    drain: async (strapi: Core.Strapi): Promise<void> => {
      const set = setOf(strapi);
      while (set.size > 0) await Promise.allSettled([...set]);
    },
  };
};
