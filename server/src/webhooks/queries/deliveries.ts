import { and, asc, desc, eq, inArray, isNull, lt, lte, min, notInArray, or, sql } from 'drizzle-orm';
import type { WebhookDeliveryStatus } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../../db/tables/index.ts';
import { before } from './keyset.ts';
import { query } from '../../db/transaction.ts';

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

/** Writes outbox messages; call it inside the transaction of the change they announce. */
export function insertDeliveries(tx: DbOrTx, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<void> {
  return query(tx, async (tx) => {
    if (rows.length > 0) await tx.insert(webhookDeliveries).values(rows).run();
  });
}

/** Pending, due, unlocked messages of enabled subscriptions: what a worker may send now. */
const due = (now: string) =>
  and(
    eq(webhookDeliveries.status, 'pending'),
    lte(webhookDeliveries.nextAttemptAt, now),
    or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
    eq(webhookSubscriptions.enabled, true),
  );

/**
 * Subscriptions with a message to send now, the longest-waiting first,
 * leaving out those this worker is already sending to (`busy`): the lanes
 * the delivery runner opens next.
 */
export function listDueSubscriptions(db: DbOrTx, now: string, limit: number, busy: readonly string[] = []): Promise<string[]> {
  return query(db, async (db) => {
    const waitingSince = min(webhookDeliveries.nextAttemptAt);
    return (await db
      .select({ subscriptionId: webhookDeliveries.subscriptionId, waitingSince })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(and(due(now), busy.length > 0 ? notInArray(webhookDeliveries.subscriptionId, [...busy]) : undefined))
      .groupBy(webhookDeliveries.subscriptionId)
      .orderBy(asc(waitingSince))
      .limit(limit)
      .all())
      .map((r) => r.subscriptionId);
  });
}

/**
 * The subscription's oldest message to send now (in the order the events
 * were recorded), with what signs and addresses it; `skip`: messages this
 * lane already tried in its turn.
 */
export function nextDueDelivery(db: DbOrTx, subscriptionId: string, now: string, skip: readonly string[] = []) {
  return query(db, (db) => {
    return db
      .select({
        delivery: webhookDeliveries,
        url: webhookSubscriptions.url,
        keys: { secret: webhookSubscriptions.secret, previousSecret: webhookSubscriptions.previousSecret, previousSecretUntil: webhookSubscriptions.previousSecretUntil },
      })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), due(now), skip.length > 0 ? notInArray(webhookDeliveries.id, [...skip]) : undefined))
      .orderBy(asc(webhookDeliveries.createdAt), asc(sql`${webhookDeliveries}.rowid`))
      .limit(1)
      .get();
  });
}
export type DueDelivery = NonNullable<Awaited<ReturnType<typeof nextDueDelivery>>>;

/**
 * Takes a message for one attempt: true only for the worker whose
 * conditional update won, so that two workers (or two API instances) never
 * send the same message at once. The lock lapses at `until` if the worker dies.
 *
 * The condition is the row's whole "due now" state, re-read by the update
 * itself (on PostgreSQL a concurrent claim's update is waited for, then the
 * condition evaluated again on the row it wrote): a worker that read the
 * message as due before another sent it and scheduled its retry finds it
 * not due, rather than sending it again at once on a stale read.
 */
export function claimDelivery(db: DbOrTx, id: string, now: string, until: string): Promise<boolean> {
  return query(db, async (db) => {
    return (
      (await db
        .update(webhookDeliveries)
        .set({ lockedUntil: until })
        .where(
          and(
            eq(webhookDeliveries.id, id),
            eq(webhookDeliveries.status, 'pending'),
            lte(webhookDeliveries.nextAttemptAt, now),
            or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
          ),
        )
        .run()).changes > 0
    );
  });
}

export function insertAttempt(tx: DbOrTx, values: typeof webhookAttempts.$inferInsert): Promise<void> {
  return query(tx, async (tx) => {
    await tx.insert(webhookAttempts).values(values).run();
  });
}

/** Records the outcome of an attempt and releases the lock. */
export function settleDelivery(tx: DbOrTx, id: string, set: Pick<WebhookDeliveryRow, 'status' | 'attempts' | 'nextAttemptAt' | 'deliveredAt'>): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(webhookDeliveries)
      .set({ ...set, lockedUntil: null })
      .where(eq(webhookDeliveries.id, id))
      .run();
  });
}

export function findDelivery(db: DbOrTx, tenantId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return query(db, (db) => db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id))).get());
}

/** A subscription's messages, newest first, after the `(createdAt, id)` of the previous page's last row. */
export function listDeliveriesOf(
  db: DbOrTx,
  tenantId: string,
  subscriptionId: string,
  options: { limit: number; status?: WebhookDeliveryStatus | undefined; after?: { createdAt: string; id: string } | undefined },
): Promise<WebhookDeliveryRow[]> {
  return query(db, (db) => {
    return db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          options.status ? eq(webhookDeliveries.status, options.status) : undefined,
          before(webhookDeliveries.createdAt, webhookDeliveries.id, options.after),
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(options.limit)
      .all();
  });
}

/** The attempts of some messages, oldest first per message. */
export function attemptsOf(db: DbOrTx, tenantId: string, deliveryIds: readonly string[]): Promise<Map<string, WebhookAttemptRow[]>> {
  return query(db, async (db) => {
    const byDelivery = new Map<string, WebhookAttemptRow[]>();
    if (deliveryIds.length === 0) return byDelivery;
    const rows = (await db.select().from(webhookAttempts).where(and(eq(webhookAttempts.tenantId, tenantId), inArray(webhookAttempts.deliveryId, [...deliveryIds]))).orderBy(asc(webhookAttempts.at), asc(webhookAttempts.id)).all());
    for (const r of rows) {
      const list = byDelivery.get(r.deliveryId) ?? [];
      list.push(r);
      byDelivery.set(r.deliveryId, list);
    }
    return byDelivery;
  });
}

/** Puts a message back in the queue, due now (an administrator's retry). */
export function requeueDelivery(tx: DbOrTx, tenantId: string, id: string, now: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
      .run();
  });
}
