import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { afterCommit } from './after-commit';

const versionKey = { type: 'core', name: 'brand-cms', key: 'live-content-version' } as const;

const newVersion = () => `${Date.now().toString(36)}-${randomUUID()}`;

/**
 * A value that changes whenever what is live changes: every publish, unpublish and delete goes
 * through the one release path (workflow/release.ts), which calls `touchLiveContent` in its
 * transaction. One row in the database, so every instance sees the same; a fresh value each
 * time, so two changes at once can never leave the version of one of them standing. (A bulk
 * import in SQL behind the CMS's back moves it only at the next release.)
 */
export const publishedContentVersion = async (strapi: Core.Strapi): Promise<string> => {
  const stored = await strapi.store.get(versionKey);
  if (typeof stored === 'string') return stored;
  const created = newVersion();
  await strapi.store.set({ ...versionKey, value: created });
  return created;
};

/**
 * What keeps a copy of the version elsewhere (the response cache, src/response-cache): told once
 * a move is committed, and asked to settle. It registers itself at start, so the version, which
 * everyone below it uses, calls nothing above it.
 */
export type LiveContentFollower = {
  /** The version moved and the move is committed. */
  moved(): void;
  /** Resolves once the moves it was told of have landed. */
  settled(): Promise<void>;
};

const followers = new WeakMap<Core.Strapi, LiveContentFollower[]>();

export const followLiveContent = (strapi: Core.Strapi, follower: LiveContentFollower): void => {
  followers.set(strapi, [...(followers.get(strapi) ?? []), follower]);
};

const followersOf = (strapi: Core.Strapi): LiveContentFollower[] => followers.get(strapi) ?? [];

export const touchLiveContent = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.store.set({ ...versionKey, value: newVersion() });
  // A follower's version (the response cache's) moves once this is committed: a reader who
  // reads it after the commit and before the move stores under the old version, which the move
  // retires.
  await afterCommit(strapi, () => followersOf(strapi).forEach((follower) => follower.moved()));
};

/**
 * Resolves once the moves committed so far have landed (in Redis, with several instances): a
 * release returns only then, so whoever it returns to, a reviewer's request or the scheduler,
 * can no longer be served what it replaced on any instance. Inside a larger transaction nothing
 * has moved yet; the request that opened it waits instead (response-cache/cache-fill.ts).
 */
export const liveContentSettled = async (strapi: Core.Strapi): Promise<void> => {
  await Promise.all(followersOf(strapi).map((follower) => follower.settled()));
};

type Entry<T> = { version: string; value: T };
/** Where the entries are kept: a Map, or a bounded one (lru-cache) where keys come from readers. */
type Store<T> = {
  get(key: string): Entry<T> | undefined;
  set(key: string, entry: Entry<T>): unknown;
};

/**
 * Something built from the published content (the screen feed, the sitemap, list totals), per key, rebuilt
 * only when the live-content version moved: the many readers asking again cost one read of it
 * each, and a publish on any instance is seen by the next read.
 */
export const liveContentCache =
  <T>(entries: Store<T> = new Map<string, Entry<T>>()) =>
  async (strapi: Core.Strapi, key: string, build: () => Promise<T>): Promise<T> => {
    const version = await publishedContentVersion(strapi);
    const cached = entries.get(key);
    if (cached?.version === version) return cached.value;
    const value = await build();
    // Keep it only if nothing was published while it was being built.
    if ((await publishedContentVersion(strapi)) === version) entries.set(key, { version, value });
    return value;
  };
