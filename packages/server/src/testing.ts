import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createChatServer, type ChatServerOptions } from './app';
import { signToken } from './auth/hs256';
import { openDatabase, type ChatDatabase } from './db/open-database';
import { silentLogger, type Logger } from './logger';
import { listen } from './node-server';
import { createDemoProvider } from './providers/demo';
import { createOpenAICompatibleProvider } from './providers/openai-compatible';
import { borrowPglite } from './test-support/pglite-pool';

export interface TestServerOptions {
  /** Milliseconds between the demo model's tokens (default 0). */
  demoDelayMs?: number;
  /** Talk to an OpenAI-compatible server (e.g. a local fake) instead of the demo model. */
  providerBaseUrl?: string;
  rateLimit?: ChatServerOptions['rateLimit'];
  corsOrigins?: string[];
  maxConcurrentStreamsPerUser?: number;
  /** `postgres` needs DATABASE_URL; the default follows it (PGlite when unset). */
  database?: 'pglite' | 'postgres';
  logger?: Logger;
  guests?: boolean;
  titleTimeoutMs?: number;
  heartbeatMs?: number;
  trustProxy?: ChatServerOptions['auth']['trustProxy'];
  /** See `ChatServerOptions.embedDirectory`. */
  embedDirectory?: string | null;
  /** The rate limits' clock (epoch ms); `Date.now` when omitted. */
  clock?: () => number;
  /** The general chat's model (its tools are offered to the demo model, which calls the first). */
  defaultModel?: ChatServerOptions['defaultModel'];
  /** `listen`'s bound on receiving a request (default 30 s). */
  requestTimeoutMs?: number;
}

export interface TestServer {
  url: string;
  /** A valid Bearer token for `userId` (a fresh user when omitted). */
  token(userId?: string): Promise<string>;
  /** SQL on the server's own database. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  readonly database: ChatDatabase;
  readonly app: ReturnType<typeof createChatServer>;
  readonly driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * A real Parley server on 127.0.0.1 and a random port, on its own database: an empty in-memory
 * PGlite (reused within the test process, emptied before each server), or a fresh Postgres
 * database (created here, dropped by `close`) when DATABASE_URL is set.
 *
 * @example
 * const server = await startTestServer();
 * const client = new ChatClient({ baseUrl: server.url, getToken: () => server.token('alice') });
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const adminUrl = process.env.DATABASE_URL;
  const driver = options.database ?? (adminUrl ? 'postgres' : 'pglite');
  let dropDatabase = async () => {};
  let database: ChatDatabase;
  if (driver === 'postgres') {
    if (!adminUrl) throw new Error('A postgres test server needs DATABASE_URL.');
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString(), poolSize: 10 });
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await borrowPglite();
  }
  const secret = randomBytes(32).toString('base64url');
  const provider = options.providerBaseUrl
    ? createOpenAICompatibleProvider({ baseUrl: options.providerBaseUrl, apiKey: 'test-key' })
    : createDemoProvider({ delayMs: options.demoDelayMs ?? 0 });
  const app = createChatServer({
    database,
    provider,
    providerModel: options.providerBaseUrl ? 'test-model' : 'demo',
    auth: { jwtSecret: secret, guests: options.guests ?? true, trustProxy: options.trustProxy },
    corsOrigins: options.corsOrigins,
    rateLimit: options.rateLimit,
    maxConcurrentStreamsPerUser: options.maxConcurrentStreamsPerUser,
    titleTimeoutMs: options.titleTimeoutMs,
    heartbeatMs: options.heartbeatMs,
    embedDirectory: options.embedDirectory,
    logger: options.logger ?? silentLogger,
    clock: options.clock,
    defaultModel: options.defaultModel,
  });
  const server = await listen(app, 0, '127.0.0.1', { requestTimeoutMs: options.requestTimeoutMs });
  return {
    url: server.url,
    database,
    app,
    driver,
    token: async (userId = `user_${randomBytes(6).toString('hex')}`) =>
      signToken({ sub: userId, exp: Math.floor(Date.now() / 1000) + 3_600 }, secret),
    query: (sql, params) => database.query(sql, params),
    close: async () => {
      await app.shutdown({ abort: true });
      await server.close();
      await database.close();
      await dropDatabase();
    },
  };
}
