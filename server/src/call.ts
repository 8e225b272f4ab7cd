import type { Context } from 'hono';
import type { Actor } from '@passerelle/schema';
import type { AppEnv } from './context.ts';
import type { DbOrTx } from './db/open.ts';
import { auditOrigin, type AuditOrigin } from './audit/audit.ts';
import { rememberReply } from './http/idempotency.ts';

/**
 * What a use case knows of the call that asks for it, so that it never
 * needs Hono's `Context`: who acts, for the policy; who, from where and
 * when, for the audit; and, on a route that takes an `Idempotency-Key`, how
 * to remember its answer inside the transaction that makes it. The CLI and
 * the tests build one without HTTP.
 */
export interface Call {
  readonly actor: Actor;
  /** The institution's slug (the payment page and a few answers name it). */
  readonly tenantSlug: string;
  readonly who: AuditOrigin;
  /** Remembers the answer for the request's `Idempotency-Key`; absent where the route takes none. */
  readonly remember?: (tx: DbOrTx, status: number, body: unknown, location?: string) => Promise<void>;
}

/** The call of a signed-in request. */
export function callOf(c: Context<AppEnv>, options: { idempotent?: boolean } = {}): Call {
  const { actor, tenantSlug } = c.get('auth');
  return {
    actor,
    tenantSlug,
    who: auditOrigin(c),
    ...(options.idempotent ? { remember: (tx: DbOrTx, status: number, body: unknown, location?: string) => rememberReply(tx, c, status, body, location) } : {}),
  };
}
