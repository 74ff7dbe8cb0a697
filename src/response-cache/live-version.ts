import { randomUUID } from 'crypto';
import type Redis from 'ioredis';

/**
 * The version of what is live, as the response cache sees it: every stored response names the
 * version it was built under and is served only while that is still current. Every change to
 * what readers may see moves it, once committed (see invalidation.ts), so the next read after a
 * publish call returns misses. A fresh random value each time: two moves at once can never
 * leave the value an older entry was stored under standing.
 *
 * `null` means "not known now" (Redis unreachable, or a move that failed): nothing is served
 * from or stored into the cache until a move succeeds again.
 */
export type LiveVersion = {
  current(): Promise<string | null>;
  move(): Promise<void>;
};

const newVersion = () => randomUUID();

/** One instance: the version lives in this process. */
export const memoryLiveVersion = (): LiveVersion => {
  let version = newVersion();
  return {
    current: async () => version,
    move: async () => {
      version = newVersion();
    },
  };
};

/**
 * Several instances: the version lives in Redis and every hit reads it (one GET), so a publish on
 * any instance is seen by the next read on every other; pub/sub alone could deliver it late.
 * A move that does not land is retried until it does, and until then this instance serves
 * nothing from the cache. When Redis comes back after a loss (a restart, a failover), what it
 * holds may predate changes made meanwhile: `onReconnect` drops this instance's copies, and the
 * version moves.
 */
export const redisLiveVersion = (
  redis: Redis,
  key: string,
  onReconnect: () => void,
): LiveVersion & { close(): void } => {
  let unsettled = false;
  let retry: NodeJS.Timeout | null = null;
  const attempt = async () => {
    await redis.set(key, newVersion());
    unsettled = false;
  };
  const retryLater = () => {
    if (retry) return;
    retry = setTimeout(() => {
      retry = null;
      attempt().catch(retryLater);
    }, 500);
    retry.unref();
  };
  const move = async () => {
    unsettled = true;
    try {
      await attempt();
    } catch (error) {
      retryLater();
      throw error;
    }
  };
  let connectedBefore = false;
  redis.on('ready', () => {
    if (connectedBefore) {
      onReconnect();
      move().catch(() => undefined);
    }
    connectedBefore = true;
  });
  return {
    current: async () => {
      if (unsettled) return null;
      try {
        const stored = await redis.get(key);
        if (stored !== null) return stored;
        // First instance on this Redis: start a version (another instance may do it at once; NX keeps one).
        await redis.set(key, newVersion(), 'NX');
        return await redis.get(key);
      } catch {
        return null;
      }
    },
    move,
    close: () => {
      if (retry) clearTimeout(retry);
    },
  };
};
