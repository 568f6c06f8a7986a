import type { Server, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a client has to send a request's headers and body, unless configured. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Node's own bound on receiving a request (`headersTimeout`, `requestTimeout`): a client that
 * trickles its headers or body is answered 408 and disconnected. Only the request counts: once it
 * has arrived, a streamed answer may last for hours (Node stops timing a request when its last
 * byte is parsed). Node checks every `connectionsCheckingInterval`, 30 s by default, which would
 * let a 30 s deadline stretch to a minute; a tenth of the deadline keeps it tight and costs one
 * walk over the connections still receiving a request, not over the open streams.
 */
export function requestDeadlineOptions(timeoutMs: number): ServerOptions {
  return {
    requestTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.round(timeoutMs / 10))),
  };
}

const REQUEST_TIMEOUT_BODY = JSON.stringify({
  error: {
    code: 'request_timeout',
    message: 'The request took too long to arrive. Send its headers and body without pausing.',
  },
});

function rawResponse(status: string, body: string): string {
  return [
    `HTTP/1.1 ${status}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

const RESPONSES: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: rawResponse('408 Request Timeout', REQUEST_TIMEOUT_BODY),
  HPE_HEADER_OVERFLOW: rawResponse(
    '431 Request Header Fields Too Large',
    JSON.stringify({ error: { code: 'validation_error', message: 'The request headers are too large.' } }),
  ),
};
const BAD_REQUEST = rawResponse(
  '400 Bad Request',
  JSON.stringify({ error: { code: 'validation_error', message: 'The request is not valid HTTP.' } }),
);

/**
 * Answers what Node refuses before the app sees a request (a request that took too long,
 * malformed HTTP) with the JSON error body every other answer has, then disconnects.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Bytes of an answer already went out: another status line would corrupt it.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      socket.write(RESPONSES[error.code ?? ''] ?? BAD_REQUEST);
    }
    socket.destroy();
  });
}
