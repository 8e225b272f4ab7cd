/**
 * One delivery attempt: a POST over node:http(s) whose connection goes
 * through the guarded resolver (`lookup.ts`), an IP literal being judged
 * before any socket is opened. No redirects are followed (a receiver must
 * not bounce our signed data elsewhere), nothing is reused between attempts
 * (each connection is resolved and checked anew), and the whole attempt —
 * resolution, connection, TLS, the answer's status line — has one time limit.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookAttemptError } from '@passerelle/schema';
import { hostRefusal } from './address.ts';
import { guardedLookup } from './lookup.ts';
import { AttemptTimeoutError, errorCategory, httpError } from './categories.ts';

export type AttemptOutcome = { ok: true; statusCode: number; error: null } | { ok: false; statusCode: number | null; error: WebhookAttemptError };

export interface PostTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The resolver (dns.lookup in production). */
  lookup: LookupFunction;
  /** Receivers on this machine are allowed (the test and development switch). */
  allowLoopback: boolean;
  timeoutMs: number;
}

const failed = (error: WebhookAttemptError, statusCode: number | null = null): AttemptOutcome => ({ ok: false, statusCode, error });

export function postWebhook(target: PostTarget): Promise<AttemptOutcome> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return Promise.resolve(failed('network-error'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return Promise.resolve(failed('network-error'));
  if (hostRefusal(url.hostname, target.allowLoopback) !== null) return Promise.resolve(failed('blocked-address'));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...target.headers, 'content-length': String(Buffer.byteLength(target.body)) },
        agent: false,
        lookup: guardedLookup(target.lookup, target.allowLoopback),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        finish(status >= 200 && status < 300 ? { ok: true, statusCode: status, error: null } : failed(httpError(status), status));
        // The status is all we keep: the body is not read.
        res.destroy();
      },
    );
    const timer = setTimeout(() => req.destroy(new AttemptTimeoutError()), target.timeoutMs);
    req.on('error', (err) => {
      finish(failed(errorCategory(err)));
      req.destroy(); // a TLS failure may leave the socket open otherwise
    });
    req.end(target.body);
  });
}
