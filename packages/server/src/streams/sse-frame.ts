import type { StreamEvent } from '@parley/sdk/protocol';

/** One SSE message: `id:`, `event:` (the type) and `data:` (the JSON, which carries the type too). */
export function sseFrame(id: number, event: StreamEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The per-token frame, built without serialising an object: this runs once per token. */
export function tokenFrame(id: number, content: string): string {
  return `id: ${id}\nevent: token\ndata: {"type":"token","content":${JSON.stringify(content)}}\n\n`;
}

export const PING_FRAME = ': ping\n\n';
