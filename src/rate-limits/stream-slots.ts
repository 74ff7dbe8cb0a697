/** One open stream's place under the caps. */
export type StreamSlot = {
  /** An event (not a heartbeat) went out: the stream is not idle. */
  touch(): void;
  /** The stream closed. */
  release(): void;
};

export type StreamSlots = {
  /** A place for a stream of `owner` (a token or an address), or the cap that is reached. */
  acquire(owner: string, close: () => void): StreamSlot | { reachedCap: number };
  readonly open: number;
};

type Open = { owner: string; lastEventAt: number; close: () => void };

/**
 * Caps on concurrent streams, per owner and in all. At a cap, the stream that has been idle
 * longest (nothing but heartbeats for `idleMs`) is closed to make room; its screen reconnects
 * when it next has a use for it. A stream with recent events is never closed for a newcomer.
 */
export const streamSlots = (
  { perOwner, total, idleMs }: { perOwner: number; total: number; idleMs: number },
  now: () => number = Date.now,
): StreamSlots => {
  const all = new Set<Open>();
  const byOwner = new Map<string, Set<Open>>();

  const release = (stream: Open) => {
    all.delete(stream);
    const owned = byOwner.get(stream.owner);
    owned?.delete(stream);
    if (owned?.size === 0) byOwner.delete(stream.owner);
  };

  /** Closes the longest-idle stream among `streams`, if one has been idle long enough. */
  const makeRoom = (streams: Iterable<Open>): boolean => {
    let idlest: Open | null = null;
    for (const stream of streams)
      if (idlest === null || stream.lastEventAt < idlest.lastEventAt) idlest = stream;
    if (idlest === null || now() - idlest.lastEventAt < idleMs) return false;
    release(idlest);
    idlest.close();
    return true;
  };

  return {
    acquire(owner, close) {
      const owned = byOwner.get(owner);
      if (owned && owned.size >= perOwner && !makeRoom(owned)) return { reachedCap: perOwner };
      if (all.size >= total && !makeRoom(all)) return { reachedCap: total };
      const stream: Open = { owner, lastEventAt: now(), close };
      all.add(stream);
      byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(stream));
      return {
        touch: () => {
          stream.lastEventAt = now();
        },
        release: () => release(stream),
      };
    },
    get open() {
      return all.size;
    },
  };
};
