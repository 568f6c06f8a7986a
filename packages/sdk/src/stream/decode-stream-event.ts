import type { EventSourceMessage } from 'eventsource-parser/stream';
import { ChatError } from '../errors';
import { type StreamEvent, type StreamEventType, streamEventSchemas } from '../protocol/events';

/**
 * Validates one SSE message against the protocol. Returns `undefined` for a type this version
 * does not know (newer servers may add some), and throws a `protocol_error` {@link ChatError} for a
 * known type whose data does not match its schema.
 */
export function decodeStreamEvent(message: EventSourceMessage): StreamEvent | undefined {
  let data: { type?: unknown } | undefined;
  try {
    data = JSON.parse(message.data);
  } catch {
    // Not JSON: the schema check below rejects it if the type is one we know.
  }
  // The SSE `event:` field names the type; the JSON `type` is the fallback for a bare `data:` line.
  const type = message.event ?? data?.type;
  if (typeof type !== 'string' || !Object.hasOwn(streamEventSchemas, type)) return undefined;
  // One schema per type rather than the discriminated union: the same checks, a smaller bundle.
  const result = streamEventSchemas[type as StreamEventType].safeParse(data);
  if (!result.success) {
    throw new ChatError({
      code: 'protocol_error',
      message: `Malformed "${type}" event: check that the server and SDK versions match.`,
      cause: result.error,
    });
  }
  return result.data;
}
