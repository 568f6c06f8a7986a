import type { Context } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AppEnv } from '../app-env';
import type { Heartbeat } from './heartbeat';
import { openNodeSink, openWebSink, type SseSink } from './sse-sink';

/**
 * Opens an SSE answer and hands its sink to `start`. On Node it writes to the socket directly;
 * the headers that middlewares already set (CORS, rate limits) are carried over.
 */
export function openSse(c: Context<AppEnv>, heartbeat: Heartbeat, start: (sink: SseSink) => void): Response {
  const headers: Record<string, string> = {};
  c.res.headers.forEach((value, name) => {
    if (name !== 'content-type') headers[name] = value;
  });
  const outgoing = c.env?.outgoing;
  if (outgoing && typeof outgoing.writeHead === 'function') {
    const sink = openNodeSink(outgoing, headers);
    heartbeat.add(sink);
    start(sink);
    return RESPONSE_ALREADY_SENT;
  }
  const { sink, response } = openWebSink(headers);
  heartbeat.add(sink);
  start(sink);
  return response;
}
