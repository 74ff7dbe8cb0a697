import net, { type AddressInfo } from 'net';

/**
 * A TCP proxy the test controls, between the app and a service (PostgreSQL): `cut` drops every
 * connection and refuses new ones, as a database restart or a network cut would; `open` lets
 * connections through again, on the same port. The shared service itself is never touched.
 */
export const tcpProxy = (target: { host: string; port: number }) => {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const relay = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    const pair = [client, upstream];
    for (const socket of pair) {
      socket.unref();
      sockets.add(socket);
      socket.on('error', () => pair.forEach((end) => end.destroy()));
      socket.on('close', () => {
        sockets.delete(socket);
        pair.forEach((end) => end.destroy());
      });
    }
    client.pipe(upstream).pipe(client);
  };

  return {
    get port() {
      return port;
    },
    open: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer(relay);
        // Never what keeps a test process alive.
        server.unref();
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          port = (server!.address() as AddressInfo).port;
          resolve();
        });
      }),
    cut: () =>
      new Promise<void>((resolve) => {
        const closing = server;
        server = null;
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (closing) closing.close(() => resolve());
        else resolve();
      }),
  };
};
