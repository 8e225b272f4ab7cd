import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routeOf } from './route-of.ts';
import type { AppEnv } from '../context.ts';
import { createLogger, type Logger } from './log.ts';

/**
 * The request's id: the proxy's `X-Request-Id` when it sets a sane one
 * (letters, digits, `-`, `_`, `=`, at most 128 characters), else a new UUID;
 * echoed in the answer, carried by every log line of the request.
 */
export const requestIds = (): MiddlewareHandler<AppEnv> => requestId({ limitLength: 128 });

/**
 * One line per request, written when the answer is ready: its id, method,
 * route pattern (`/v1/profiles/:id`, never the path itself nor its query,
 * which may hold an address or a name), status and duration. Each request
 * also gets `c.get('log')`, a logger that adds its id to every line.
 */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    const reqId = c.get('requestId');
    c.set('log', log.child({ reqId }));
    await next();
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = { reqId, method: c.req.method, route: routeOf(c), status, durationMs };
    if (status >= 500) log.warn(line, 'request');
    else log.info(line, 'request');
  };
}

let fallback: Logger | undefined;

/** The request's logger; outside the app's middleware (a handler tested alone), a JSON log of warnings and errors. */
export function logOf(c: Context): Logger {
  const log: Logger | undefined = c.get('log');
  if (log) return log;
  fallback ??= createLogger({ logLevel: 'warn', dev: false });
  return fallback;
}
