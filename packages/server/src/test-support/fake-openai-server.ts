import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One streamed tool call delta; `index` tells parallel calls apart, as in OpenAI's format. */
export interface FakeToolCallDelta {
  index: number;
  /** Sent on the first delta of a call, like OpenAI does. */
  id?: string;
  name?: string;
  /** A piece of the JSON arguments. */
  arguments?: string;
}

/**
 * One SSE message of a scripted stream:
 * - a string or `{ text }`: a content delta;
 * - `{ toolCall }`: a tool call delta (see {@link toolCallChunks} to split arguments);
 * - `{ finish }`: a chunk with this `finish_reason` (`stop`, `tool_calls`, `length`…);
 * - `{ comment }`: an SSE comment line (`: …`), like OpenRouter's keep-alives;
 * - `{ data }`: a raw `data:` payload sent verbatim (malformed JSON, odd shapes…).
 */
export type FakeStreamChunk =
  | string
  | { text: string }
  | { toolCall: FakeToolCallDelta }
  | { finish: string }
  | { comment: string }
  | { data: string };

/** A `200 text/event-stream` answer in the chat-completions chunk format. */
export interface FakeStreamResponse {
  kind: 'stream';
  chunks: FakeStreamChunk[];
  /** Pause between two chunks, in milliseconds. */
  delayMs?: number;
  /** Destroy the socket after this many chunks (a connection lost mid-stream). */
  dropAfter?: number;
  /** After this many chunks send `{"error": …}` and end the body without `[DONE]`. */
  errorAfter?: number;
  /** The error object sent by `errorAfter`. Default `{ message: 'Upstream model crashed', code: 502 }`. */
  error?: Record<string, unknown>;
  /** After this many chunks send nothing more but keep the connection open (timeouts, aborts). */
  stallAfter?: number;
  /** End the body after the chunks without the final `data: [DONE]`. */
  noDone?: boolean;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** A plain HTTP answer: an error status with an optional body (a string is sent as is, else JSON). */
export interface FakeStatusResponse {
  kind: 'status';
  status: number;
  headers?: Record<string, string>;
  /** Default: `{"error": {"message": "Fake upstream error", "type": "fake_error", "code": status}}`. */
  body?: unknown;
}

/** A scripted answer: a stream, or a plain status. */
export type FakeResponse = FakeStreamResponse | FakeStatusResponse;

/** Chooses the answer to a request (0-based `index` in arrival order). */
export type FakeResponder = (request: FakeRequest, index: number) => FakeResponse | Promise<FakeResponse>;

/** A request the fake server received. */
export interface FakeRequest {
  method: string;
  /** The path with its query, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-case header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (`undefined` if it was not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary request fields.
  body: any;
  rawBody: string;
  /**
   * Settles when the answer's connection closes: `finished` if the server wrote all of it,
   * `cut` if it closed first (the client aborted or left, or `dropAfter`).
   */
  closed: Promise<'finished' | 'cut'>;
}

/** A running fake server: see {@link startFakeOpenAIServer}. */
export interface FakeOpenAIServer {
  /** The API root to give a provider, e.g. `http://127.0.0.1:43123/v1`. */
  baseUrl: string;
  /** Every request received so far, in order (recorded before it is answered). */
  requests: FakeRequest[];
  /** Queues more scripted answers (only when started with a queue). */
  push(...responses: FakeResponse[]): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<FakeRequest[]>;
  /** Stops the server and cuts every open connection (stalled streams included). */
  close(): Promise<void>;
}

/**
 * Starts a real `node:http` server on 127.0.0.1 (random port) that speaks OpenAI's streaming
 * chat-completions API at `POST /v1/chat/completions`. Each request is recorded, then answered
 * with the next scripted response of the queue (or by a responder function). With no response
 * left it answers 500, which fails the test visibly.
 *
 * @example
 * ```ts
 * const server = await startFakeOpenAIServer([
 *   toolCallResponse([{ id: 'call_1', name: 'get_model_info', arguments: '{}' }]),
 *   textResponse('The model is **Parley Demo**.'),
 *   { kind: 'status', status: 429, headers: { 'Retry-After': '7' } },
 * ]);
 * const provider = createOpenAICompatibleProvider({ baseUrl: server.baseUrl, apiKey: 'test-key' });
 * // … run the code under test …
 * expect(server.requests[0]?.body.tools[0].function.name).toBe('get_model_info');
 * await server.close();
 * ```
 */
export async function startFakeOpenAIServer(
  script: FakeResponse[] | FakeResponder = [],
): Promise<FakeOpenAIServer> {
  const queue = Array.isArray(script) ? [...script] : undefined;
  const requests: FakeRequest[] = [];
  const waiters = new Set<() => void>();
  const closing = new AbortController();

  const respond = async (request: FakeRequest, index: number): Promise<FakeResponse> => {
    if (!queue) return (script as FakeResponder)(request, index);
    return (
      queue.shift() ?? {
        kind: 'status',
        status: 500,
        body: { error: { message: `The fake OpenAI server has no scripted response for request ${index}.` } },
      }
    );
  };

  const server = createServer((incoming, response) => {
    const pieces: Buffer[] = [];
    incoming.on('data', (piece: Buffer) => pieces.push(piece));
    incoming.on('end', () => {
      const rawBody = Buffer.concat(pieces).toString('utf8');
      const request: FakeRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
        body: parseJson(rawBody),
        rawBody,
        closed: new Promise((resolve) => {
          response.once('close', () => resolve(response.writableFinished ? 'finished' : 'cut'));
        }),
      };
      const index = requests.length;
      requests.push(request);
      for (const wake of waiters) wake();
      if (request.method !== 'POST' || !request.path.startsWith('/v1/chat/completions')) {
        writeJson(response, 404, { error: { message: `No route for ${request.method} ${request.path}.` } });
        return;
      }
      respond(request, index)
        .then((answer) =>
          answer.kind === 'status'
            ? writeStatus(response, answer)
            : writeStream(response, answer, request, index, closing.signal),
        )
        .catch(() => response.destroy());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    push(...responses) {
      if (!queue) throw new Error('push() needs a server started with a queue of responses.');
      queue.push(...responses);
    },
    waitForRequests(count) {
      // No deadline of its own: the test's timeout is the hang guard.
      return new Promise((resolve) => {
        const check = () => {
          if (requests.length < count) return;
          waiters.delete(check);
          resolve(requests.slice(0, count));
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      closing.abort();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A stream answer with `text` split into word-sized content deltas, then `finish_reason: stop`. */
export function textResponse(
  text: string,
  options: Omit<FakeStreamResponse, 'kind' | 'chunks'> = {},
): FakeStreamResponse {
  return { kind: 'stream', chunks: [...textChunks(text), { finish: 'stop' }], ...options };
}

/**
 * A stream answer that asks for tool calls (each streamed as several deltas, side by side when
 * there are several), then `finish_reason: tool_calls`. `text` is streamed first, if given.
 */
export function toolCallResponse(
  calls: readonly { id: string; name: string; arguments: string }[],
  options: Omit<FakeStreamResponse, 'kind' | 'chunks'> & { text?: string } = {},
): FakeStreamResponse {
  const { text, ...rest } = options;
  const perCall = calls.map((call, index) => toolCallChunks({ index, ...call }));
  // Interleave the calls' deltas, as servers that stream parallel calls do.
  const interleaved: FakeStreamChunk[] = [];
  const longest = Math.max(0, ...perCall.map((chunks) => chunks.length));
  for (let position = 0; position < longest; position++) {
    for (const chunks of perCall) if (position < chunks.length) interleaved.push(chunks[position]!);
  }
  return {
    kind: 'stream',
    chunks: [...(text ? textChunks(text) : []), ...interleaved, { finish: 'tool_calls' }],
    ...rest,
  };
}

/** Splits text into word-sized deltas that join back into it. */
export function textChunks(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}

/**
 * The deltas of one tool call: a first delta with its id and name, then the arguments cut into
 * `pieces` parts (default 3), as OpenAI streams them.
 */
export function toolCallChunks(call: {
  index?: number;
  id: string;
  name: string;
  arguments: string;
  pieces?: number;
}): FakeStreamChunk[] {
  const index = call.index ?? 0;
  const pieces = Math.max(1, call.pieces ?? 3);
  const size = Math.ceil(call.arguments.length / pieces) || 1;
  const chunks: FakeStreamChunk[] = [{ toolCall: { index, id: call.id, name: call.name, arguments: '' } }];
  for (let start = 0; start < call.arguments.length; start += size) {
    chunks.push({ toolCall: { index, arguments: call.arguments.slice(start, start + size) } });
  }
  return chunks;
}

async function writeStream(
  response: ServerResponse,
  answer: FakeStreamResponse,
  request: FakeRequest,
  requestIndex: number,
  closing: AbortSignal,
): Promise<void> {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    ...answer.headers,
  });
  response.flushHeaders();
  const id = `chatcmpl-fake-${requestIndex}`;
  const model = typeof request.body?.model === 'string' ? request.body.model : 'fake-model';
  const created = Math.floor(Date.now() / 1000);
  let roleSent = false;
  const envelope = (delta: Record<string, unknown>, finishReason: string | null) => {
    if (!roleSent && finishReason === null) {
      delta = { role: 'assistant', ...delta };
      roleSent = true;
    }
    return `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    })}\n\n`;
  };

  for (let sent = 0; sent <= answer.chunks.length; sent++) {
    if (closing.aborted || response.destroyed) return;
    if (sent === answer.dropAfter) {
      response.socket?.destroy();
      return;
    }
    if (sent === answer.errorAfter) {
      const error = answer.error ?? { message: 'Upstream model crashed', code: 502 };
      await write(response, `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', error })}\n\n`);
      response.end();
      return;
    }
    if (sent === answer.stallAfter) return;
    if (sent === answer.chunks.length) break;
    if (sent > 0 && answer.delayMs) await sleep(answer.delayMs, closing);
    const chunk = answer.chunks[sent]!;
    let frame: string;
    if (typeof chunk === 'string') frame = envelope({ content: chunk }, null);
    else if ('text' in chunk) frame = envelope({ content: chunk.text }, null);
    else if ('toolCall' in chunk) {
      const { index, id: callId, name, arguments: fragment } = chunk.toolCall;
      const delta: Record<string, unknown> = { index };
      if (callId !== undefined) Object.assign(delta, { id: callId, type: 'function' });
      const fn: Record<string, string> = {};
      if (name !== undefined) fn.name = name;
      if (fragment !== undefined) fn.arguments = fragment;
      delta.function = fn;
      frame = envelope({ tool_calls: [delta] }, null);
    } else if ('finish' in chunk) frame = envelope({}, chunk.finish);
    else if ('comment' in chunk) frame = `: ${chunk.comment}\n\n`;
    else frame = `data: ${chunk.data}\n\n`;
    await write(response, frame);
  }
  if (!answer.noDone) await write(response, 'data: [DONE]\n\n');
  response.end();
}

function writeStatus(response: ServerResponse, answer: FakeStatusResponse): void {
  const body =
    answer.body === undefined
      ? { error: { message: 'Fake upstream error', type: 'fake_error', code: answer.status } }
      : answer.body;
  if (typeof body === 'string') {
    response.writeHead(answer.status, { 'Content-Type': 'text/plain', ...answer.headers });
    response.end(body);
  } else {
    writeJson(response, answer.status, body, answer.headers);
  }
}

function writeJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Resolves once the frame is handed to the socket, so a later `destroy()` cannot swallow it. */
function write(response: ServerResponse, frame: string): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed) return resolve();
    const done = () => {
      response.off('close', done);
      resolve();
    };
    response.once('close', done);
    response.write(frame, done);
  });
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal.addEventListener('abort', done, { once: true });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
