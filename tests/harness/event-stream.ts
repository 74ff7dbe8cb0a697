import http from 'http';

export type StreamEvent = { id?: string; event?: string; data?: string; comment?: string };

/** A Server-Sent Events client on a real socket, collecting what the server sends. */
export const openEventStream = (port: number, path: string, headers: Record<string, string> = {}) =>
  new Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    events: StreamEvent[];
    ended: Promise<void>;
    waitFor: (match: (event: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
    close: () => void;
  }>((resolve, reject) => {
    const events: StreamEvent[] = [];
    const waiters: Array<() => void> = [];
    const request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: StreamEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            const [field, ...rest] = line.split(': ');
            if (['id', 'event', 'data'].includes(field))
              event[field as 'id' | 'event' | 'data'] = rest.join(': ');
          }
          events.push(event);
          waiters.splice(0).forEach((wake) => wake());
        }
      });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        // The server ended the stream (or the connection went).
        ended: new Promise<void>((ended) => response.once('close', () => ended())),
        waitFor: async (match, timeoutMs = 10_000) => {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = events.find(match);
            if (found) return found;
            if (Date.now() > deadline)
              throw new Error(
                `no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`,
              );
            await new Promise<void>((wake) => {
              waiters.push(wake);
              setTimeout(wake, 100);
            });
          }
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
