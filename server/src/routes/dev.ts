import { Hono } from 'hono';
import { desc } from 'drizzle-orm';
import type { AppEnv } from '../context.ts';
import { devOutbox } from '../db/tables/index.ts';

/** Development only (mounted when the dev outbox is on): the mail that would have been sent. */
export const devRoutes = new Hono<AppEnv>().get('/outbox', (c) => {
  const rows = c.var.deps.db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(50).all();
  return c.json({ items: rows, nextCursor: null }, 200);
});
