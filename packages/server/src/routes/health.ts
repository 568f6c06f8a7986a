import { Hono } from 'hono';
import { withDeadline } from '../db/deadline';
import type { ChatDatabase } from '../db/open-database';

/** `/healthz` (the process answers) and `/readyz` (the database answers too). */
export function healthRoutes(database: ChatDatabase) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      await withDeadline(database.query('SELECT 1'), 2_000);
      return c.json({ status: 'ready', database: database.driver });
    });
}
