import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createChatServer, type ChatServerOptions } from '../app';
import { signToken } from '../auth/hs256';
import { openDatabase, type ChatDatabase } from '../db/open-database';
import { silentLogger } from '../logger';
import { listen, type ListeningServer } from '../node-server';
import { createDemoProvider } from '../providers/demo';

/** One server instance of a {@link TestCluster}: its own pool on the shared database. */
export interface ClusterInstance {
  url: string;
  app: ReturnType<typeof createChatServer>;
  database: ChatDatabase;
  close(): Promise<void>;
}

export interface TestCluster {
  /** A fresh database's URL (created here, dropped by `close`). */
  databaseUrl: string;
  secret: string;
  instances: ClusterInstance[];
  start(options?: Partial<ChatServerOptions> & { demoDelayMs?: number }): Promise<ClusterInstance>;
  token(userId: string): Promise<string>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Several Parley servers on one real Postgres database (DATABASE_URL), as behind a load balancer. */
export async function startTestCluster(adminUrl = process.env.DATABASE_URL): Promise<TestCluster> {
  if (!adminUrl) throw new Error('A test cluster needs DATABASE_URL.');
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const observer = await openDatabase({ url: databaseUrl, poolSize: 2 });
  const secret = randomBytes(32).toString('base64url');
  const instances: ClusterInstance[] = [];
  return {
    databaseUrl,
    secret,
    instances,
    async start(options = {}) {
      const database = await openDatabase({ url: databaseUrl, poolSize: 10, migrate: false });
      const app = createChatServer({
        database,
        provider: createDemoProvider({ delayMs: options.demoDelayMs ?? 5 }),
        auth: { jwtSecret: secret },
        rateLimit: { newConversationsPerMinute: 1e6, messagesPerMinute: 1e6 },
        logger: silentLogger,
        ...options,
      });
      let server: ListeningServer | undefined = await listen(app, 0);
      const instance: ClusterInstance = {
        url: server.url,
        app,
        database,
        async close() {
          if (!server) return;
          const closing = server;
          server = undefined;
          await app.shutdown({ abort: true });
          await closing.close();
          await database.close();
        },
      };
      instances.push(instance);
      return instance;
    },
    token: async (userId) => signToken({ sub: userId, exp: Math.floor(Date.now() / 1000) + 3_600 }, secret),
    query: (sql, params) => observer.query(sql, params),
    async close() {
      await Promise.all(instances.map((instance) => instance.close()));
      await observer.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
