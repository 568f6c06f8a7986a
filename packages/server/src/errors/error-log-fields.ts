import { ApiError } from './api-error';

/** What a log line may say about a failure. */
export type ErrorLogFields = {
  /** The stable code the client was answered with (`database_unavailable`…). */
  code?: string;
  /** The innermost error's class (`PostgresError`, `TypeError`…). */
  error: string;
  /** SQLSTATE (`23505`, `42P01`…) or a driver or system code (`CONNECTION_CLOSED`, `ECONNREFUSED`). */
  error_code?: string;
  /** The statement that failed, as kind and tables (`insert chat_sessions, chat_messages`). */
  statement?: string;
  constraint?: string;
  table?: string;
  /** Only for errors that are not the database's: theirs may quote values. */
  error_message?: string;
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The fields to log for an error, without anything a query was given. postgres.js, PGlite and
 * drizzle errors carry the statement's parameters (titles, user ids, idempotency keys, messages)
 * and their messages and details quote values (`Key (id)=(…)`, `invalid input syntax: "…"`), so
 * of a database error only its code, its constraint and table and the statement's shape are kept.
 */
export function errorLogFields(error: unknown): ErrorLogFields {
  const fields: ErrorLogFields = { error: 'unknown' };
  let database = false;
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (ApiError.isInstance(current)) fields.code ??= current.code;
    const value = current as Record<string, unknown>;
    fields.error = current instanceof Error ? current.name : typeof current;
    if (isDatabaseError(value)) {
      database = true;
      if (typeof value.query === 'string') fields.statement ??= statementShape(value.query);
      const constraint = value.constraint_name ?? value.constraint;
      const table = value.table_name ?? value.table;
      if (typeof constraint === 'string') fields.constraint = constraint;
      if (typeof table === 'string') fields.table = table;
    }
    if (typeof value.code === 'string' && !ApiError.isInstance(current)) fields.error_code = value.code;
    if (!(current instanceof Error)) break;
    current = current.cause;
  }
  const innermost = current instanceof Error ? current : undefined;
  if (!database && innermost && !ApiError.isInstance(innermost)) {
    fields.error_message = innermost.message.slice(0, 300);
  }
  return fields;
}

function isDatabaseError(value: Record<string, unknown>): boolean {
  return (
    typeof value.query === 'string' ||
    'parameters' in value ||
    'params' in value ||
    (typeof value.severity === 'string' && typeof value.code === 'string' && SQLSTATE.test(value.code)) ||
    value.name === 'PostgresError' ||
    value.name === 'DrizzleQueryError'
  );
}

/** `insert chat_sessions, chat_messages`: the statement's first keyword and the tables it names. */
export function statementShape(query: string): string {
  const text = query.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  const kind = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'statement';
  const named = new Set([...text.matchAll(/\b([A-Za-z_]\w*)\s+as\s*\(/gi)].map((match) => match[1]!));
  const tables = new Set<string>();
  // A name after `from` followed by `(` is a function (`from now()`); `do update set` names none.
  const references =
    /\b(?:(?:into|update)\s+("?)([A-Za-z_][\w.]*)\1|(?:from|join)\s+("?)([A-Za-z_][\w.]*)\3(?![\w.(]|\s*\())/gi;
  for (const match of text.matchAll(references)) {
    const name = match[2] ?? match[4]!;
    if (name.toLowerCase() !== 'set' && !named.has(name)) tables.add(name);
  }
  return tables.size ? `${kind} ${[...tables].slice(0, 4).join(', ')}` : kind;
}
