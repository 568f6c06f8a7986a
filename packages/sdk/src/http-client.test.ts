import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ChatError } from './errors';
import { HttpClient } from './http-client';
import { fakeFetch } from './test-support/fake-fetch';

const okSchema = z.object({ ok: z.boolean() });

describe('HttpClient', () => {
  it('sends the token only in the Authorization header', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ ok: true }));
    const http = new HttpClient({ baseUrl: 'https://chat.example/prefix/', getToken: () => 'secret', fetch });
    expect(await http.json({ method: 'GET', path: '/api/models' }, okSchema)).toEqual({ ok: true });
    expect(requests[0]?.url).toBe('https://chat.example/prefix/api/models');
    expect(requests[0]?.url).not.toContain('secret');
    expect(requests[0]?.headers.authorization).toBe('Bearer secret');
  });

  it('sends JSON bodies with their content type', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ ok: true }));
    const http = new HttpClient({ baseUrl: '', getToken: async () => 't', fetch });
    await http.json({ method: 'PATCH', path: '/x', body: { title: 'Hi' } }, okSchema);
    expect(requests[0]).toMatchObject({ method: 'PATCH', body: { title: 'Hi' } });
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends no Authorization header when there is no token', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ ok: true }));
    const http = new HttpClient({ baseUrl: '', getToken: () => null, fetch });
    await http.json({ method: 'GET', path: '/x' }, okSchema);
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  it('asks for a fresh token once after a 401, then repeats the request', async () => {
    const asked: boolean[] = [];
    const { fetch, requests } = fakeFetch((request) =>
      request.headers.authorization === 'Bearer fresh'
        ? Response.json({ ok: true })
        : Response.json({ error: { code: 'unauthorized', message: 'Expired.' } }, { status: 401 }),
    );
    const http = new HttpClient({
      baseUrl: '',
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'fresh' : 'stale';
      },
      fetch,
    });
    expect(await http.json({ method: 'POST', path: '/x', body: { a: 1 } }, okSchema)).toEqual({ ok: true });
    expect(asked).toEqual([false, true]);
    expect(requests.map((request) => request.body)).toEqual([{ a: 1 }, { a: 1 }]);
  });

  it('gives up after the refreshed token is refused too', async () => {
    const { fetch, requests } = fakeFetch(() =>
      Response.json({ error: { code: 'unauthorized', message: 'Sign in again.' } }, { status: 401 }),
    );
    const http = new HttpClient({ baseUrl: '', getToken: () => 'bad', fetch });
    const error = await http.send({ method: 'GET', path: '/x' }).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, message: 'Sign in again.' });
    expect(requests).toHaveLength(2);
  });

  it('turns a failing token provider into an unauthorized ChatError', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ ok: true }));
    const http = new HttpClient({
      baseUrl: '',
      getToken: () => {
        throw new Error('no session');
      },
      fetch,
    });
    const error = await http.send({ method: 'GET', path: '/x' }).catch((failure: unknown) => failure);
    expect(ChatError.isInstance(error) && error.code).toBe('unauthorized');
    expect(requests).toHaveLength(0);
  });

  it('turns a fetch failure into a network_error and an answer off the protocol into a protocol_error', async () => {
    const failing = new HttpClient({
      baseUrl: '',
      getToken: () => 't',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect(await failing.send({ method: 'GET', path: '/x' }).catch((error: unknown) => error)).toMatchObject({
      code: 'network_error',
    });
    const { fetch } = fakeFetch(() => Response.json({ unexpected: true }));
    const http = new HttpClient({ baseUrl: '', getToken: () => 't', fetch });
    expect(
      await http.json({ method: 'GET', path: '/x' }, okSchema).catch((error: unknown) => error),
    ).toMatchObject({
      code: 'protocol_error',
      status: 200,
    });
  });

  it('calls the global fetch on globalThis when none is given', async () => {
    const original = globalThis.fetch;
    let receiver: unknown = 'not called';
    globalThis.fetch = function (this: unknown) {
      receiver = this;
      return Promise.resolve(Response.json({ ok: true }));
    } as typeof fetch;
    try {
      await new HttpClient({ baseUrl: 'http://x', getToken: () => 't' }).send({ method: 'GET', path: '/' });
    } finally {
      globalThis.fetch = original;
    }
    expect(receiver).toBe(globalThis);
  });
});
