import { type ChatDatabase, openDatabase } from '../db/open-database';

// Starting PGlite (the WebAssembly Postgres) and migrating it takes seconds, and far longer on a
// busy machine; emptying one takes milliseconds. So a test process keeps its migrated instances
// and lends each to one test server at a time, emptied before it is lent again.
const idle: ChatDatabase[] = [];

/** A migrated, empty in-memory PGlite; `close()` gives it back instead of closing it. */
export async function borrowPglite(): Promise<ChatDatabase> {
  const reused = idle.pop();
  const database = reused ?? (await openDatabase({}));
  if (reused) await empty(database);
  let returned = false;
  return {
    ...database,
    close: async () => {
      if (returned) return;
      returned = true;
      idle.push(database);
    },
  };
}

/** Removes every row of the application's tables, keeping the schema and its migrations. */
async function empty(database: ChatDatabase): Promise<void> {
  const tables = await database.query<{ name: string }>(
    "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public'",
  );
  if (tables.length === 0) return;
  await database.query(`TRUNCATE ${tables.map((table) => table.name).join(', ')} RESTART IDENTITY CASCADE`);
}
