import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routeOf } from './route-of.ts';
import { message } from '@passerelle/schema/messages';
import { ProblemError, problemResponse } from './problem.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { logOf } from './request-log.ts';
import { databaseRefusal, type DatabaseRefusal } from '../db/refusal.ts';

/** Seconds a client should wait before retrying a write the database could not take. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** The SQLite result code behind an error, if any (db/refusal.ts). */
export { sqliteCode } from '../db/refusal.ts';

/**
 * A database that cannot take the request, on either engine: full (507),
 * or busy or unreachable for a moment (503, retry shortly): a locked
 * SQLite file, a PostgreSQL server that refuses connections, is shutting
 * down or has none left. Either way the transaction was rolled back
 * (`withTransaction` does it on any rejection), so the answer can honestly
 * say nothing was saved.
 */
function databaseProblem(c: Context, refusal: DatabaseRefusal): Promise<Response> {
  if (refusal.kind === 'full') return problemResponse(c, 'storageFull', message('server.storageFull'));
  // A server down or a connection lost is told apart from a busy one (the operators look at different things).
  const said = refusal.unreachable ? message('server.databaseUnreachable', { seconds: BUSY_RETRY_AFTER_SECONDS }) : message('server.busy', { seconds: BUSY_RETRY_AFTER_SECONDS });
  return problemResponse(c, 'unavailable', said, {
    headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
  });
}

/**
 * The one place where the exceptional becomes an answer. Expected refusals
 * are ProblemErrors; anything else is a 500 whose body says nothing about
 * the stack or the SQL (they go to the server log only, with the request's id).
 */
export const onError: ErrorHandler = async (err, c) => {
  if (err instanceof ProblemError) return err.toResponse(c);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return problemResponse(c, 'tooLarge', message('request.tooLarge', { maxKiB: MAX_BODY_BYTES / 1024 }));
    if (status === 400) {
      // Hono's JSON parser: the body is not JSON.
      return problemResponse(c, 'malformed', message('request.malformedJson'));
    }
    if (status === 401) return problemResponse(c, 'unauthenticated', message('auth.required'), { headers: { 'www-authenticate': 'Bearer' } });
    if (status === 415) return problemResponse(c, 'unsupportedMediaType', message('request.notJson'));
  }
  const refusal = databaseRefusal(err);
  const where = { method: c.req.method, route: routeOf(c) };
  if (refusal) {
    // One line, not the stack: a full disk or a stopped server makes every request fail the same way.
    logOf(c).warn({ ...where, database: refusal.code }, 'database refused the request');
    return databaseProblem(c, refusal);
  }
  // One JSON line with the request's id, the error's type, message and stack (never in the answer).
  logOf(c).error({ ...where, err }, 'request failed');
  return problemResponse(c, 'internal', message('server.internal'));
};

export const onNotFound: NotFoundHandler = (c) => problemResponse(c, 'notFound', message('request.noRoute', { method: c.req.method, path: c.req.path }));
