import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { institutions, sessions } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export function insertSession(
  db: DbOrTx,
  values: { tenantId: string; personId: string; tokenHash: string; method: 'host' | 'email'; createdAt: string; expiresAt: string },
): Promise<void> {
  return query(db, async (db) => {
    await db.insert(sessions).values(values).run();
  });
}

/** The live session with this token hash (not revoked, not expired), with its tenant's slug. */
export function findLiveSession(db: DbOrTx, tokenHash: string, now: string) {
  return query(db, (db) => liveSession(db).get({ tokenHash, now }));
}

/** The statement `findLiveSession` runs (its tests read its plan). */
export function liveSessionLookup(db: DbOrTx) {
  return db
    .select({ id: sessions.id, tenantId: sessions.tenantId, personId: sessions.personId, method: sessions.method, createdAt: sessions.createdAt, slug: institutions.slug })
    .from(sessions)
    .innerJoin(institutions, eq(institutions.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))));
}

const liveSession = prepareOnce((db) => liveSessionLookup(db).prepare());

export function markSessionRevoked(db: DbOrTx, sessionId: string, at: string): Promise<void> {
  return query(db, async (db) => {
    await db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, sessionId)).run();
  });
}

/** A person's live sessions (not revoked, not expired), newest first; never their token hash. */
export function listLiveSessionsOf(db: DbOrTx, tenantId: string, personId: string, now: string) {
  return query(db, (db) => {
    return db
      .select({ id: sessions.id, method: sessions.method, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .all();
  });
}

/** Revokes one live session if it is this person's; whether one was revoked. */
export function revokeLiveSessionOf(db: DbOrTx, tenantId: string, personId: string, sessionId: string, at: string): Promise<boolean> {
  return query(db, async (db) => {
    const result = (await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.id, sessionId), eq(sessions.tenantId, tenantId), eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, at)))
      .run());
    return result.changes > 0;
  });
}

/** Revokes every live session of a person; how many. */
export function revokeLiveSessionsOf(db: DbOrTx, tenantId: string, personId: string, at: string): Promise<number> {
  return query(db, async (db) => {
    return (await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, at)))
      .run()).changes;
  });
}
