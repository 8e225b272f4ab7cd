import { Hono } from 'hono';
import * as v from 'valibot';
import { SessionListSchema, IdSchema, type SessionList } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { listLiveSessionsOf, revokeLiveSessionOf, revokeLiveSessionsOf } from '../auth/queries/sessions.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { pathParams } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import { describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

/**
 * One's own sessions, mounted at /v1/auth/sessions: list them, end one, or
 * end them all ("sign out everywhere", the current one included). Another
 * person's session is 404, as if it did not exist. Tokens and their hashes
 * never leave the database.
 */
export const sessionRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** The caller's live sessions, newest first; `current` marks the one this request was made with. */
  .get('/', describeRoute({ operationId: 'listMySessions', summary: 'One’s open sessions, newest first (never a token)', tags: ['auth'], answers: { 200: SessionListSchema } }), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor, sessionId } = c.var.auth;
    const rows = await listLiveSessionsOf(db, actor.tenantId, actor.personId, clock.now().toISOString());
    const body: SessionList = {
      items: rows.map((r) => ({ id: r.id, signInMethod: r.method, createdAt: r.createdAt, expiresAt: r.expiresAt, current: r.id === sessionId })),
    };
    return c.json(body, 200);
  })
  /** Ends every session of the caller, this one included: each token answers 401 from now on. */
  .post('/end-all', describeRoute({ operationId: 'endAllMySessions', summary: 'Sign out everywhere: end every session, this one included', tags: ['auth'], answers: { 204: null } }), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      const ended = await revokeLiveSessionsOf(tx, actor.tenantId, actor.personId, who.at);
      await writeAudit(tx, who, { action: 'auth.session.endAll', objectType: 'session', subjectId: actor.personId, detail: { ended } });
    });
    return c.body(null, 204);
  })
  /** Ends one of the caller's sessions (this one too, like logout). */
  .delete('/:id', describeRoute({ operationId: 'endMySession', summary: 'End one of one’s sessions', tags: ['auth'], answers: { 204: null } }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const { id } = c.req.valid('param');
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      if (!(await revokeLiveSessionOf(tx, actor.tenantId, actor.personId, id, who.at))) throw notFound('session.notFound');
      await writeAudit(tx, who, { action: 'auth.session.end', objectType: 'session', objectId: id, subjectId: actor.personId });
    });
    return c.body(null, 204);
  });
