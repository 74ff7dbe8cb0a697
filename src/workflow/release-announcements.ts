import type { Core } from '@strapi/strapi';
import { afterCommit } from '../kernel/after-commit';
import { inFlightWork } from '../lifecycle/in-flight';
import type { DocumentRef } from '../documents/document-rows';
import type { Actor } from '../kernel/actor';

/**
 * The release path's hook points, for whatever serves released content (the channels). The
 * workflow names no listener: they subscribe at start, and each release is announced to all of
 * them in the order they subscribed, exactly once, inside its transaction and once committed.
 */

/** Locales of one document that a release just put live. */
export type ReleaseNotice = {
  uid: DocumentRef['uid'];
  documentId: string;
  locales: readonly string[];
  actor: Actor;
  now: Date;
};

/** Locales of one document that were live and a takedown (unpublish or delete) took down. */
export type TakedownNotice = ReleaseNotice & { action: 'unpublish' | 'delete' };

export type ReleaseListener = {
  name: string;
  /** Inside the release's transaction, after the publish: a throw refuses the release (nothing goes live). */
  inRelease?: (strapi: Core.Strapi, release: ReleaseNotice) => Promise<void>;
  /** Once the release committed; never after one rolled back. A failure is logged, never undoes it. */
  afterRelease?: (strapi: Core.Strapi, release: ReleaseNotice) => Promise<void>;
  /** Once a takedown committed. */
  afterTakedown?: (strapi: Core.Strapi, takedown: TakedownNotice) => Promise<void>;
};

const listeners = new WeakMap<Core.Strapi, ReleaseListener[]>();
const listenersOf = (strapi: Core.Strapi): ReleaseListener[] => listeners.get(strapi) ?? [];

/** Subscribes `listener` to this server's releases and takedowns, after those subscribed before. */
export const onRelease = (strapi: Core.Strapi, listener: ReleaseListener): void => {
  listeners.set(strapi, [...listenersOf(strapi), listener]);
};

// After-commit announcements on their way out: a shutdown waits for them.
const announcements = inFlightWork('release announcement failed');

/** Inside the release's transaction: each listener in turn; the first throw rolls the release back. */
export const announceInRelease = async (
  strapi: Core.Strapi,
  release: ReleaseNotice,
): Promise<void> => {
  for (const listener of listenersOf(strapi)) await listener.inRelease?.(strapi, release);
};

/** Runs `announce` with each listener once the outermost transaction commits, one after another. */
const afterCommitToEach = (
  strapi: Core.Strapi,
  announce: (listener: ReleaseListener) => Promise<void> | undefined,
): void => {
  // The listeners as they are now: the release belongs to those subscribed when it happened.
  const each = listenersOf(strapi);
  const run = () =>
    announcements.start(strapi, async () => {
      for (const listener of each) {
        try {
          await announce(listener);
        } catch (error) {
          strapi.log.error(`${listener.name}: not announced: ${(error as Error).message}`);
        }
      }
    });
  // Tracked twice, for two waits: registering with the transaction (its failure logged, never
  // thrown at the release), and the announcement itself, which starts at commit.
  announcements.start(strapi, () => afterCommit(strapi, run));
};

/** Announces a release once it commits (called inside or after its transaction). */
export const announceAfterRelease = (strapi: Core.Strapi, release: ReleaseNotice): void =>
  afterCommitToEach(strapi, (listener) => listener.afterRelease?.(strapi, release));

/** Announces a takedown once it commits. */
export const announceAfterTakedown = (strapi: Core.Strapi, takedown: TakedownNotice): void =>
  afterCommitToEach(strapi, (listener) => listener.afterTakedown?.(strapi, takedown));

/** Resolves when every announcement made so far has reached its listeners (for shutdown). */
export const drainReleaseAnnouncements = (strapi: Core.Strapi): Promise<void> =>
  announcements.drain(strapi);
