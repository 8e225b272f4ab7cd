import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, gt } from 'drizzle-orm';
import type { Actor, Membership } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { entities, institutions, memberships, sessions } from '../db/tables/index.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session: 256 random bits, only their hash is stored. */
export function openSession(db: DbOrTx, input: { tenantId: string; personId: string; method: 'host' | 'email'; now: Date; ttlMinutes: number }) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.ttlMinutes * 60_000);
  db.insert(sessions)
    .values({
      tenantId: input.tenantId,
      personId: input.personId,
      tokenHash: hashToken(token),
      method: input.method,
      createdAt: input.now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run();
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The live session behind a bearer token, or undefined (unknown, expired or revoked). */
export function findSession(db: DbOrTx, token: string, now: Date) {
  return db
    .select({ id: sessions.id, tenantId: sessions.tenantId, personId: sessions.personId, createdAt: sessions.createdAt, slug: institutions.slug })
    .from(sessions)
    .innerJoin(institutions, eq(institutions.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())))
    .get();
}

export function revokeSession(db: DbOrTx, sessionId: string, now: Date) {
  db.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run();
}

/** The parent of every entity of a tenant: what the policy needs to scope staff to a subtree. */
export function entityParents(db: DbOrTx, tenantId: string): Record<string, string | null> {
  const rows = db.select({ id: entities.id, parentId: entities.parentId }).from(entities).where(eq(entities.tenantId, tenantId)).all();
  return Object.fromEntries(rows.map((r) => [r.id, r.parentId]));
}

/** Builds the policy's Actor from the database: roles never come from a client. */
export function loadActor(db: DbOrTx, tenantId: string, personId: string): Actor {
  const rows = db
    .select({ role: memberships.role, entityId: memberships.entityId, companyId: memberships.companyId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
    .all();
  const list: Membership[] = [];
  for (const r of rows) {
    if (r.role === 'company_rep') {
      if (r.companyId) list.push({ role: 'company_rep', companyId: r.companyId });
    } else if (r.entityId) {
      list.push({ role: r.role, entityId: r.entityId });
    }
  }
  return { personId, tenantId, memberships: list, entityParents: entityParents(db, tenantId) };
}
