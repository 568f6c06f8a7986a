import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../logger';

/**
 * One line per request: method, route pattern (`/api/chat/sessions/:id`: never the ids of the
 * path, never the query string), status, duration. Headers are never logged, so neither is a
 * token (the seed's issue 1 asks that logs hold none).
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
