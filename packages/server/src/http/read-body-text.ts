import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../errors/api-error';

/** Request bodies larger than this are refused with 413 before they are read whole. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The request body as text, at most {@link MAX_BODY_BYTES}. On Node it is read straight from the
 * socket: building a web `Request` for it costs more than the rest of stream-new's CPU.
 */
export async function readBodyText(c: Context<AppEnv>): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const incoming = c.env?.incoming;
  if (incoming && typeof incoming.on === 'function') return readIncoming(incoming);
  const body = await c.req.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return new TextDecoder().decode(body);
}

function readIncoming(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        cleanup();
        // Keep reading (and dropping) so the 413 can be written on the same connection.
        incoming.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new ApiError(400, 'validation_error', 'The request body could not be read.', { cause: error }));
    };
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

function tooLarge(): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
  );
}
