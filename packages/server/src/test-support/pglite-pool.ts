import { type ChatDatabase, openDatabase } from '../db/open-database';

// Starting PGlite (the WebAssembly Postgres) and migrating it takes seconds, and far longer on a
// busy machine; emptying one takes milliseconds. So a test process keeps its migrated instances
// and lends each to one test server at a time, emptied before it is lent again. A test that
// changed the schema (dropped a table, added a constraint) leaves an instance that is closed
// instead of lent again.
const idle: ChatDatabase[] = [];
let migratedSchema: string | undefined;

/** A migrated, empty in-memory PGlite; `close()` gives it back instead of closing it. */
export async function borrowPglite(): Promise<ChatDatabase> {
  const database = (await reusable()) ?? (await openDatabase({}));
  migratedSchema ??= await schemaOf(database);
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

async function reusable(): Promise<ChatDatabase | undefined> {
  for (let database = idle.pop(); database; database = idle.pop()) {
    if ((await schemaOf(database)) === migratedSchema) {
      await empty(database);
      return database;
    }
    await database.close();
  }
  return undefined;
}

/** Removes every row of the application's tables, keeping the schema and its migrations. */
async function empty(database: ChatDatabase): Promise<void> {
  const tables = await database.query<{ name: string }>(
    "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public'",
  );
  if (tables.length === 0) return;
  await database.query(`TRUNCATE ${tables.map((table) => table.name).join(', ')} RESTART IDENTITY CASCADE`);
}

/** A digest of the public schema: its columns, constraints, indexes, triggers and functions. */
async function schemaOf(database: ChatDatabase): Promise<string> {
  const [row] = await database.query<{ digest: string }>(`
    SELECT md5(coalesce(string_agg(item, ',' ORDER BY item), '')) AS digest FROM (
      SELECT table_name || '.' || column_name || ':' || data_type || ':' || coalesce(column_default, '') || is_nullable AS item
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT conname || ':' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT tgname || ':' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    ) AS items`);
  return row!.digest;
}
