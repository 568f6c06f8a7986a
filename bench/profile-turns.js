// Profiles whole turns: runs the server in a child (PROF=1 writes a CPU profile to /tmp/sprof)
// and prints turns per second and server CPU per turn. For looking into the hot path.
import { fork } from 'node:child_process';
import { request, Agent } from 'node:http';
import { signToken } from '@parley/server';
const secret = 'x'.repeat(40);
const child = fork(new URL('./server-process.js', import.meta.url), [], {
  env: { ...process.env, BENCH_SECRET: secret },
  execArgv: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/sprof'] : [],
});
const { url } = await new Promise((r) => child.once('message', r));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const one = (i) =>
  new Promise((resolve) => {
    const token = signToken({ sub: 'u' + (i % 200) }, secret);
    const body = JSON.stringify({ message: 'hi ' + i });
    const req = request(
      `${url}/api/chat/stream-new`,
      {
        agent,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.end(body);
  });
let next = 0;
const N = Number(process.env.N ?? 1500);
const ask = (m) =>
  new Promise((r) => {
    child.once('message', r);
    child.send(m);
  });
const before = await ask('stats');
const t = performance.now();
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (next < N) {
      await one(next++);
    }
  }),
);
console.log('turns/s', (N / ((performance.now() - t) / 1000)).toFixed(0), 'client cpu', process.cpuUsage());
const after = await ask('stats');
console.log(
  'server cpu µs per turn',
  ((after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / N).toFixed(0),
);
child.send('exit');
await new Promise((r) => child.once('exit', r));
process.exit(0);
