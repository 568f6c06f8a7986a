import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SESSIONS_SQL, testDrivers } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';

describe.each(testDrivers())('the database refuses a session without a message on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: driver });
  });
  afterAll(() => server?.close());

  const transaction = async (statements: string[]) => {
    // One multi-statement string: a single round trip, so BEGIN…COMMIT run on one connection.
    const script = ['BEGIN', ...statements, 'COMMIT'].join(';\n');
    if (server.driver === 'pglite') {
      const client = (
        server.database as unknown as { db: { $client: { exec(sql: string): Promise<unknown> } } }
      ).db.$client;
      try {
        await client.exec(script);
      } catch (error) {
        await client.exec('ROLLBACK').catch(() => {});
        throw error;
      }
    } else {
      type Sql = {
        begin(work: (tx: { unsafe(sql: string): Promise<unknown> }) => Promise<void>): Promise<void>;
      };
      const client = (server.database as unknown as { db: { $client: Sql } }).db.$client;
      await client.begin(async (tx) => {
        for (const statement of statements) await tx.unsafe(statement);
      });
    }
  };

  it('refuses to commit a session inserted alone', async () => {
    await expect(
      transaction(["INSERT INTO chat_sessions (id, user_id) VALUES ('lonely', 'u1')"]),
    ).rejects.toThrow(/has no message/);
    expect(await server.query("SELECT id FROM chat_sessions WHERE id = 'lonely'")).toEqual([]);
  });

  it('commits a session inserted with its first message in the same transaction', async () => {
    await transaction([
      "INSERT INTO chat_sessions (id, user_id) VALUES ('paired', 'u1')",
      "INSERT INTO chat_messages (id, session_id, role, content) VALUES ('paired-m1', 'paired', 'user', 'hi')",
    ]);
    expect(await server.query("SELECT id FROM chat_sessions WHERE id = 'paired'")).toEqual([
      { id: 'paired' },
    ]);
  });

  it("refuses to delete a session's last message, but deleting the session cascades", async () => {
    await expect(transaction(["DELETE FROM chat_messages WHERE session_id = 'paired'"])).rejects.toThrow(
      /has no message/,
    );
    expect(await server.query("SELECT id FROM chat_messages WHERE session_id = 'paired'")).toHaveLength(1);
    await transaction(["DELETE FROM chat_sessions WHERE id = 'paired'"]);
    expect(await server.query("SELECT id FROM chat_messages WHERE session_id = 'paired'")).toEqual([]);
    expect(Number((await server.query<{ count: string }>(EMPTY_SESSIONS_SQL))[0]!.count)).toBe(0);
  });
});
