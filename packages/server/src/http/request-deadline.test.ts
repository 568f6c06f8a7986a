import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAIServer,
  textResponse,
  type FakeOpenAIServer,
} from '../test-support/fake-openai-server';
import { openStream } from '../test-support/sse-client';
import { startTestServer, type TestServer } from '../testing';

/**
 * Opens a raw connection, sends `head`, then one more `drip` every few milliseconds (a client
 * that trickles its request, never finishing it), and resolves with all that came back once the
 * server has closed the connection.
 */
function trickle(url: string, head: string, drip: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => socket.write(drip), 20);
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    // Writes racing the server's close fail with EPIPE or ECONNRESET: expected here.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
}

function expectTimeoutAnswer(received: string) {
  expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  expect(received).toMatch(/\r\nConnection: close\r\n/i);
  const body = JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4));
  expect(body.error.code).toBe('request_timeout');
}

describe('the deadline on receiving a request', () => {
  let fake: FakeOpenAIServer;
  let server: TestServer;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    // The model answers only when the test says so: a stream held open for as long as needed.
    fake = await startFakeOpenAIServer(async () => {
      await released;
      return textResponse('An answer that took its time.');
    });
    server = await startTestServer({ providerBaseUrl: fake.baseUrl, requestTimeoutMs: 300 });
  });
  afterAll(async () => {
    release();
    await server?.close();
    await fake?.close();
  });

  it('answers 408 and disconnects a client that trickles its body', async () => {
    const token = await server.token();
    const received = await trickle(
      server.url,
      'POST /api/chat/stream-new HTTP/1.1\r\nHost: parley.test\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
        // Far more than the test could ever drip in: the body never completes.
        'Content-Length: 100000\r\n\r\n{"message":"',
      'a',
    );
    expectTimeoutAnswer(received);
    expect(await server.query('SELECT 1 FROM chat_sessions')).toEqual([]);
  });

  it('answers 408 and disconnects a client that trickles its headers', async () => {
    const received = await trickle(
      server.url,
      'GET /api/models HTTP/1.1\r\nHost: parley.test\r\n',
      'X-Slow: x\r\n',
    );
    expectTimeoutAnswer(received);
  });

  it('answers HTTP it cannot parse with the same JSON error shape, and disconnects', async () => {
    const received = await trickle(server.url, 'NOT HTTP AT ALL\r\n\r\n', '');
    expect(received).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)).error.code).toBe('validation_error');
  });

  it('does not cut an answer that streams for longer than the deadline', async () => {
    const token = await server.token();
    const { response, events } = await openStream(`${server.url}/api/chat/stream-new`, {
      token,
      body: { message: 'Take your time.' },
    });
    expect(response.status).toBe(200);
    const first = await events.next();
    expect(first.value?.data.type).toBe('session_created');
    // A request started after this stream's has run out of time and been cut: had the stream's
    // request still been timed, the same check would have cut it too.
    expectTimeoutAnswer(
      await trickle(server.url, 'GET /api/models HTTP/1.1\r\nHost: parley.test\r\n', 'X-Slow: x\r\n'),
    );
    release();
    const rest = [];
    for await (const event of events) rest.push(event.data);
    expect(rest.at(-1)).toMatchObject({ type: 'done', finish_reason: 'stop' });
    expect(
      rest
        .filter((event) => event.type === 'token')
        .map((event) => event.content)
        .join(''),
    ).toBe('An answer that took its time.');
  });
});
