import Redis from 'ioredis';

export type ScreenEvent = {
  id: number;
  type: 'publish' | 'unpublish';
  uid: string;
  documentId: string;
  locale: string;
  at: string;
};
type Listener = (event: ScreenEvent) => void;

/**
 * Publish/unpublish notices for display screens. Ids increase across all instances (a Redis
 * counter, or a local one without Redis), and the last events are kept so a screen that
 * reconnects with Last-Event-ID gets what it missed.
 */
export type ScreenEventBus = {
  publish: (event: Omit<ScreenEvent, 'id'>) => Promise<ScreenEvent>;
  subscribe: (listener: Listener) => () => void;
  since: (lastId: number) => Promise<ScreenEvent[]>;
  close: () => Promise<void>;
};

const KEPT = 200;

const fanOut = () => {
  const listeners = new Set<Listener>();
  return {
    add: (listener: Listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit: (event: ScreenEvent) => listeners.forEach((listener) => listener(event)),
  };
};

/** One server: events stay in this process. */
export const localScreenEvents = (): ScreenEventBus => {
  const listeners = fanOut();
  const recent: ScreenEvent[] = [];
  let lastId = 0;
  return {
    publish: async (notice) => {
      const event = { ...notice, id: ++lastId };
      recent.push(event);
      if (recent.length > KEPT) recent.shift();
      listeners.emit(event);
      return event;
    },
    subscribe: listeners.add,
    since: async (id) => recent.filter((event) => event.id > id),
    close: async () => undefined,
  };
};

/** Several servers: every instance's screens hear every instance's publishes through Redis pub/sub. */
export const redisScreenEvents = (url: string, prefix = 'brand-cms:screen'): ScreenEventBus => {
  const commands = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: false });
  const listeners = fanOut();
  const channel = `${prefix}:events`;
  // Subscribed on every (re)connection: a Redis that is away at start must not take the server
  // down, and screens hear events again once it is back. Failures of publish surface to its callers.
  subscriber.on('ready', () => {
    subscriber.subscribe(channel).catch(() => undefined);
  });
  subscriber.on('error', () => undefined);
  commands.on('error', () => undefined);
  subscriber.on('message', (from: string, message: string) => {
    if (from === channel) listeners.emit(JSON.parse(message) as ScreenEvent);
  });
  return {
    publish: async (notice) => {
      const event = { ...notice, id: await commands.incr(`${prefix}:last-id`) };
      const message = JSON.stringify(event);
      await commands
        .multi()
        .lpush(`${prefix}:recent`, message)
        .ltrim(`${prefix}:recent`, 0, KEPT - 1)
        .publish(channel, message)
        .exec();
      return event;
    },
    subscribe: listeners.add,
    since: async (id) =>
      (await commands.lrange(`${prefix}:recent`, 0, KEPT - 1))
        .map((message) => JSON.parse(message) as ScreenEvent)
        .filter((event) => event.id > id)
        .sort((a, b) => a.id - b.id),
    close: async () => {
      await Promise.allSettled([subscriber.quit(), commands.quit()]);
    },
  };
};
