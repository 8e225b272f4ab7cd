import { and, desc, eq, sql } from 'drizzle-orm';
import { prepareOnce } from '../../db/prepare-once.ts';
import type { DbOrTx } from '../../db/open.ts';
import { webhookSubscriptions } from '../../db/tables/index.ts';
import { before } from './keyset.ts';
import { query } from '../../db/transaction.ts';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export function insertSubscription(tx: DbOrTx, values: typeof webhookSubscriptions.$inferInsert): Promise<WebhookSubscriptionRow> {
  return query(tx, (tx) => tx.insert(webhookSubscriptions).values(values).returning().get());
}

export function findSubscription(db: DbOrTx, tenantId: string, id: string): Promise<WebhookSubscriptionRow | undefined> {
  return query(db, (db) => db.select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id))).get());
}

/** The tenant's subscriptions, newest first, after the `(createdAt, id)` of the previous page's last row. */
export function listSubscriptions(db: DbOrTx, tenantId: string, options: { limit: number; after?: { createdAt: string; id: string } | undefined }): Promise<WebhookSubscriptionRow[]> {
  return query(db, (db) => {
    return db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), before(webhookSubscriptions.createdAt, webhookSubscriptions.id, options.after)))
      .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id))
      .limit(options.limit)
      .all();
  });
}

const enabledSubscriptions = prepareOnce((db) =>
  db.select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.tenantId, sql.placeholder('tenantId')), eq(webhookSubscriptions.enabled, true))).prepare(),
);

/**
 * Enabled subscriptions of the tenant (the caller keeps those listening to
 * its event). Asked for every recorded event, an import's 50,000 updates
 * included: compiled once per handle.
 */
export function listEnabledSubscriptions(db: DbOrTx, tenantId: string): Promise<WebhookSubscriptionRow[]> {
  return query(db, (db) => enabledSubscriptions(db).all({ tenantId }));
}

/** Updates the subscription if it is still at `version`; undefined when someone changed it meanwhile. */
export function updateSubscriptionAtVersion(tx: DbOrTx, tenantId: string, id: string, version: number, set: Partial<typeof webhookSubscriptions.$inferInsert>): Promise<WebhookSubscriptionRow | undefined> {
  return query(tx, (tx) => {
    return tx
      .update(webhookSubscriptions)
      .set(set)
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.version, version)))
      .returning()
      .get();
  });
}

/** Deletes the subscription with its deliveries and their attempts (cascade). */
export function deleteSubscription(tx: DbOrTx, tenantId: string, id: string): Promise<boolean> {
  return query(tx, async (tx) => (await tx.delete(webhookSubscriptions).where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id))).run()).changes > 0);
}
