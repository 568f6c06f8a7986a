import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ChatServer } from './app';

export interface ListeningServer {
  /** `http://host:port`, the port being the real one when 0 was asked. */
  url: string;
  /** Stops taking new connections; open ones (streams) go on until `close`. */
  stopListening(): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Serves a Hono app on Node and resolves once it listens. */
export function listen(
  app: Pick<ChatServer, 'fetch'>,
  port: number,
  hostname = '127.0.0.1',
): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      let closed: Promise<void> | undefined;
      const stopListening = () => {
        closed ??= new Promise<void>((done) => server.close(() => done()));
        return closed;
      };
      resolve({
        url: `http://${host}:${info.port}`,
        stopListening: () => void stopListening(),
        close: () => {
          const done = stopListening();
          // Open SSE streams would hold close() forever.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          return done;
        },
      });
    });
    server.once('error', reject);
    // Thousands of long-lived streams: no per-request timeout, keep-alive for the rest.
    (server as unknown as { requestTimeout: number }).requestTimeout = 0;
  });
}

/**
 * On SIGTERM (systemd, containers) or Ctrl+C: stops accepting (new connections, and 503
 * `shutting_down` on open ones), lets the answers being written finish and be saved, then
 * closes the server and the database and exits. A second signal exits at once.
 */
export function closeOnSignals(parts: {
  app: { shutdown(): Promise<void> };
  server: Pick<ListeningServer, 'close'> & Partial<Pick<ListeningServer, 'stopListening'>>;
  database: { close(): Promise<void> };
}): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    const drained = parts.app.shutdown();
    parts.server.stopListening?.();
    await drained;
    await parts.server.close();
    await parts.database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
