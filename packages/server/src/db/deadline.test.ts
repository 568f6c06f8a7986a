import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error';
import { EMPTY_SESSIONS_SQL } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';
import { ConversationRepository } from './conversation-repository';
import { newId } from './ids';

const conversation = (userId: string) => ({
  sessionId: newId(),
  userId,
  modelId: null,
  title: 'New conversation',
  idempotencyKey: null,
  userMessageId: newId(),
  message: 'hello',
  assistantMessageId: newId(),
});

/** The repository's answer, or the ApiError it threw. */
const outcome = (work: Promise<unknown>) =>
  work.then(
    () => 'written',
    (error: unknown) => (ApiError.isInstance(error) ? `${error.status} ${error.code}` : String(error)),
  );

async function countRows(server: TestServer, userId: string) {
  const [row] = await server.query<{ sessions: string; messages: string; empty: string }>(
    `SELECT (SELECT COUNT(*) FROM chat_sessions WHERE user_id = $1) AS sessions,
            (SELECT COUNT(*) FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
              WHERE s.user_id = $1) AS messages,
            (${EMPTY_SESSIONS_SQL}) AS empty`,
    [userId],
  );
  return { sessions: Number(row!.sessions), messages: Number(row!.messages), empty: Number(row!.empty) };
}

describe.skipIf(!process.env.DATABASE_URL)('a write past its deadline on postgres', () => {
  let server: TestServer;
  let locker: postgres.Sql;
  beforeAll(async () => {
    server = await startTestServer({ database: 'postgres' });
    const [{ name }] = (await server.query<{ name: string }>('SELECT current_database() AS name')) as [
      { name: string },
    ];
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    locker = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await locker?.end();
    await server?.close();
  });

  it('answers 503 and writes nothing, even once the lock that held it is released', async () => {
    const repository = new ConversationRepository(server.database, { deadlineMs: 100 });
    const held = await locker.reserve();
    try {
      await held.unsafe('BEGIN');
      await held.unsafe('LOCK TABLE chat_sessions IN ACCESS EXCLUSIVE MODE');
      // The create waits on the lock until its deadline: the lock is held until it answered.
      expect(await outcome(repository.createConversation(conversation('locked-out')))).toBe(
        '503 database_unavailable',
      );
      await held.unsafe('COMMIT');
      // Queue behind anything still waiting for that lock: once this one is granted, a create
      // that was not cancelled would have committed.
      await held.unsafe('BEGIN');
      await held.unsafe('LOCK TABLE chat_sessions IN ACCESS EXCLUSIVE MODE');
      await held.unsafe('COMMIT');
    } finally {
      held.release();
    }
    expect(await countRows(server, 'locked-out')).toEqual({ sessions: 0, messages: 0, empty: 0 });
    // The pool is fine afterwards: the next create goes through.
    expect(await outcome(repository.createConversation(conversation('locked-out')))).toBe('written');
    expect(await countRows(server, 'locked-out')).toEqual({ sessions: 1, messages: 2, empty: 0 });
  });
});

describe('a write past its deadline on pglite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: 'pglite' });
  });
  afterAll(() => server?.close());

  it('is dropped, never run, when its deadline passes while it waits for its turn', async () => {
    const repository = new ConversationRepository(server.database, { deadlineMs: 100 });
    // PGlite runs one thing at a time: an open transaction holds every other statement back.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const holding = server.database.db.transaction(async () => {
      inside();
      await gate;
    });
    await entered;
    expect(await outcome(repository.createConversation(conversation('queued')))).toBe(
      '503 database_unavailable',
    );
    release();
    await holding;
    expect(await countRows(server, 'queued')).toEqual({ sessions: 0, messages: 0, empty: 0 });
    expect(await outcome(repository.createConversation(conversation('queued')))).toBe('written');
    expect(await countRows(server, 'queued')).toEqual({ sessions: 1, messages: 2, empty: 0 });
  });
});
