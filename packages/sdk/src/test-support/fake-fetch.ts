import type { FetchFunction } from '../http-client';

/** A request the fake fetch received. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A `fetch` answering from `respond`, recording every request: for unit tests of the client's
 * own logic. Integration tests use the real server instead.
 */
export function fakeFetch(respond: (request: RecordedRequest) => Response | Promise<Response>): {
  fetch: FetchFunction;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFunction = async (url, init) => {
    const request: RecordedRequest = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    return respond(request);
  };
  return { fetch, requests };
}
