import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../logger';
import { readStream, testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';
import { statementShape } from './error-log-fields';

describe.each(testDrivers())('a failed query in the log (%s)', (driver) => {
  let server: TestServer;
  const lines: string[] = [];
  // Started in a hook: this server's tables are dropped by the test, so it is this block's alone.
  beforeAll(async () => {
    server = await startTestServer({
      database: driver,
      logger: createJsonLogger((line) => lines.push(line)),
    });
  });
  afterAll(() => server?.close());

  it('says the code and what was being done, never the parameters', async () => {
    const userId = 'user-secret-1a2b';
    const token = await server.token(userId);
    const created = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'first-message-secret-3c4d' },
    });
    const sessionId = created.events[0]!.data.session_id as string;

    // A constraint violation: Postgres's detail quotes the whole failing row.
    await server.query(
      "ALTER TABLE chat_sessions ADD CONSTRAINT no_secret_titles CHECK (session_title NOT LIKE 'title-secret%')",
    );
    const renamed = await fetch(`${server.url}/api/chat/sessions/${sessionId}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'title-secret-5e6f' }),
    });
    expect(renamed.status).toBe(503);

    // A missing table, on the statement that carries the message and the Idempotency-Key.
    await server.query('DROP TABLE chat_messages CASCADE');
    const failed = await readStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'second-message-secret-7a8b' },
      headers: { 'Idempotency-Key': 'idempotency-secret-9c0d' },
    });
    expect(failed.response.status).toBe(503);

    const log = lines.join('');
    for (const secret of [
      userId,
      sessionId,
      'title-secret-5e6f',
      'second-message-secret-7a8b',
      'idempotency-secret-9c0d',
      'first-message-secret-3c4d',
      token,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    const errors = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'error');
    expect(errors).toContainEqual(
      expect.objectContaining({
        message: 'request failed',
        method: 'PATCH',
        route: '/api/chat/sessions/:id',
        code: 'database_unavailable',
        error_code: '23514',
        constraint: 'no_secret_titles',
        statement: 'update chat_sessions',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        message: 'request failed',
        method: 'POST',
        route: '/api/chat/stream-new',
        code: 'database_unavailable',
        error_code: '42P01',
        statement: expect.stringMatching(/^with chat_sessions.*chat_messages/),
      }),
    );
  });
});

describe('statementShape', () => {
  it('names the kind of statement and its tables, never its values or functions', () => {
    expect(statementShape('update "chat_sessions" set "session_title" = $1 where "id" = $2')).toBe(
      'update chat_sessions',
    );
    expect(
      statementShape(
        "INSERT INTO rate_limits (key) VALUES ('x-secret') ON CONFLICT (key) DO UPDATE SET n = 1 -- from secret",
      ),
    ).toBe('insert rate_limits');
    expect(
      statementShape('SELECT extract(epoch from now()) FROM chat_messages m JOIN chat_sessions s ON true'),
    ).toBe('select chat_messages, chat_sessions');
  });
});
