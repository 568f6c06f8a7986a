// The turn log's cost: database statements per second and bytes sent to Postgres per streamed
// token, at 1, 10 and 100 concurrent answers, for several batchings (flush every N ms or M chars).
// Bytes are counted on the wire by a TCP proxy between the server and Postgres.
// Needs a Postgres (DATABASE_URL, default the local one) and `npm run build` done before.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import postgres from 'postgres';
import {
  createChatServer,
  createDemoProvider,
  listen,
  openDatabase,
  signToken,
  silentLogger,
} from '@parley/server';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const quick = process.argv.includes('--quick');
const DELAY_MS = 20; // 50 tokens/s per answer, a fast model
const CONCURRENCY = quick ? [1, 10] : [1, 10, 100];
const BATCHINGS = quick
  ? [{ flushMs: 100, flushChars: 4096 }]
  : [
      { flushMs: 25, flushChars: 4096 },
      { flushMs: 100, flushChars: 4096 },
      { flushMs: 250, flushChars: 4096 },
      { flushMs: 100, flushChars: 256 },
    ];
const secret = randomBytes(32).toString('base64url');

/** A TCP proxy to Postgres that counts the bytes the server sends. */
function countingProxy(target) {
  const counter = { bytes: 0 };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.on('data', (chunk) => {
      counter.bytes += chunk.length;
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, counter, server })),
  );
}

function stream(url, token) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ message: 'Tell me about Parley and its turn log' });
    const req = request(
      `${url}/api/chat/stream-new`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let tokens = 0;
        let tail = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          const text = tail + chunk;
          for (
            let index = text.indexOf('event: token');
            index !== -1;
            index = text.indexOf('event: token', index + 1)
          )
            tokens++;
          tail = text.slice(-12);
        });
        response.on('end', () => resolve(tokens));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(databaseUrl, batching, concurrency) {
  const target = new URL(databaseUrl);
  const proxy = await countingProxy(target);
  const viaProxy = new URL(databaseUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const database = await openDatabase({ url: viaProxy.toString(), poolSize: 20, migrate: false });
  let statements = 0;
  const counted = {
    ...database,
    db: database.db,
    query: (text, params) => {
      statements++;
      return database.query(text, params);
    },
    transaction: (work) => {
      statements++;
      return database.transaction(work);
    },
    listen: database.listen,
    close: database.close,
  };
  const app = createChatServer({
    database: counted,
    provider: createDemoProvider({ delayMs: DELAY_MS }),
    auth: { jwtSecret: secret },
    rateLimit: { newConversationsPerMinute: 1e9, messagesPerMinute: 1e9 },
    maxConcurrentStreamsPerUser: 1e9,
    turnLog: batching,
    logger: silentLogger,
  });
  const server = await listen(app, 0);
  const tokenFor = (user) => signToken({ sub: user, exp: Math.floor(Date.now() / 1000) + 3600 }, secret);
  // Warm the pool, then count only the answers.
  await stream(server.url, await tokenFor('warm'));
  const bytesBefore = proxy.counter.bytes;
  const statementsBefore = statements;
  const started = performance.now();
  const tokens = (
    await Promise.all(
      Array.from({ length: concurrency }, async (_, index) =>
        stream(server.url, await tokenFor(`user${index}`)),
      ),
    )
  ).reduce((sum, count) => sum + count, 0);
  const seconds = (performance.now() - started) / 1000;
  const bytes = proxy.counter.bytes - bytesBefore;
  const count = statements - statementsBefore;
  await app.shutdown();
  await server.close();
  await database.close();
  proxy.server.close();
  return {
    concurrency,
    ...batching,
    tokens,
    seconds: seconds.toFixed(1),
    statementsPerSecond: Math.round(count / seconds),
    statementsPerAnswer: (count / concurrency).toFixed(1),
    bytesPerToken: Math.round(bytes / tokens),
    tokensPerStatement: (tokens / count).toFixed(1),
  };
}

const name = `parley_bench_log_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
try {
  const migrated = await openDatabase({ url: url.toString() });
  await migrated.close();
  const rows = [];
  for (const batching of BATCHINGS) {
    for (const concurrency of CONCURRENCY) rows.push(await measure(url.toString(), batching, concurrency));
  }
  console.log(
    `turn log: demo model at ${1000 / DELAY_MS} tokens/s per answer; all statements of the answers counted`,
  );
  console.table(rows);
} finally {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
