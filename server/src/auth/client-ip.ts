import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * The client's address behind `trustedProxies` reverse proxies. Each proxy
 * appends the address it received the request from to X-Forwarded-For, so
 * only the last `trustedProxies` entries were written by proxies we trust:
 * the one `trustedProxies` from the right is what the outermost trusted
 * proxy saw. Everything to its left was written by the client. With fewer
 * entries than proxies (the request did not come through them all), or no
 * trusted proxy, the socket's address is the answer: never a value the
 * client wrote.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string, trustedProxies: number): string {
  if (trustedProxies < 1 || !forwardedFor) return socketAddress;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  if (entries.length < trustedProxies) return socketAddress;
  return entries[entries.length - trustedProxies] || socketAddress;
}

/** The caller's address: the socket's, or the one TRUST_PROXY proxies vouch for in X-Forwarded-For. */
export function clientIp(c: Context<AppEnv>): string {
  // `c.env` is @hono/node-server's bindings when served; absent under app.request() in tests.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress ?? 'local';
  return clientAddress(c.req.header('x-forwarded-for'), socket, c.get('deps').config.trustedProxies);
}
