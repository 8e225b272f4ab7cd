import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { emailCodes } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export type CodeKind = 'short' | 'long';

/** Codes sent to this address of the tenant since `since`. */
export function countCodesForAddressSince(db: DbOrTx, tenantId: string, email: string, since: string): Promise<number> {
  return query(db, async (db) => {
    const row = (await db
      .select({ n: count() })
      .from(emailCodes)
      .where(and(eq(emailCodes.tenantId, tenantId), eq(emailCodes.email, email), gt(emailCodes.createdAt, since)))
      .get());
    return row?.n ?? 0;
  });
}

/** Codes asked for from this IP (any tenant) since `since`. */
export function countCodesForIpSince(db: DbOrTx, ip: string, since: string): Promise<number> {
  return query(db, async (db) => {
    const row = (await db.select({ n: count() }).from(emailCodes).where(and(eq(emailCodes.ip, ip), gt(emailCodes.createdAt, since))).get());
    return row?.n ?? 0;
  });
}

export function insertEmailCode(
  db: DbOrTx,
  values: { id: string; tenantId: string; email: string; kind: CodeKind; ip: string; codeHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  return query(db, async (db) => {
    await db.insert(emailCodes).values(values).run();
  });
}

const live = (tenantId: string, email: string, kind: CodeKind, now: string) =>
  and(eq(emailCodes.tenantId, tenantId), eq(emailCodes.email, email), eq(emailCodes.kind, kind), isNull(emailCodes.usedAt), gt(emailCodes.expiresAt, now));

/** The newest unused, unexpired 6-digit code for the address. */
export function findNewestLiveShortCode(db: DbOrTx, tenantId: string, email: string, now: string) {
  return query(db, (db) => db.select().from(emailCodes).where(live(tenantId, email, 'short', now)).orderBy(desc(emailCodes.createdAt)).limit(1).get());
}

/** Every unused, unexpired long code for the address (each was mailed to it; any of them signs in). */
export function listLiveLongCodes(db: DbOrTx, tenantId: string, email: string, now: string) {
  return query(db, (db) => db.select().from(emailCodes).where(live(tenantId, email, 'long', now)).all());
}

/** The address's live 6-digit codes expire now. */
export function expireLiveShortCodes(db: DbOrTx, tenantId: string, email: string, now: string): Promise<void> {
  return query(db, async (db) => {
    await db.update(emailCodes).set({ expiresAt: now }).where(live(tenantId, email, 'short', now)).run();
  });
}

export function setCodeAttempts(db: DbOrTx, codeId: string, attempts: number): Promise<void> {
  return query(db, async (db) => {
    await db.update(emailCodes).set({ attempts }).where(eq(emailCodes.id, codeId)).run();
  });
}

export function markCodeUsed(db: DbOrTx, codeId: string, at: string): Promise<void> {
  return query(db, async (db) => {
    await db.update(emailCodes).set({ usedAt: at }).where(eq(emailCodes.id, codeId)).run();
  });
}
