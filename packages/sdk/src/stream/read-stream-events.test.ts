import { describe, expect, it } from 'vitest';
import { ChatError } from '../errors';
import type { StreamEvent } from '../protocol/events';
import { chunkedStream, collect, seededRandom } from '../test-support/byte-stream';
import { readStreamEvents } from './read-stream-events';

/** A stream-new turn as the server writes it, with a heartbeat, an unknown event and multi-byte text. */
const recorded = [
  ': ping',
  '',
  'id: 1',
  'event: session_created',
  'data: {"type":"session_created","session_id":"s_1","model_id":null,"title":"New conversation"}',
  '',
  'id: 2',
  'event: token',
  'data: {"type":"token","content":"Olá, 日本語 🎉 "}',
  '',
  ': ping',
  '',
  'id: 3',
  'event: reaction',
  'data: {"type":"reaction","emoji":"👍"}',
  '',
  'id: 4',
  'event: tool',
  'data: {"type":"tool","tool":"get_model_info","call_id":"c_1","status":"started",',
  'data:  "input":{"model":"demo"}}',
  '',
  'id: 5',
  'event: token',
  'data: {"type":"token","content":"ça va — ✓","extra":"ignored"}',
  '',
  'retry: 3000',
  '',
  'id: 6',
  'event: title',
  'data: {"type":"title","session_id":"s_1","title":"Greetings 👋"}',
  '',
  'id: 7',
  'event: done',
  'data: {"type":"done","message_id":"m_2","finish_reason":"stop"}',
  '',
  '',
].join('\n');

const expected: StreamEvent[] = [
  { type: 'session_created', session_id: 's_1', model_id: null, title: 'New conversation' },
  { type: 'token', content: 'Olá, 日本語 🎉 ' },
  { type: 'tool', tool: 'get_model_info', call_id: 'c_1', status: 'started', input: { model: 'demo' } },
  { type: 'token', content: 'ça va — ✓' },
  { type: 'title', session_id: 's_1', title: 'Greetings 👋' },
  { type: 'done', message_id: 'm_2', finish_reason: 'stop' },
];

const lineEndings = { LF: '\n', CRLF: '\r\n' } as const;

function encode(lineEnding: string): Uint8Array {
  return new TextEncoder().encode(recorded.replaceAll('\n', lineEnding));
}

function read(bytes: Uint8Array, cuts: readonly number[]): Promise<StreamEvent[]> {
  return collect(readStreamEvents(chunkedStream(bytes, cuts)));
}

describe('readStreamEvents', () => {
  for (const [name, lineEnding] of Object.entries(lineEndings)) {
    describe(`with ${name} line endings`, () => {
      const bytes = encode(lineEnding);

      it('reads the recorded stream in one chunk', async () => {
        expect(await read(bytes, [])).toEqual(expected);
      });

      it('reads the same events when split at every byte position', async () => {
        for (let cut = 1; cut < bytes.length; cut++) {
          expect(await read(bytes, [cut]), `split at byte ${cut}`).toEqual(expected);
        }
      });

      it('reads the same events one byte at a time', async () => {
        const everyByte = Array.from({ length: bytes.length }, (_, index) => index);
        expect(await read(bytes, everyByte)).toEqual(expected);
      });

      it('reads the same events in random chunk sizes', async () => {
        for (let seed = 1; seed <= 200; seed++) {
          const random = seededRandom(seed);
          const cuts: number[] = [];
          for (let position = 0; position < bytes.length; ) {
            position += 1 + Math.floor(random() * 24);
            cuts.push(position);
          }
          expect(await read(bytes, cuts), `seed ${seed}`).toEqual(expected);
        }
      });
    });
  }

  it('splits multi-byte characters across chunks without damage', async () => {
    const bytes = encode('\n');
    // Every cut inside the 4-byte emoji, and inside each 3-byte CJK character.
    const emoji = new TextEncoder().encode('🎉');
    const start = indexOfBytes(bytes, emoji);
    for (const offset of [1, 2, 3]) {
      expect(await read(bytes, [start + offset])).toEqual(expected);
    }
  });

  it('ends with a protocol_error when a known event is malformed', async () => {
    const bytes = new TextEncoder().encode(
      'event: token\ndata: {"type":"token","content":"fine"}\n\nevent: token\ndata: {"type":"token"}\n\n',
    );
    const seen: StreamEvent[] = [];
    const error = await (async () => {
      for await (const event of readStreamEvents(chunkedStream(bytes, []))) seen.push(event);
    })().catch((failure: unknown) => failure);
    expect(seen).toEqual([{ type: 'token', content: 'fine' }]);
    expect(ChatError.isInstance(error) && error.code).toBe('protocol_error');
  });

  it('turns a broken connection into a retryable network_error', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError('terminated'));
        sent = true;
        controller.enqueue(
          new TextEncoder().encode('event: token\ndata: {"type":"token","content":"a"}\n\n'),
        );
      },
    });
    const error = await collect(readStreamEvents(body)).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'network_error', retryable: true });
  });

  it('reports an abort as aborted', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        controller.signal.addEventListener('abort', () => stream.error(controller.signal.reason));
      },
    });
    const reading = collect(readStreamEvents(body, controller.signal)).catch((failure: unknown) => failure);
    controller.abort();
    expect(await reading).toMatchObject({ code: 'aborted' });
  });

  it('cancels the body when the reader leaves early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode('event: token\ndata: {"type":"token","content":"a"}\n\n'),
        );
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _event of readStreamEvents(body)) break;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
  });
});

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let index = 0; index <= haystack.length - needle.length; index++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[index + offset] !== needle[offset]) continue outer;
    }
    return index;
  }
  throw new Error('not found');
}
