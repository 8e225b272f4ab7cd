import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routeOf } from './route-of.ts';
import { message } from '@passerelle/schema/messages';
import { ProblemError, problemResponse } from './problem.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { logOf } from './request-log.ts';

/** Seconds a client should wait before retrying a write the database could not take. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * The SQLite result code behind an error, if any: better-sqlite3 throws a
 * SqliteError with `code` ('SQLITE_FULL', 'SQLITE_BUSY_SNAPSHOT'…), which
 * drizzle wraps in a DrizzleQueryError as its `cause`.
 */
export function sqliteCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return undefined;
}

/**
 * A database that cannot take the write: full (507) or locked by another
 * writer beyond the busy timeout (503, retry shortly). Either way the
 * transaction was rolled back (`withTransaction` does it on any
 * rejection), so the answer can honestly say nothing was saved.
 */
async function databaseProblem(c: Context, code: string): Promise<Response | undefined> {
  const primary = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  if (primary === 'SQLITE_FULL') return problemResponse(c, 'storageFull', message('server.storageFull'));
  if (primary === 'SQLITE_BUSY' || primary === 'SQLITE_LOCKED') {
    return problemResponse(c, 'unavailable', message('server.busy', { seconds: BUSY_RETRY_AFTER_SECONDS }), {
      headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
    });
  }
  return undefined;
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
  const code = sqliteCode(err);
  const answer = code ? await databaseProblem(c, code) : undefined;
  const where = { method: c.req.method, route: routeOf(c) };
  if (answer) {
    // One line, not the stack: a full disk makes every write fail the same way.
    logOf(c).warn({ ...where, sqlite: code }, 'database refused the request');
    return answer;
  }
  // One JSON line with the request's id, the error's type, message and stack (never in the answer).
  logOf(c).error({ ...where, err }, 'request failed');
  return problemResponse(c, 'internal', message('server.internal'));
};

export const onNotFound: NotFoundHandler = (c) => problemResponse(c, 'notFound', message('request.noRoute', { method: c.req.method, path: c.req.path }));
