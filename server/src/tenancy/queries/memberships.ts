import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { companies, entities, memberships } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** A person's memberships, as the policy's Actor is built from them. */
export function listMembershipRoles(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => membershipRoles(db).all({ tenantId, personId }));
}

const membershipRoles = prepareOnce((db) =>
  db
    .select({ role: memberships.role, entityId: memberships.entityId, companyId: memberships.companyId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, sql.placeholder('tenantId')), eq(memberships.personId, sql.placeholder('personId'))))
    .prepare(),
);

/** A person's memberships with the names of their entity or company, as `/v1/me` shows them. */
export function listMembershipsWithNames(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({ id: memberships.id, role: memberships.role, entityId: memberships.entityId, entityName: entities.name, companyId: memberships.companyId, companyName: companies.name })
      .from(memberships)
      .leftJoin(entities, eq(entities.id, memberships.entityId))
      .leftJoin(companies, eq(companies.id, memberships.companyId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
      .all();
  });
}

/** Whether the person already represents the company. */
export function findCompanyRepMembershipId(db: DbOrTx, tenantId: string, personId: string, companyId: string): Promise<string | undefined> {
  return query(db, async (db) => {
    return (await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId), eq(memberships.role, 'company_rep'), eq(memberships.companyId, companyId)))
      .get())?.id;
  });
}

/** The membership with exactly this role and target (a null entity or company matches null only). */
export function findMembershipId(db: DbOrTx, personId: string, role: Role, entityId: string | null, companyId: string | null): Promise<string | undefined> {
  return query(db, async (db) => {
    return (await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.personId, personId),
          eq(memberships.role, role),
          entityId ? eq(memberships.entityId, entityId) : isNull(memberships.entityId),
          companyId ? eq(memberships.companyId, companyId) : isNull(memberships.companyId),
        ),
      )
      .get())?.id;
  });
}

export function insertMembership(
  db: DbOrTx,
  values: { tenantId: string; personId: string; role: Role; entityId?: string | null; companyId?: string | null; createdAt: string },
): Promise<void> {
  return query(db, async (db) => {
    await db.insert(memberships).values(values).run();
  });
}
