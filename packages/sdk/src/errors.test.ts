import { describe, expect, it } from 'vitest';
import { ChatError, toChatError } from './errors';
import { errorFromResponse } from './http-client';

describe('ChatError', () => {
  it('carries a code, a status, retryable, retryAfter and a cause', () => {
    const cause = new TypeError('fetch failed');
    const error = new ChatError({
      code: 'rate_limited',
      message: 'Slow down.',
      status: 429,
      retryable: true,
      retryAfter: 30,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ChatError', code: 'rate_limited', status: 429, retryable: true });
    expect(error.retryAfter).toBe(30);
    expect(error.cause).toBe(cause);
    expect(new ChatError({ code: 'not_found', message: 'No.' }).retryable).toBe(false);
  });

  it('recognises errors from another copy of the SDK', async () => {
    // A second evaluation of the module stands for a second copy of the SDK on the page.
    const copy = (await import('./errors?copy' as string)) as typeof import('./errors');
    expect(copy.ChatError).not.toBe(ChatError);
    const foreign = new copy.ChatError({ code: 'internal_error', message: 'x' });
    expect(foreign instanceof ChatError).toBe(false);
    expect(ChatError.isInstance(foreign)).toBe(true);
    expect(copy.ChatError.isInstance(new ChatError({ code: 'aborted', message: 'x' }))).toBe(true);
  });

  it('is not fooled by look-alikes', () => {
    expect(ChatError.isInstance(new Error('x'))).toBe(false);
    expect(ChatError.isInstance({ code: 'not_found', message: 'x' })).toBe(false);
    expect(ChatError.isInstance(null)).toBe(false);
    expect(ChatError.isInstance('ChatError')).toBe(false);
  });
});

describe('toChatError', () => {
  it('keeps a ChatError', () => {
    const error = new ChatError({ code: 'not_found', message: 'x' });
    expect(toChatError(error)).toBe(error);
  });

  it('makes a fetch failure a retryable network_error', () => {
    const cause = new TypeError('fetch failed');
    expect(toChatError(cause)).toMatchObject({ code: 'network_error', retryable: true, cause });
  });

  it('makes anything after an abort an aborted error', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toChatError(new TypeError('terminated'), controller.signal).code).toBe('aborted');
    expect(toChatError(new DOMException('stop', 'AbortError')).code).toBe('aborted');
  });
});

describe('errorFromResponse', () => {
  it('reads the code and message of the JSON body', async () => {
    const response = Response.json(
      { error: { code: 'idempotency_conflict', message: 'That key was used for another message.' } },
      { status: 422 },
    );
    expect(await errorFromResponse(response)).toMatchObject({
      code: 'idempotency_conflict',
      message: 'That key was used for another message.',
      status: 422,
      retryable: false,
    });
  });

  it('surfaces Retry-After on a 429', async () => {
    const response = Response.json(
      { error: { code: 'rate_limited', message: 'Too many new conversations.' } },
      { status: 429, headers: { 'Retry-After': '42' } },
    );
    expect(await errorFromResponse(response)).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      retryAfter: 42,
    });
  });

  it("reads a Retry-After date against the answer's Date, else against the clock", async () => {
    const unavailable = (headers: Record<string, string>) =>
      Response.json(
        { error: { code: 'database_unavailable', message: 'Down for maintenance.' } },
        {
          status: 503,
          headers,
        },
      );
    const retryAfter = 'Wed, 21 Oct 2026 07:28:00 GMT';
    // The local clock is an hour off; the server's own Date says two minutes.
    const wrongClock = Date.parse('2026-10-21T06:26:00Z');
    expect(
      await errorFromResponse(
        unavailable({ 'Retry-After': retryAfter, Date: 'Wed, 21 Oct 2026 07:26:00 GMT' }),
        wrongClock,
      ),
    ).toMatchObject({ code: 'database_unavailable', retryable: true, retryAfter: 120 });
    // Across origins `Date` is not readable (CORS does not expose it): the local clock it is.
    expect(
      await errorFromResponse(unavailable({ 'Retry-After': retryAfter }), Date.parse('2026-10-21T07:27:30Z')),
    ).toMatchObject({ retryAfter: 30 });
  });

  it('falls back on the status when the body is not the protocol', async () => {
    expect(await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }))).toMatchObject({
      code: 'internal_error',
      status: 502,
      retryable: true,
    });
    expect(await errorFromResponse(new Response('', { status: 404 }))).toMatchObject({ code: 'not_found' });
    expect(await errorFromResponse(new Response(null, { status: 401 }))).toMatchObject({
      code: 'unauthorized',
    });
  });

  it('keeps a code newer than this version as sent', async () => {
    const response = Response.json(
      { error: { code: 'quota_exceeded', message: 'Monthly quota used.' } },
      { status: 403 },
    );
    expect((await errorFromResponse(response)).code).toBe('quota_exceeded');
  });
});
