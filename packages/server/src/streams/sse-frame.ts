import type { StreamEvent } from '@parley/sdk/protocol';

/**
 * One SSE message: `id:` (when given), `event:` (the type) and `data:` (the JSON, which carries
 * the type too).
 */
export function sseFrame(id: string | undefined, event: StreamEvent): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The per-token frame, built without serialising an object: this runs once per token. */
export function tokenFrame(id: string | undefined, content: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: token\ndata: {"type":"token","content":${JSON.stringify(content)}}\n\n`;
}

/** A frame whose `data:` JSON is already serialised (a replay from the log). */
export function rawFrame(id: string, type: string, data: string): string {
  return `id: ${id}\nevent: ${type}\ndata: ${data}\n\n`;
}

export const PING_FRAME = ': ping\n\n';
