import { Hono } from 'hono';
import * as v from 'valibot';
import { SessionListSchema, IdSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { pathParams } from '../http/validate.ts';
import { describeRoute } from '../http/describe.ts';
import { listSessions } from './list.ts';
import { endAllSessions, endSession } from './end.ts';

/**
 * One's own sessions, mounted at /v1/auth/sessions: list them, end one, or
 * end them all ("sign out everywhere", the current one included). Another
 * person's session is 404, as if it did not exist. Tokens and their hashes
 * never leave the database.
 */
export const sessionRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** The caller's live sessions, newest first; `current` marks the one this request was made with. */
  .get('/', describeRoute({ operationId: 'listMySessions', summary: 'One’s open sessions, newest first (never a token)', tags: ['auth'], answers: { 200: SessionListSchema } }), async (c) =>
    c.json(await listSessions(c.get('deps'), callOf(c), { currentSessionId: c.get('auth').sessionId }), 200),
  )
  /** Ends every session of the caller, this one included: each token answers 401 from now on. */
  .post('/end-all', describeRoute({ operationId: 'endAllMySessions', summary: 'Sign out everywhere: end every session, this one included', tags: ['auth'], answers: { 204: null } }), async (c) => {
    await endAllSessions(c.get('deps'), callOf(c));
    return c.body(null, 204);
  })
  /** Ends one of the caller's sessions (this one too, like logout). */
  .delete('/:id', describeRoute({ operationId: 'endMySession', summary: 'End one of one’s sessions', tags: ['auth'], answers: { 204: null } }), pathParams(v.object({ id: IdSchema })), async (c) => {
    await endSession(c.get('deps'), callOf(c), { id: c.req.valid('param').id });
    return c.body(null, 204);
  });
