import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: drizzle for typed queries, `query` for the few hot-path statements. */
export interface ChatDatabase {
  readonly db: Database;
  readonly driver: 'postgres' | 'pglite';
  /**
   * Runs one parameterised statement and returns its rows. When `signal` aborts, the statement
   * is cancelled if it still can be: the promise then rejects only if nothing was written, and
   * otherwise settles as the statement ended.
   */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /**
   * Runs `work` in one transaction; its `query` runs inside it. When `signal` aborts, the
   * running statement is cancelled and the transaction rolled back (unless it is committing).
   */
  transaction<T>(work: (query: Query) => Promise<T>, options?: QueryOptions): Promise<T>;
  /**
   * Calls `onNotify` with each NOTIFY payload on `channel`. Needs a session-level connection:
   * behind a transaction-pooling proxy notifications may never arrive (readers poll anyway).
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
  close(): Promise<void>;
}

export type Query = <Row = Record<string, unknown>>(
  text: string,
  params?: readonly unknown[],
) => Promise<Row[]>;

export interface QueryOptions {
  /** Cancels the statement (postgres.js sends a cancel request; PGlite drops it if not started). */
  signal?: AbortSignal;
}

export interface OpenDatabaseOptions {
  /** A Postgres connection string: postgres.js is used. */
  url?: string;
  /** Where PGlite keeps its files when no `url` is given; omitted → in memory. */
  dataDir?: string;
  /** Connections in the postgres.js pool. */
  poolSize?: number;
  /** Applies the committed migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * Opens the database and applies the committed migrations.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL });
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<ChatDatabase> {
  const database = options.url
    ? openPostgres(options.url, options.poolSize ?? 20)
    : await openPglite(options.dataDir);
  if (options.migrate !== false) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

type Opened = ChatDatabase & { migrate(): Promise<void> };

function openPostgres(url: string, max: number): Opened {
  const client = postgres(url, {
    max,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
    // Every statement has a deadline on the server side too: a stuck query can't pin a connection.
    connection: { statement_timeout: 10_000, idle_in_transaction_session_timeout: 10_000 },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    query: async <Row>(text: string, params: readonly unknown[] = [], options: QueryOptions = {}) => {
      const pending = client.unsafe(text, params as never[], { prepare: true });
      const { signal } = options;
      // A queued statement is dropped; a running one is cancelled by the server, which rolls
      // its implicit transaction back. One that already ended is not affected.
      const cancel = () => {
        Promise.resolve(pending.cancel() as unknown).catch(() => {});
      };
      if (signal?.aborted) cancel();
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        return (await pending) as unknown as Row[];
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
    transaction: async <T>(work: (query: Query) => Promise<T>, options: QueryOptions = {}) => {
      const { signal } = options;
      return (await client.begin(async (tx) => {
        const result = await work(async <Row>(text: string, params: readonly unknown[] = []) => {
          signal?.throwIfAborted();
          const pending = tx.unsafe(text, params as never[], { prepare: true });
          const cancel = () => {
            Promise.resolve(pending.cancel() as unknown).catch(() => {});
          };
          signal?.addEventListener('abort', cancel, { once: true });
          try {
            return (await pending) as unknown as Row[];
          } finally {
            signal?.removeEventListener('abort', cancel);
          }
        });
        // Past the deadline nothing may be committed: the caller has answered 503.
        signal?.throwIfAborted();
        return result;
      })) as T;
    },
    listen: async (channel, onNotify) => {
      const { unlisten } = await client.listen(channel, (payload) => onNotify(payload));
      return { unlisten };
    },
    close: () => client.end({ timeout: 5 }),
    migrate: async () => {
      await migratePostgres(db as never, { migrationsFolder: migrationsFolder() });
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Opened> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    query: <Row>(text: string, params: readonly unknown[] = [], options: QueryOptions = {}) =>
      options.signal
        ? cancellablePgliteQuery<Row>(client, text, params, options.signal)
        : client.query<Row>(text, params as unknown[]).then((result) => result.rows),
    transaction: (work, options = {}) =>
      client.transaction(async (tx) => {
        const { signal } = options;
        const result = await work(async <Row>(text: string, params: readonly unknown[] = []) => {
          signal?.throwIfAborted();
          return (await tx.query<Row>(text, params as unknown[])).rows;
        });
        signal?.throwIfAborted();
        return result;
      }),
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return { unlisten };
    },
    close: () => client.close(),
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    },
  };
}

/**
 * PGlite runs one statement at a time in this process and cannot interrupt one. What it can do
 * is not start a statement whose deadline passed while it waited for its turn (behind a
 * transaction, say): the statement runs in a transaction whose callback, called when its turn
 * comes, checks the signal first. Aborted before that, the query rejects at once and never
 * runs; aborted later, it settles as the statement ends.
 */
function cancellablePgliteQuery<Row>(
  client: PGlite,
  text: string,
  params: readonly unknown[],
  signal: AbortSignal,
): Promise<Row[]> {
  return new Promise<Row[]>((resolve, reject) => {
    let started = false;
    const onAbort = () => {
      if (!started) reject(signal.reason);
    };
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    client
      .transaction(async (transaction) => {
        if (signal.aborted) return undefined;
        started = true;
        return (await transaction.query<Row>(text, params as unknown[])).rows;
      })
      .then((rows) => (rows ? resolve(rows) : reject(signal.reason)), reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The committed migrations sit beside `src/` and `dist/`; this module may be bundled into either. */
function migrationsFolder(): string {
  for (const relative of ['../drizzle', '../../drizzle']) {
    const folder = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${folder}/meta/_journal.json`)) return folder;
  }
  throw new Error('The migrations folder (drizzle/) was not found beside the server package.');
}
