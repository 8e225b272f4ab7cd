import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { auditLog, companies, entities, institutions, memberships, people, sessions } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The tenant's name and slug, for the export's header. */
export function findInstitutionName(db: DbOrTx, tenantId: string): Promise<{ slug: string; name: string } | undefined> {
  return query(db, (db) => db.select({ slug: institutions.slug, name: institutions.name }).from(institutions).where(eq(institutions.id, tenantId)).get());
}

/** The person's own row (identity and contact). */
export function exportPersonRows(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({ id: people.id, email: people.email, displayName: people.displayName, hostSubject: people.hostSubject, createdAt: people.createdAt })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
      .all();
  });
}

/** The person's roles, with the names of their entities and companies. */
export function exportMembershipRows(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({ id: memberships.id, role: memberships.role, entityId: memberships.entityId, entityName: entities.name, companyId: memberships.companyId, companyName: companies.name, createdAt: memberships.createdAt })
      .from(memberships)
      .leftJoin(entities, eq(entities.id, memberships.entityId))
      .leftJoin(companies, eq(companies.id, memberships.companyId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
      .all();
  });
}

/** The person's sessions, oldest first. The token hash is a secret of the session, not information about the person: not selected. */
export function exportSessionRows(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({ id: sessions.id, method: sessions.method, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId)))
      .orderBy(asc(sessions.createdAt))
      .all();
  });
}

/** Audit entries about the person (not the ones they wrote about others), oldest first. */
export function exportAuditRows(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, objectType: auditLog.objectType, objectId: auditLog.objectId, actorId: auditLog.actorId, origin: auditLog.origin, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.subjectId, personId)))
      .orderBy(asc(auditLog.at))
      .all();
  });
}
