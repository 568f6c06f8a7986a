import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ChatServer } from './app';
import {
  answerClientErrors,
  DEFAULT_REQUEST_TIMEOUT_MS,
  requestDeadlineOptions,
} from './http/request-deadline';

export interface ListeningServer {
  /** `http://host:port`, the port being the real one when 0 was asked. */
  url: string;
  /** Stops taking new connections; open ones (streams) go on until `close`. */
  stopListening(): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /**
   * Milliseconds a client has to send a request's headers and body (`REQUEST_TIMEOUT_MS`, default
   * 30 s); a slower one is answered `408 request_timeout` and disconnected. Answers that stream
   * for longer are not cut: only the request is timed.
   */
  requestTimeoutMs?: number;
}

/** Serves a Hono app on Node and resolves once it listens. */
export function listen(
  app: Pick<ChatServer, 'fetch'>,
  port: number,
  hostname = '127.0.0.1',
  options: ListenOptions = {},
): Promise<ListeningServer> {
  const serverOptions = requestDeadlineOptions(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname, serverOptions }, (info: AddressInfo) => {
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
    answerClientErrors(server as Server);
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
