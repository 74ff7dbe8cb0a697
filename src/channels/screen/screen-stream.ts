import { PassThrough } from 'stream';
import type { ScreenEvent, ScreenEventBus } from './screen-events';

type StreamContext = {
  req: NodeJS.ReadableStream & {
    socket: {
      destroyed: boolean;
      setTimeout: (ms: number) => void;
      setNoDelay: (on: boolean) => void;
      setKeepAlive: (on: boolean) => void;
    };
    on: (event: 'close', listener: () => void) => void;
  };
  set: (headers: Record<string, string>) => void;
  status: number;
  body: unknown;
};

type StreamOptions = {
  lastEventId: number;
  heartbeatMs: number;
  /** An event (not a heartbeat) went out. */
  onEvent?: () => void;
  /** The stream ended, whichever side ended it. */
  onClose?: () => void;
};

/**
 * A Server-Sent Events stream of publish/unpublish notices. A screen that reconnects with
 * Last-Event-ID first gets what it missed (ids increase across instances), then live events;
 * a comment line every `heartbeatMs` keeps proxies from closing an idle connection. Returns how
 * to end it from this side (the screen reconnects after the `retry` it was given).
 */
export const openScreenStream = async (
  ctx: StreamContext,
  bus: ScreenEventBus,
  { lastEventId, heartbeatMs, onEvent, onClose }: StreamOptions,
): Promise<{ end: () => void }> => {
  const stream = new PassThrough();
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.req.socket.setKeepAlive(true);
  ctx.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  ctx.status = 200;
  ctx.body = stream;

  let lastSent = lastEventId;
  const send = (event: ScreenEvent) => {
    if (event.id <= lastSent) return;
    lastSent = event.id;
    stream.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    onEvent?.();
  };
  // Subscribe before replaying, holding live events back, so nothing falls between the two.
  let held: ScreenEvent[] | null = [];
  const unsubscribe = bus.subscribe((event) => (held ? held.push(event) : send(event)));
  stream.write('retry: 3000\n\n');
  // A first connection loads the feed itself; only a reconnecting screen needs the history.
  if (lastEventId > 0) for (const missed of await bus.since(lastEventId)) send(missed);
  for (const event of held) send(event);
  held = null;

  const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), heartbeatMs);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    stream.end();
    onClose?.();
  };
  ctx.req.on('close', end);
  // A screen that left while its history was read is gone already: its close came before the listener.
  if (ctx.req.socket.destroyed) end();
  return { end };
};
