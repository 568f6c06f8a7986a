// A Parley server in a child process, for tests that kill it (kill -9) while it owns answers.
// Env: DATABASE_URL, PARLEY_TEST_SECRET, PARLEY_TEST_LEASE_MS, PARLEY_TEST_DELAY_MS.
// Sends `{ url }` to the parent once it listens.
import { createChatServer } from '../app';
import { openDatabase } from '../db/open-database';
import { silentLogger } from '../logger';
import { listen } from '../node-server';
import { createDemoProvider } from '../providers/demo';

const database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 10, migrate: false });
const app = createChatServer({
  database,
  provider: createDemoProvider({ delayMs: Number(process.env.PARLEY_TEST_DELAY_MS ?? 50) }),
  auth: { jwtSecret: process.env.PARLEY_TEST_SECRET },
  rateLimit: { newConversationsPerMinute: 1e6, messagesPerMinute: 1e6 },
  maxConcurrentStreamsPerUser: 1_000,
  turnLog: { leaseMs: Number(process.env.PARLEY_TEST_LEASE_MS ?? 6_000), flushMs: 50 },
  logger: silentLogger,
});
const server = await listen(app, 0);
process.send?.({ url: server.url });
