import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, people, sessions } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** Removes the person's name, email and single-sign-on subject; the row (an anonymous id) stays. */
export function clearPersonIdentity(tx: DbOrTx, tenantId: string, personId: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(people).set({ email: null, displayName: null, hostSubject: null }).where(and(eq(people.tenantId, tenantId), eq(people.id, personId))).run();
  });
}

/** Ends every session of the person that is still open. */
export function revokeOpenSessions(tx: DbOrTx, tenantId: string, personId: string, at: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId), isNull(sessions.revokedAt)))
      .run();
  });
}

export function deletePersonMemberships(tx: DbOrTx, tenantId: string, personId: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.delete(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId))).run();
  });
}
