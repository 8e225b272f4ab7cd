/**
 * Test support for the fault suite (test/fault): what the API stored, read
 * back through the engine it ran on (the same drizzle query builder on
 * SQLite or PostgreSQL), so that the suite's checks hold on both.
 */
import { and, asc, count, eq, gt, inArray, like } from 'drizzle-orm';
import type { MailKind } from '@passerelle/schema';
import { isSqlite, sqliteOf, type Db } from './open.ts';
import { auditLog, companyRequests, emailCodes, idempotencyKeys, mailOutbox, memberships, pledges, profiles, sessions, webhookAttempts, webhookDeliveries } from './tables/index.ts';

/**
 * SQLite: the file's own integrity check (`ok`), which a crash in the
 * middle of a write must leave intact. PostgreSQL: `ok` — the API holds no
 * database file there; its crash only ends its connections, whose open
 * transactions the server rolls back, and what that could leave half done
 * is what the row checks look for.
 */
export async function integrity(db: Db): Promise<string> {
  if (!isSqlite(db)) return 'ok';
  return String(sqlitePragma(db, 'integrity_check'));
}

/** A SQLite pragma's value (`page_count`…); an error on another engine. */
export function sqlitePragma(db: Db, pragma: string): unknown {
  // better-sqlite3's connection under drizzle's database (drizzle sets `$client`; its type does not say so).
  const client = (sqliteOf(db) as unknown as { $client: { pragma(source: string, options: { simple: true }): unknown } }).$client;
  return client.pragma(pragma, { simple: true });
}

export async function pledgeIds(db: Db): Promise<string[]> {
  return (await db.select({ id: pledges.id }).from(pledges).orderBy(asc(pledges.id)).all()).map((r) => r.id);
}

export interface StoredPledge {
  authorId: string;
  amountCents: number | null;
  donorName: string | null;
}

/** The pledges with these ids, by id (absent when missing). */
export async function pledgeRows(db: Db, ids: readonly string[]): Promise<Map<string, StoredPledge>> {
  const found = new Map<string, StoredPledge>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: pledges.id, authorId: pledges.authorId, amountCents: pledges.amountCents, donorName: pledges.donorName })
      .from(pledges)
      .where(inArray(pledges.id, ids.slice(i, i + 500)))
      .all();
    for (const { id, ...row } of rows) found.set(id, row);
  }
  return found;
}

/** The pledges created through the API: those with a `pledge.create` audit entry. */
export async function auditedPledgeIds(db: Db): Promise<Set<string>> {
  const rows = await db.select({ id: auditLog.objectId }).from(auditLog).where(and(eq(auditLog.objectType, 'pledge'), eq(auditLog.action, 'pledge.create'))).all();
  return new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
}

/** Where each stored idempotency key of a pledge points (`/v1/pledges/<id>`), with the key. */
export async function pledgeKeyLocations(db: Db): Promise<Array<{ key: string; location: string }>> {
  const rows = await db.select({ key: idempotencyKeys.key, location: idempotencyKeys.location }).from(idempotencyKeys).where(like(idempotencyKeys.location, '/v1/pledges/%')).all();
  return rows.flatMap((r) => (r.location ? [{ key: r.key, location: r.location }] : []));
}

/** Idempotency keys stored more than once for one person (the primary key forbids it: a check that it does). */
export async function duplicateKeys(db: Db): Promise<Array<{ tenantId: string; personId: string; key: string; n: number }>> {
  const n = count();
  return db
    .select({ tenantId: idempotencyKeys.tenantId, personId: idempotencyKeys.personId, key: idempotencyKeys.key, n })
    .from(idempotencyKeys)
    .groupBy(idempotencyKeys.tenantId, idempotencyKeys.personId, idempotencyKeys.key)
    .having(gt(n, 1))
    .all();
}

/** The pledges an idempotency key stands for, with their amounts. */
export async function pledgesForKey(db: Db, key: string): Promise<Array<{ id: string; amount: number | null }>> {
  const ids = (await pledgeKeyLocations(db)).filter((k) => k.key === key).map((k) => k.location.slice('/v1/pledges/'.length));
  if (ids.length === 0) return [];
  return db.select({ id: pledges.id, amount: pledges.amountCents }).from(pledges).where(inArray(pledges.id, ids)).all();
}

/** A profile's version and bio, and how many `profile.update` audit entries it has. */
export async function profileMark(db: Db, personId: string): Promise<{ version: number; bio: string | null; audits: number }> {
  const row = await db.select({ version: profiles.version, bio: profiles.bio }).from(profiles).where(eq(profiles.personId, personId)).get();
  if (!row) throw new Error(`no profile for ${personId}`);
  const audits = await auditCount(db, 'profile.update', personId);
  return { ...row, audits };
}

/** Audit entries of `action` about object `objectId`. */
export async function auditCount(db: Db, action: string, objectId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId))).get();
  return row?.n ?? 0;
}

export async function companyRequestStatus(db: Db, id: string): Promise<string | undefined> {
  return (await db.select({ status: companyRequests.status }).from(companyRequests).where(eq(companyRequests.id, id)).get())?.status;
}

/** A person's `company_rep` memberships of a company. */
export async function representations(db: Db, personId: string, companyId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.role, 'company_rep'), eq(memberships.companyId, companyId)))
    .get();
  return row?.n ?? 0;
}

/** Messages of `kind` queued for a person. */
export async function mailsQueued(db: Db, personId: string, kind: MailKind): Promise<number> {
  const row = await db.select({ n: count() }).from(mailOutbox).where(and(eq(mailOutbox.personId, personId), eq(mailOutbox.kind, kind))).get();
  return row?.n ?? 0;
}

/** Sessions opened for a person by `method`. */
export async function sessionsOpened(db: Db, personId: string, method: 'host' | 'email'): Promise<number> {
  const row = await db.select({ n: count() }).from(sessions).where(and(eq(sessions.personId, personId), eq(sessions.method, method))).get();
  return row?.n ?? 0;
}

/** The sign-in codes sent to an address: used or not. */
export async function codesOf(db: Db, email: string): Promise<Array<{ kind: string; used: boolean }>> {
  const rows = await db.select({ kind: emailCodes.kind, usedAt: emailCodes.usedAt }).from(emailCodes).where(eq(emailCodes.email, email)).all();
  return rows.map((r) => ({ kind: r.kind, used: r.usedAt !== null }));
}

/** A subscription's outbox messages: status, attempts counted on the row, and attempt rows recorded. */
export async function deliveriesOf(db: Db, subscriptionId: string): Promise<Array<{ id: string; status: string; attempts: number; recorded: number }>> {
  const rows = await db.select({ id: webhookDeliveries.id, status: webhookDeliveries.status, attempts: webhookDeliveries.attempts }).from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId)).all();
  if (rows.length === 0) return [];
  const n = count();
  const recorded = new Map(
    (await db.select({ id: webhookAttempts.deliveryId, n }).from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, rows.map((r) => r.id))).groupBy(webhookAttempts.deliveryId).all()).map((r) => [r.id, r.n]),
  );
  return rows.map((r) => ({ ...r, recorded: recorded.get(r.id) ?? 0 }));
}
