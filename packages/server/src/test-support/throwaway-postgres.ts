import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A Postgres cluster of a test's own (initdb in a temp folder, its own port), to kill and pause. */
export interface ThrowawayPostgres {
  url: string;
  /** SIGSTOP to every process of the cluster: connections stay open and nothing answers. */
  pause(): void;
  resume(): void;
  /** SIGKILL to the postmaster and its children. */
  kill(): Promise<void>;
  /** Starts it again on the same folder and port (after a kill: crash recovery). */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  const data = join(directory, 'data');
  const root = process.getuid?.() === 0;
  if (root) chownSync(directory, uid('postgres'), gid('postgres'));
  const run = (command: string, args: string[]) =>
    root ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args]) : execFileSync(command, args);
  run(`${BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const start = async () => {
    const args = [
      '-D',
      data,
      '-l',
      join(directory, 'log'),
      '-o',
      `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      'start',
    ];
    run(`${BIN}/pg_ctl`, args);
  };
  await start();
  const cluster = () => {
    const pid = postmasterPid();
    return [pid, ...childrenOf(pid)];
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pause: () => {
      for (const pid of cluster()) process.kill(pid, 'SIGSTOP');
    },
    resume: () => {
      for (const pid of cluster()) process.kill(pid, 'SIGCONT');
    },
    kill: async () => {
      const pids = cluster();
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await waitUntil(() => pids.every((pid) => !alive(pid)));
    },
    start,
    destroy: async () => {
      try {
        for (const pid of cluster()) process.kill(pid, 'SIGCONT');
        run(`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // Already down.
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return children;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
}
