// Parley's benchmark: the DESIGN.md targets, each with a baseline measured in the same run.
// Needs a Postgres (DATABASE_URL, default the local one) and `npm run build` done before.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import postgres from 'postgres';
import { openDatabase, signToken } from '@parley/server';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const quick = process.argv.includes('--quick');
/** `--streams`: only the open-streams measurement. */
const streamsOnly = process.argv.includes('--streams');
const LATENCY_REQUESTS = quick ? 200 : 500;
const TURNS = quick ? 1000 : 4000;
const CONCURRENCY = 64;
const OPEN_STREAMS = Number(process.env.BENCH_STREAMS ?? (quick ? 1000 : 4000));
const secret = randomBytes(32).toString('base64url');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value) => `${value.toFixed(2)} ms`;
const tokenFor = (user) => signToken({ sub: user, exp: Math.floor(Date.now() / 1000) + 3600 }, secret);

async function freshDatabase() {
  const name = `parley_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const migrated = await openDatabase({ url: url.toString() });
  await migrated.close();
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function startChild(env) {
  const child = fork(new URL('./server-process.js', import.meta.url), [], {
    env: { ...process.env, ...env, BENCH_SECRET: secret },
    execArgv: ['--expose-gc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', ({ url }) => {
      const ask = (message) =>
        new Promise((done) => {
          child.once('message', done);
          child.send(message);
        });
      resolve({ url, stats: () => ask('stats'), gc: () => ask('gc'), stop: () => child.kill() });
    });
  });
}

/** POSTs a stream; resolves timings: first event (session_created) and end, plus token count. */
function stream(url, agent, token, message, { onFirst } = {}) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ message });
    const started = performance.now();
    let first;
    let tokens = 0;
    let tail = '';
    const req = request(
      `${url}/api/chat/stream-new`,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'Idempotency-Key': randomBytes(8).toString('hex'),
        },
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`status ${response.statusCode}`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          if (first === undefined && chunk.includes('\n\n')) {
            first = performance.now() - started;
            onFirst?.(req);
          }
          const text = tail + chunk;
          let index = text.indexOf('event: token');
          while (index !== -1) {
            tokens++;
            index = text.indexOf('event: token', index + 1);
          }
          tail = text.slice(-12);
        });
        response.on('end', () => resolve({ first, total: performance.now() - started, tokens }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function bareTransaction(url) {
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const times = [];
  for (let index = 0; index < LATENCY_REQUESTS + 50; index++) {
    const id = randomBytes(8).toString('hex');
    const started = performance.now();
    await sql.begin(async (tx) => {
      await tx`UPDATE chat_sessions SET is_active = false WHERE user_id = 'bare' AND model_id IS NULL AND is_active`;
      await tx`INSERT INTO chat_sessions (id, user_id) VALUES (${id}, 'bare')`;
      await tx`INSERT INTO chat_messages (id, session_id, role, content) VALUES (${`${id}u`}, ${id}, 'user', 'Hello AI')`;
      await tx`INSERT INTO chat_messages (id, session_id, role, content, status) VALUES (${`${id}a`}, ${id}, 'assistant', '', 'streaming')`;
    });
    if (index >= 50) times.push(performance.now() - started);
  }
  await sql.end();
  return times;
}

async function latency(server) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const token = tokenFor('latency');
  const times = [];
  for (let index = 0; index < LATENCY_REQUESTS + 30; index++) {
    const { first } = await stream(server.url, agent, token, 'Hello AI');
    if (index >= 30) times.push(first);
  }
  agent.destroy();
  return times;
}

async function throughput(server, turns) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const users = Array.from({ length: 256 }, (_, index) => tokenFor(`load_${index}`));
  let next = 0;
  let tokens = 0;
  const before = await server.stats();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < turns) {
        const index = next++;
        const result = await stream(server.url, agent, users[index % users.length], `Turn ${index}`);
        tokens += result.tokens;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await server.stats();
  agent.destroy();
  const cpuMicros = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  return { perSecond: turns / seconds, tokens, cpuPerToken: cpuMicros / tokens };
}

async function openStreams(server, count) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  await server.gc();
  const before = await server.stats();
  const requests = [];
  let opened = 0;
  let failed = 0;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${opened} of ${count} streams opened (${failed} failed)`)),
      120_000,
    );
    const settle = () => {
      if (opened + failed === count) {
        clearTimeout(timer);
        resolve();
      }
    };
    // Opened in waves, as clients arrive, not as one burst that overflows the listen backlog.
    let index = 0;
    const wave = () => {
      for (const end = Math.min(count, index + 200); index < end; index++) {
        stream(server.url, agent, tokenFor(`open_${index}`), 'keep me open', {
          onFirst: (req) => {
            requests.push(req);
            opened++;
            settle();
          },
        }).catch(() => {
          failed++;
          settle();
        });
      }
      if (index < count) setTimeout(wave, 50);
    };
    wave();
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await server.gc();
  const after = await server.stats();
  for (const req of requests) req.destroy();
  agent.destroy();
  return {
    kilobytes: (after.rss - before.rss) / opened / 1024,
    heapKilobytes: (after.heap - before.heap) / opened / 1024,
    opened,
    failed,
  };
}

const database = await freshDatabase();
const rows = [];
const report = (what, value, note = '') => {
  rows.push({ what, value, note });
  console.log(`${what.padEnd(58)} ${value.padStart(14)}  ${note}`);
};
try {
  console.log(`Parley benchmark — ${quick ? 'quick' : 'full'} run, Postgres at ${new URL(adminUrl).host}\n`);
  if (!streamsOnly) await latencyAndLoad();
  await memoryPerStream();
} finally {
  await database.drop();
}

async function latencyAndLoad() {
  const bare = await bareTransaction(database.url);
  const parley = await startChild({ BENCH_MODE: 'parley', DATABASE_URL: database.url, BENCH_DELAY_MS: '0' });
  const times = await latency(parley);
  const p50 = percentile(times, 50);
  report('request → session_created p50 (sequential)', ms(p50), `n=${times.length}`);
  report('request → session_created p99', ms(percentile(times, 99)));
  report('bare postgres.js transaction, same inserts, p50', ms(percentile(bare, 50)), `n=${bare.length}`);
  report('ratio to the bare transaction (target ≤ 2×)', `${(p50 / percentile(bare, 50)).toFixed(2)}×`);

  const load = await throughput(parley, TURNS);
  report(
    `whole turns per second at concurrency ${CONCURRENCY}`,
    load.perSecond.toFixed(0),
    `${TURNS} turns, target ≥ 1000/s`,
  );
  parley.stop();

  const tokensPerTurn = Math.round(load.tokens / TURNS);
  const plain = await startChild({
    BENCH_MODE: 'plain',
    BENCH_DELAY_MS: '0',
    BENCH_TOKENS: String(tokensPerTurn),
  });
  const baseline = await throughput(plain, TURNS);
  report(
    'server CPU per streamed token, Parley',
    `${load.cpuPerToken.toFixed(2)} µs`,
    'whole turn incl. database and title',
  );
  report(
    'server CPU per streamed token, plain node:http',
    `${baseline.cpuPerToken.toFixed(2)} µs`,
    `${tokensPerTurn} tokens a stream`,
  );
  report('ratio (target ≤ 1.5×)', `${(load.cpuPerToken / baseline.cpuPerToken).toFixed(2)}×`);
  plain.stop();
}

async function memoryPerStream() {
  const slowParley = await startChild({
    BENCH_MODE: 'parley',
    DATABASE_URL: database.url,
    BENCH_DELAY_MS: '1000',
  });
  const parley = await openStreams(slowParley, OPEN_STREAMS);
  slowParley.stop();
  const slowPlain = await startChild({ BENCH_MODE: 'plain', BENCH_DELAY_MS: '1000', BENCH_TOKENS: '1000' });
  const plain = await openStreams(slowPlain, OPEN_STREAMS);
  slowPlain.stop();
  const failures = parley.failed ? `, ${parley.failed} failed to open` : '';
  report(
    `RSS per open stream at 1 token/s, Parley (${parley.opened} open)`,
    `${parley.kilobytes.toFixed(1)} KB`,
    `target ≤ 24 KB${failures}`,
  );
  report('  of which JavaScript heap', `${parley.heapKilobytes.toFixed(1)} KB`);
  report(`RSS per open stream, plain node:http (${plain.opened} open)`, `${plain.kilobytes.toFixed(1)} KB`);
  report('  of which JavaScript heap', `${plain.heapKilobytes.toFixed(1)} KB`);
}
