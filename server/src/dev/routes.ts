import { Hono } from 'hono';
import { DevOutboxSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { listOutboxMail } from '../auth/queries/dev-outbox.ts';
import { describeRoute } from '../http/describe.ts';

/** Development mode only (mounted when PASSERELLE_DEV=1): the mail that would have been sent. */
export const devRoutes = new Hono<AppEnv>().get('/outbox', describeRoute({ operationId: 'listDevOutbox', summary: 'The mail the server would have sent (development mode)', tags: ['dev'], public: true, answers: { 200: DevOutboxSchema } }), async (c) => {
  const rows = await listOutboxMail(c.get('deps').db, 50);
  return c.json({ items: rows, nextCursor: null }, 200);
});
