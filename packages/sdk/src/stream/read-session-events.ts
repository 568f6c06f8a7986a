import { EventSourceParserStream } from 'eventsource-parser/stream';
import { toChatError } from '../errors';
import { parseJson } from '../parse-json';
import { sessionSchema } from '../protocol/resources';
import type { SessionEvent } from '../transport/chat-transport';
import * as z from 'zod/mini';

const upsertSchema = z.object({ session: sessionSchema });
const removeSchema = z.object({ session_id: z.string() });
const createdSchema = z.object({
  session_id: z.string(),
  model_id: z.nullable(z.string()),
  title: z.string(),
});
const titledSchema = z.object({ session_id: z.string(), title: z.string() });

/**
 * Reads `GET /api/chat/events`: `session_created` (`{session_id, model_id, title}`),
 * `session_titled` and `session_renamed` (`{session_id, title}`), `session_deleted`
 * (`{session_id}`), and any event carrying a whole `session`. Other events (`answer_status`, and
 * whatever a newer server adds) are skipped.
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
      if (event === 'session_created') {
        const created = parseJson(data, createdSchema);
        const now = new Date().toISOString();
        if (created) {
          const { session_id, model_id, title } = created;
          const session = {
            id: session_id,
            model_id,
            title,
            is_active: true,
            created_at: now,
            updated_at: now,
          };
          yield { type: 'upsert', session, id };
        }
        continue;
      }
      if (event === 'session_titled' || event === 'session_renamed') {
        const titled = parseJson(data, titledSchema);
        if (titled)
          yield { type: 'update', sessionId: titled.session_id, changes: { title: titled.title }, id };
        continue;
      }
      const changed = parseJson(data, upsertSchema);
      if (changed) yield { type: 'upsert', session: changed.session, id };
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
