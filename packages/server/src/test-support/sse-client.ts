import { EventSourceParserStream } from 'eventsource-parser/stream';

/** An SSE message as read off the wire, with its JSON data parsed. */
export interface WireEvent {
  id: string | undefined;
  event: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: tests read any field of any event
  data: any;
}

export interface StreamRequest {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** POST by default; GET for the resume endpoint. */
  method?: 'GET' | 'POST';
}

/** Opens a stream endpoint (POST unless told); the events are read lazily from `events`. */
export async function openStream(url: string, request: StreamRequest = {}) {
  const response = await fetch(url, {
    method: request.method ?? 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
      ...request.headers,
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
  });
  async function* events(): AsyncGenerator<WireEvent> {
    if (!response.body) return;
    const reader = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream())
      .getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield { id: value.id, event: value.event, data: JSON.parse(value.data) };
    }
  }
  return { response, events: events() };
}

/** POSTs and reads the whole stream (or the JSON error). */
export async function readStream(url: string, request: StreamRequest = {}) {
  const { response, events } = await openStream(url, request);
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return {
      response,
      events: [] as WireEvent[],
      error: (await response.json()) as { error: { code: string; message: string } },
    };
  }
  const all: WireEvent[] = [];
  for await (const event of events) all.push(event);
  return { response, events: all, error: undefined };
}

/** The seed's own verification SQL: sessions without any message. Must always be 0. */
export const EMPTY_SESSIONS_SQL =
  'SELECT COUNT(*) FROM chat_sessions WHERE id NOT IN (SELECT DISTINCT session_id FROM chat_messages)';

/** Drivers the suite runs on: PGlite always, Postgres when DATABASE_URL is set. */
export function testDrivers(): ('pglite' | 'postgres')[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}
