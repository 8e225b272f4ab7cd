import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { listOutboxMail } from '../db/auth/dev-outbox.ts';

/** Development mode only (mounted when PASSERELLE_DEV=1): the mail that would have been sent. */
export const devRoutes = new Hono<AppEnv>().get('/outbox', (c) => {
  const rows = listOutboxMail(c.var.deps.db, 50);
  return c.json({ items: rows, nextCursor: null }, 200);
});
