import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, ne, or } from 'drizzle-orm';
import type { MailKind } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { mailOptOuts, mailOutbox } from '../../db/tables/index.ts';
import { preparedInsert } from '../../db/prepared-insert.ts';
import { query } from '../../db/transaction.ts';
import { before } from '../../webhooks/queries/keyset.ts';

export type MailRow = typeof mailOutbox.$inferSelect;
export type NewMailRow = typeof mailOutbox.$inferInsert;

/**
 * Queues a message; call it inside the transaction of the change it tells
 * of. False when a message with the same `dedupeKey` was already queued
 * (a sweep run twice, or by two instances).
 */
export function insertMail(tx: DbOrTx, row: NewMailRow): Promise<boolean> {
  return query(tx, async (tx) => {
    const { statement, values } = mailInsert(tx, row);
    return (await statement.run(values)).changes > 0;
  });
}

const mailInsert = preparedInsert(mailOutbox, (db, values) => db.insert(mailOutbox).values(values).onConflictDoNothing().prepare());

/** Not sent yet, due, and claimed by nobody (or by a worker whose claim lapsed). */
const claimable = (now: string) =>
  and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now), or(isNull(mailOutbox.claimedBy), lt(mailOutbox.claimedUntil, now)));

/**
 * Takes up to `limit` due messages for `worker`, oldest first, in one
 * conditional UPDATE … RETURNING: a row another worker claimed meanwhile no
 * longer matches, so two workers (or API instances) never take the same
 * message. The claim lapses at `until` if the worker dies.
 */
export function claimDueMail(db: DbOrTx, worker: string, now: string, until: string, limit: number): Promise<MailRow[]> {
  return query(db, (db) => {
    const due = db.select({ id: mailOutbox.id }).from(mailOutbox).where(claimable(now)).orderBy(asc(mailOutbox.nextAttemptAt)).limit(limit);
    return db
      .update(mailOutbox)
      .set({ claimedBy: worker, claimedUntil: until })
      .where(and(inArray(mailOutbox.id, due), claimable(now)))
      .returning()
      .all();
  });
}

/** Records an attempt's outcome and releases the claim (only the worker that holds it may). */
export function settleMail(
  db: DbOrTx,
  id: string,
  worker: string,
  set: Pick<MailRow, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt'> & Partial<Pick<MailRow, 'address' | 'unsubscribeHash'>>,
): Promise<boolean> {
  return query(db, async (db) => (await db.update(mailOutbox).set({ ...set, claimedBy: null, claimedUntil: null }).where(and(eq(mailOutbox.id, id), eq(mailOutbox.claimedBy, worker))).run()).changes > 0);
}

/** Keeps the hash of a message's unsubscribe token before it is sent (the link must work as soon as it arrives). */
export function setUnsubscribeHash(db: DbOrTx, id: string, hash: string): Promise<void> {
  return query(db, async (db) => {
    await db.update(mailOutbox).set({ unsubscribeHash: hash }).where(eq(mailOutbox.id, id)).run();
  });
}

export function findMail(db: DbOrTx, id: string): Promise<MailRow | undefined> {
  return query(db, (db) => db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get());
}

export function findMailByUnsubscribeHash(db: DbOrTx, hash: string): Promise<MailRow | undefined> {
  return query(db, (db) => db.select().from(mailOutbox).where(eq(mailOutbox.unsubscribeHash, hash)).get());
}

/** A person's messages, newest first, after the `(createdAt, id)` of the previous page's last one. */
export function listMailOfPerson(db: DbOrTx, tenantId: string, personId: string, options: { limit: number; after?: { createdAt: string; id: string } | undefined }): Promise<MailRow[]> {
  return query(db, (db) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.personId, personId), before(mailOutbox.createdAt, mailOutbox.id, options.after)))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(options.limit)
      .all(),
  );
}

/** Forgets the addresses of a person's messages that are no longer to be sent (erasure); those waiting keep theirs until sent. */
export function forgetMailAddresses(tx: DbOrTx, tenantId: string, personId: string): Promise<number> {
  return query(tx, async (tx) =>
    (await tx
      .update(mailOutbox)
      .set({ address: null })
      .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.personId, personId), ne(mailOutbox.status, 'pending'), isNotNull(mailOutbox.address)))
      .run()).changes,
  );
}

export function forgetOptOuts(tx: DbOrTx, tenantId: string, personId: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.delete(mailOptOuts).where(and(eq(mailOptOuts.tenantId, tenantId), eq(mailOptOuts.personId, personId))).run();
  });
}

export function optedOutKinds(db: DbOrTx, tenantId: string, personId: string): Promise<MailKind[]> {
  return query(db, async (db) =>
    (await db
      .select({ kind: mailOptOuts.kind })
      .from(mailOptOuts)
      .where(and(eq(mailOptOuts.tenantId, tenantId), eq(mailOptOuts.personId, personId)))
      .all())
      .map((r) => r.kind),
  );
}

export function setOptOut(tx: DbOrTx, row: typeof mailOptOuts.$inferInsert, off: boolean): Promise<void> {
  return query(tx, async (tx) => {
    if (off) await tx.insert(mailOptOuts).values(row).onConflictDoNothing().run();
    else await tx.delete(mailOptOuts).where(and(eq(mailOptOuts.tenantId, row.tenantId), eq(mailOptOuts.personId, row.personId), eq(mailOptOuts.kind, row.kind))).run();
  });
}
