import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/** The caller's address: the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY=1. */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  // `c.env` is @hono/node-server's bindings when served; absent under app.request() in tests.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
