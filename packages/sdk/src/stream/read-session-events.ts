import { EventSourceParserStream } from 'eventsource-parser/stream';
import { toChatError } from '../errors';
import { parseJson } from '../parse-json';
import { sessionSchema } from '../protocol/resources';
import type { SessionEvent } from '../transport/chat-transport';
import * as z from 'zod/mini';

const upsertSchema = z.object({ session: sessionSchema });
const removeSchema = z.object({ session_id: z.string() });

/**
 * Reads `GET /api/chat/events`: every event carrying a `session` is that session's new state
 * (created, titled, renamed, its answer's status), and `session_deleted` carries a `session_id`.
 * Other events are skipped, so that a newer server may add some.
 */
export async function* readSessionEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<SessionEvent, void, undefined> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  try {
    for (;;) {
      const result = await reader.read().catch((error: unknown) => {
        throw toChatError(error, signal);
      });
      if (result.done) return;
      const { data, event, id } = result.value;
      if (event === 'session_deleted') {
        const removed = parseJson(data, removeSchema);
        if (removed) yield { type: 'remove', sessionId: removed.session_id, id };
        continue;
      }
      const changed = parseJson(data, upsertSchema);
      if (changed) yield { type: 'upsert', session: changed.session, id };
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
