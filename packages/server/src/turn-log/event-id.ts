/**
 * An SSE event id is the event's position in its answer's log: `<messageId>:<seq>`. The same
 * event has the same id on every connection and instance; `:0` is `session_created`.
 */
export function eventId(messageId: string, seq: number): string {
  return `${messageId}:${seq}`;
}

/** The answer and position a `Last-Event-ID` names, or undefined when it is not one of ours. */
export function parseEventId(value: string | undefined): { messageId: string; seq: number } | undefined {
  if (!value) return undefined;
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const seq = Number(value.slice(colon + 1));
  if (!Number.isSafeInteger(seq) || seq < 0) return undefined;
  return { messageId: value.slice(0, colon), seq };
}
