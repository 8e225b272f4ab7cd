import { Hono } from 'hono';
import { AuditEntryPageSchema, AuditListQuerySchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { queryParams } from '../http/validate.ts';
import { describeRoute } from '../http/describe.ts';
import { listAudit } from './list.ts';

/**
 * The audit log: who did what, when, from which origin — staff for their entities, administrators for all.
 * The session is checked on the route, not the router, so that an unknown path below `/v1/audit` stays a plain 404.
 */
export const auditRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      operationId: 'listAuditEntries',
      summary: 'The audit log of the entities one looks after, newest first (staff; administrators: all)',
      description:
        'Filters: `person` (entries by or about them), `action` (exact, or a prefix ending with a dot such as `offer.`), `from` and `to` (days in UTC, both included).',
      tags: ['audit'],
      answers: { 200: AuditEntryPageSchema },
    }),
    requireAuth(),
    queryParams(AuditListQuerySchema),
    async (c) => c.json(await listAudit(c.get('deps'), callOf(c), c.req.valid('query')), 200),
  );
