// A server under measurement, in its own process so its memory and CPU are its own.
// BENCH_MODE=parley: the real Parley server on DATABASE_URL (already migrated).
// BENCH_MODE=plain: a bare node:http SSE server writing the same frames, the baseline.
import { createServer } from 'node:http';
import { writeHeapSnapshot } from 'node:v8';
import { createChatServer, createDemoProvider, listen, openDatabase, silentLogger } from '@parley/server';

const mode = process.env.BENCH_MODE ?? 'parley';
const delayMs = Number(process.env.BENCH_DELAY_MS ?? 0);
const tokens = Number(process.env.BENCH_TOKENS ?? 100);

async function startParley() {
  const database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 20, migrate: false });
  const app = createChatServer({
    database,
    provider: createDemoProvider({ delayMs }),
    auth: { jwtSecret: process.env.BENCH_SECRET },
    rateLimit: { newConversationsPerMinute: 1e9, messagesPerMinute: 1e9 },
    maxConcurrentStreamsPerUser: 1e9,
    logger: silentLogger,
  });
  return (await listen(app, 0)).url;
}

function startPlain() {
  const frame = (id, event) => `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      JSON.parse(body);
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      let id = 1;
      response.write(
        frame(id++, { type: 'session_created', session_id: 'x', model_id: null, title: 'New conversation' }),
      );
      let sent = 0;
      const next = () => {
        if (response.destroyed) return;
        if (sent++ < tokens) {
          response.write(
            `id: ${id++}\nevent: token\ndata: {"type":"token","content":${JSON.stringify('word ')}}\n\n`,
          );
          if (delayMs > 0) setTimeout(next, delayMs);
          else if (sent % 16 === 0) setImmediate(next);
          else next();
        } else {
          response.end(frame(id++, { type: 'done', message_id: 'm', finish_reason: 'stop' }));
        }
      };
      next();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

const url = mode === 'plain' ? await startPlain() : await startParley();
process.on('message', (message) => {
  if (message === 'exit') process.exit(0);
  if (message === 'snapshot') process.send({ file: writeHeapSnapshot('/tmp/parley-bench.heapsnapshot') });
  if (message === 'stats') {
    const memory = process.memoryUsage();
    process.send({ rss: memory.rss, heap: memory.heapUsed, cpu: process.cpuUsage() });
  }
  if (message === 'gc' && global.gc) {
    global.gc();
    process.send({ gc: true });
  }
});
process.send({ url });
