import { EventSourceParserStream } from 'eventsource-parser/stream';
import { toChatError } from '../errors';
import type { StreamEvent } from '../protocol/events';
import type { TransportEvent } from '../transport/chat-transport';
import { decodeStreamEvent } from './decode-stream-event';

/**
 * Reads a `text/event-stream` body as validated protocol events:
 * bytes → `TextDecoderStream` → `EventSourceParserStream` → {@link decodeStreamEvent}.
 *
 * Comments (`: ping`) and unknown event types are skipped. A malformed known event throws a
 * `protocol_error`, a broken connection a `network_error`, an abort through `signal` `aborted`
 * (all {@link ChatError}). Leaving the loop early cancels the body, which closes the connection.
 *
 * @example
 * ```ts
 * for await (const event of readStreamEvents(response.body!, signal)) {
 *   if (event.type === 'token') process.stdout.write(event.content);
 * }
 * ```
 */
export async function* readStreamEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<StreamEvent, void, undefined> {
  for await (const { event } of readIdentifiedEvents(body, signal)) yield event;
}

/**
 * {@link readStreamEvents} with each event's SSE `id:`. `onActivity` is called for every chunk of
 * bytes, heartbeat comments included, so that a caller can tell a quiet stream from a dead one.
 */
export async function* readIdentifiedEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  onActivity?: () => void,
): AsyncGenerator<TransportEvent, void, undefined> {
  const watched = onActivity
    ? body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            onActivity();
            controller.enqueue(chunk);
          },
        }),
      )
    : body;
  // A reader loop rather than `for await` over the stream: Safari's ReadableStream is not async-iterable.
  const reader = watched
    // DOM typings declare the decoder's input as any BufferSource; bytes are one of them.
    .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  try {
    for (;;) {
      const result = await reader.read().catch((error: unknown) => {
        throw toChatError(error, signal);
      });
      if (result.done) return;
      const event = decodeStreamEvent(result.value);
      if (event) yield { event, id: result.value.id };
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
