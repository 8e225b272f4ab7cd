/**
 * The delivery worker: sends due outbox messages, signed, records every
 * attempt (its error as a category), and schedules retries with
 * exponential backoff.
 *
 * Each subscription has its own lane: its messages one at a time, oldest
 * first, so a receiver that never answers delays only its own messages.
 * Lanes run side by side, at most `maxLanes` at once; each attempt has a
 * time limit; a message is claimed (`lockedUntil`) before it is sent, so
 * several workers or API instances never send it twice at once.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Clock } from '../context.ts';
import type { Db } from '../db/open.ts';
import { claimDelivery, insertAttempt, listDueSubscriptions, nextDueDelivery, settleDelivery, type DueDelivery } from './queries/deliveries.ts';
import { signedHeaders, signingSecrets } from './sign.ts';
import { postWebhook } from './post.ts';
import { onDeliveriesQueued } from './wake.ts';
import { withTransaction } from '../db/transaction.ts';

/** Waits after failed attempt 1, 2, …; after the last one the message is `failed` (8 attempts over about 19 hours). */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A receiver must answer within this time (resolution, connection, TLS and status line included). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Subscriptions sent to at once by one worker. */
export const MAX_LANES = 16;
/** Messages a lane sends before it lets another subscription have its place. */
const LANE_TURN = 50;
/** A claimed message is left alone this long by other workers beyond the attempt's time limit. */
const LOCK_MARGIN_MS = 50_000;

export interface DeliverOptions {
  db: Db;
  clock: Clock;
  /**
   * Receivers on this machine (loopback) may be reached: the test and
   * development switch, `config.webhookAllowLocalHttp`. Every other
   * non-public address is refused at connection time either way.
   */
  allowLocal: boolean;
  /** The resolver, with the signature of `dns.lookup` (the default); tests inject a table. */
  lookup?: LookupFunction;
  /** Per-attempt time limit (default `DELIVERY_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Subscriptions sent to at once (default `MAX_LANES`). */
  maxLanes?: number;
}

/** Sends one claimed message and records the attempt and what follows (delivered, retry later, failed). */
async function attempt(options: DeliverOptions, { delivery, url, keys }: DueDelivery): Promise<void> {
  const { db, clock } = options;
  const at = clock.now();
  const began = performance.now();
  const outcome = await postWebhook({
    url,
    headers: signedHeaders(signingSecrets(keys, at), delivery.id, at, delivery.payload),
    body: delivery.payload,
    lookup: options.lookup ?? dnsLookup,
    allowLoopback: options.allowLocal,
    timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
  });
  const durationMs = Math.round(performance.now() - began);
  const attempts = delivery.attempts + 1;
  const settledAt = clock.now();
  await withTransaction({ db }, async (tx) => {
    await insertAttempt(tx, { tenantId: delivery.tenantId, deliveryId: delivery.id, at: at.toISOString(), statusCode: outcome.statusCode, error: outcome.error, durationMs });
    if (outcome.ok) await settleDelivery(tx, delivery.id, { status: 'delivered', attempts, nextAttemptAt: null, deliveredAt: settledAt.toISOString() });
    else if (attempts >= MAX_ATTEMPTS) await settleDelivery(tx, delivery.id, { status: 'failed', attempts, nextAttemptAt: null, deliveredAt: null });
    else await settleDelivery(tx, delivery.id, { status: 'pending', attempts, nextAttemptAt: new Date(settledAt.getTime() + RETRY_DELAYS_MS[attempts - 1]!).toISOString(), deliveredAt: null });
  });
}

/**
 * One turn of a subscription's lane: its due messages, oldest first, one at
 * a time, each tried at most once in the turn. Returns how many were sent.
 */
async function runLane(options: DeliverOptions, subscriptionId: string, stopping: () => boolean): Promise<number> {
  const { db, clock } = options;
  const tried: string[] = [];
  let sent = 0;
  while (!stopping() && tried.length < LANE_TURN) {
    const now = clock.now();
    const next = await nextDueDelivery(db, subscriptionId, now.toISOString(), tried);
    if (!next) break;
    tried.push(next.delivery.id);
    const lockedUntil = new Date(now.getTime() + (options.timeoutMs ?? DELIVERY_TIMEOUT_MS) + LOCK_MARGIN_MS).toISOString();
    if (!(await claimDelivery(db, next.delivery.id, now.toISOString(), lockedUntil))) continue; // another worker has it
    await attempt(options, next);
    sent++;
  }
  return sent;
}

/**
 * Sends every message due now once: one lane per subscription, at most
 * `maxLanes` at once. Returns how many messages were attempted. (The
 * runner below does the same continuously; tests call this directly.)
 */
export async function deliverDue(options: DeliverOptions): Promise<number> {
  const queue = await listDueSubscriptions(options.db, options.clock.now().toISOString(), 1000);
  let sent = 0;
  const worker = async () => {
    for (let subscriptionId = queue.shift(); subscriptionId !== undefined; subscriptionId = queue.shift()) {
      const laneSent = await runLane(options, subscriptionId, () => false);
      sent += laneSent;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.maxLanes ?? MAX_LANES, queue.length) }, worker));
  return sent;
}

export interface DeliveryRunner {
  /** Opens no new lane, then resolves once the attempts in flight are finished (each within its time limit). */
  stop(): Promise<void>;
  /** Whether it still sends (until `stop()`): `/ready` asks. */
  running(): boolean;
}

/**
 * Sends messages continuously: opens a lane for each subscription with due
 * messages (up to `maxLanes`), when a message is queued in this process
 * (`wake.ts`), when a lane ends, and every `intervalMs` (retries coming due,
 * messages queued by other instances).
 */
export function startDeliveryRunner(options: DeliverOptions & { intervalMs?: number; onError?: (err: unknown) => void }): DeliveryRunner {
  const maxLanes = options.maxLanes ?? MAX_LANES;
  const report = options.onError ?? ((err: unknown) => console.error('webhook delivery:', err));
  const lanes = new Map<string, Promise<void>>();
  let stopped = false;
  const stopping = () => stopped;

  // One look for due subscriptions at a time (a second one, asked meanwhile, runs after it): two
  // looks at once would both see the same subscription without a lane and open two.
  let looking: Promise<void> | undefined;
  let lookAgain = false;
  const openLanes = (): void => {
    if (looking) {
      lookAgain = true;
      return;
    }
    looking = fillLanes().finally(() => {
      looking = undefined;
      if (lookAgain && !stopped) {
        lookAgain = false;
        openLanes();
      }
    });
  };

  const fillLanes = async (): Promise<void> => {
    if (stopped || lanes.size >= maxLanes) return;
    try {
      for (const subscriptionId of await listDueSubscriptions(options.db, options.clock.now().toISOString(), maxLanes - lanes.size, [...lanes.keys()])) {
        const lane = runLane(options, subscriptionId, stopping)
          .then(() => undefined, report)
          .finally(() => {
            lanes.delete(subscriptionId);
            // Its next messages (or another subscription's, waiting for a place).
            if (!stopped) setImmediate(openLanes);
          });
        lanes.set(subscriptionId, lane);
      }
    } catch (err) {
      report(err);
    }
  };

  const timer = setInterval(openLanes, options.intervalMs ?? 1000);
  const unsubscribe = onDeliveriesQueued(openLanes);
  setImmediate(openLanes);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await looking;
      await Promise.all([...lanes.values()]);
    },
    running: () => !stopped,
  };
}
