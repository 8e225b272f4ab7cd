import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../open.ts';
import { prepareOnce } from '../prepare-once.ts';
import { institutions, sessions } from '../tables/index.ts';

export function insertSession(
  db: DbOrTx,
  values: { tenantId: string; personId: string; tokenHash: string; method: 'host' | 'email'; createdAt: string; expiresAt: string },
): void {
  db.insert(sessions).values(values).run();
}

/** The live session with this token hash (not revoked, not expired), with its tenant's slug. */
export function findLiveSession(db: DbOrTx, tokenHash: string, now: string) {
  return liveSession(db).get({ tokenHash, now });
}

const liveSession = prepareOnce((db) =>
  db
    .select({ id: sessions.id, tenantId: sessions.tenantId, personId: sessions.personId, createdAt: sessions.createdAt, slug: institutions.slug })
    .from(sessions)
    .innerJoin(institutions, eq(institutions.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare(),
);

export function markSessionRevoked(db: DbOrTx, sessionId: string, at: string): void {
  db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, sessionId)).run();
}
