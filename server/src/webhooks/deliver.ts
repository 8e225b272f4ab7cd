/**
 * The delivery worker: sends due outbox messages, signed, records every
 * attempt, and schedules retries with exponential backoff.
 */
import type { Clock } from '../context.ts';
import type { Db } from '../db/open.ts';
import { claimDelivery, insertAttempt, listDueDeliveries, settleDelivery } from '../db/webhooks/deliveries.ts';
import { signedHeaders } from './sign.ts';

/** Waits after failed attempt 1, 2, …; after the last one the message is `failed` (8 attempts over about 19 hours). */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A receiver must answer within this time. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** A claimed message is left alone this long by other workers (longer than the timeout). */
const LOCK_MS = 60_000;

export interface DeliverOptions {
  db: Db;
  clock: Clock;
  /** Injected in tests; the platform's fetch otherwise. */
  fetch?: typeof fetch;
  /** At most this many messages per call. */
  limit?: number;
}

type Outcome = { ok: boolean; statusCode: number | null; error: string | null };

async function send(doFetch: typeof fetch, url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  try {
    // No redirects: a receiver must not bounce our signed data to another address.
    const res = await doFetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const error = name === 'TimeoutError' || name === 'AbortError' ? `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.` : err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return { ok: false, statusCode: null, error: error.slice(0, 500) };
  }
}

/**
 * Sends every due message once (in parallel, each claimed first so that no
 * other worker sends it at the same time). Returns how many were attempted.
 */
export async function deliverDue(options: DeliverOptions): Promise<number> {
  const { db, clock } = options;
  const doFetch = options.fetch ?? fetch;
  const start = clock.now();
  const due = listDueDeliveries(db, start.toISOString(), options.limit ?? 20);
  const claimed = due.filter((d) => claimDelivery(db, d.delivery.id, start.toISOString(), new Date(start.getTime() + LOCK_MS).toISOString()));
  await Promise.all(
    claimed.map(async ({ delivery, url, secret }) => {
      const at = clock.now();
      const began = performance.now();
      const outcome = await send(doFetch, url, signedHeaders(secret, delivery.id, at, delivery.payload), delivery.payload);
      const durationMs = Math.round(performance.now() - began);
      const attempts = delivery.attempts + 1;
      const settledAt = clock.now();
      db.transaction((tx) => {
        insertAttempt(tx, { deliveryId: delivery.id, at: at.toISOString(), statusCode: outcome.statusCode, error: outcome.error, durationMs });
        if (outcome.ok) settleDelivery(tx, delivery.id, { status: 'delivered', attempts, nextAttemptAt: null, deliveredAt: settledAt.toISOString() });
        else if (attempts >= MAX_ATTEMPTS) settleDelivery(tx, delivery.id, { status: 'failed', attempts, nextAttemptAt: null, deliveredAt: null });
        else settleDelivery(tx, delivery.id, { status: 'pending', attempts, nextAttemptAt: new Date(settledAt.getTime() + RETRY_DELAYS_MS[attempts - 1]!).toISOString(), deliveredAt: null });
      });
    }),
  );
  return claimed.length;
}

/**
 * Runs `deliverDue` every `intervalMs` until stopped; a tick starts only
 * after the previous one ended, so this process never overlaps itself.
 * `stop()` waits for the tick in flight.
 */
export function startDeliveryRunner(options: DeliverOptions & { intervalMs?: number; onError?: (err: unknown) => void }): { stop: () => Promise<void> } {
  const interval = options.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = deliverDue(options)
      .then(() => undefined)
      .catch((err: unknown) => (options.onError ?? ((e) => console.error('webhook delivery:', e)))(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, interval);
      });
  };
  timer = setTimeout(tick, interval);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
