import crypto from 'crypto';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';

/** A response as it was sent on a miss: a hit sends exactly this again. */
export type StoredResponse = {
  status: number;
  /** Every header the miss carried (security, CORS, type, ETag, Cache-Control), in order. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** The body gzipped, when that is worth it (content-coding.ts). */
  gzipped?: Buffer;
};

type Entry = { version: string; response: StoredResponse; storedAt?: number };

export type ResponseStore = {
  /** The response stored under `key` while `version` is the live-content version, if any. */
  get(key: string, version: string): Promise<StoredResponse | undefined>;
  /** `ttlMs`: what is left of its life when it was stored earlier elsewhere (Redis). */
  set(key: string, version: string, response: StoredResponse, ttlMs?: number): Promise<void>;
};

// An estimate of what the objects around the bytes cost the heap: the entry, one array per
// header, strings counted at two bytes a character (the most V8 uses).
const PER_ENTRY_OVERHEAD = 512;
const PER_HEADER_OVERHEAD = 48;
// Bytes are counted by the memory that holds them: a response read back from Redis keeps both
// bodies in one.
const heldBytes = ({ body, gzipped }: StoredResponse) =>
  [...new Set([body.buffer, gzipped?.buffer])].reduce(
    (sum, buffer) => sum + (buffer?.byteLength ?? 0),
    0,
  );
const entryBytes = (entry: Entry, key: string) =>
  heldBytes(entry.response) +
  key.length * 2 +
  entry.response.headers.reduce(
    (sum, [name, value]) => sum + (name.length + value.length) * 2 + PER_HEADER_OVERHEAD,
    0,
  ) +
  PER_ENTRY_OVERHEAD;

/**
 * This instance's tier: least recently used first out, bounded by bytes (a sitemap part weighs
 * what it weighs, not "one entry"). An entry of another version is never served; it just ages out.
 */
export const memoryResponseStore = (
  maxBytes: number,
  ttlSeconds: number,
): ResponseStore & { clear(): void } => {
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: entryBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    ttl: ttlSeconds * 1000,
  });
  return {
    get: async (key, version) => {
      const entry = entries.get(key);
      return entry?.version === version ? entry.response : undefined;
    },
    set: async (key, version, response, ttlMs) => {
      entries.set(
        key,
        { version, response },
        ttlMs === undefined ? undefined : { ttl: Math.max(1, ttlMs) },
      );
    },
    clear: () => entries.clear(),
  };
};

/** Meta line, newline, body, then the gzipped body if any: one Redis value per response, read with one GET. */
const encode = ({ version, response, storedAt }: Entry): Buffer => {
  const meta = {
    version,
    storedAt,
    status: response.status,
    headers: response.headers,
    gzipBytes: response.gzipped?.byteLength ?? 0,
  };
  return Buffer.concat([
    Buffer.from(`${JSON.stringify(meta)}\n`),
    response.body,
    ...(response.gzipped ? [response.gzipped] : []),
  ]);
};

const decode = (value: Buffer): Entry | undefined => {
  const end = value.indexOf(10);
  if (end < 0) return undefined;
  try {
    const meta = JSON.parse(value.subarray(0, end).toString('utf8')) as {
      version: string;
      storedAt: number;
      status: number;
      headers: Array<[string, string]>;
      gzipBytes?: number;
    };
    const gzipBytes = meta.gzipBytes ?? 0;
    const bodyEnd = value.byteLength - gzipBytes;
    if (bodyEnd < end + 1) return undefined;
    const response: StoredResponse = {
      status: meta.status,
      headers: meta.headers,
      body: value.subarray(end + 1, bodyEnd),
    };
    if (gzipBytes > 0) response.gzipped = value.subarray(bodyEnd);
    return { version: meta.version, storedAt: meta.storedAt, response };
  } catch {
    return undefined;
  }
};

/**
 * Memory first, then Redis, shared by every instance: a new instance starts warm. Keys are hashed
 * (a request's key may be long, and holds the reader's Origin and Host). A Redis that does not
 * answer is a miss, never an error for the reader.
 */
export const tieredResponseStore = (
  memory: ResponseStore,
  redis: Redis,
  { prefix, ttlSeconds }: { prefix: string; ttlSeconds: number },
): ResponseStore => {
  const redisKey = (key: string) =>
    `${prefix}:response:${crypto.createHash('sha256').update(key).digest('base64url')}`;
  return {
    get: async (key, version) => {
      const nearby = await memory.get(key, version);
      if (nearby) return nearby;
      try {
        const stored = await redis.getBuffer(redisKey(key));
        const entry = stored ? decode(stored) : undefined;
        if (entry?.version !== version) return undefined;
        // No longer here than in Redis: a copy lives out what is left of the original's life.
        const left = ttlSeconds * 1000 - (Date.now() - (entry.storedAt ?? 0));
        if (left <= 0) return undefined;
        await memory.set(key, version, entry.response, left);
        return entry.response;
      } catch {
        return undefined;
      }
    },
    set: async (key, version, response) => {
      await memory.set(key, version, response);
      try {
        await redis.set(
          redisKey(key),
          encode({ version, response, storedAt: Date.now() }),
          'EX',
          ttlSeconds,
        );
      } catch {
        // The memory tier has it; the next instance builds its own.
      }
    },
  };
};
