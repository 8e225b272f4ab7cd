/**
 * What an offer refers to outside its own tables: the company it is posted
 * for and the entities (schools, programmes) it can be aimed at.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, entities } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The status of the tenant's company, or undefined if the tenant has no such company. */
export function findCompanyStatus(db: DbOrTx, tenantId: string, companyId: string) {
  return query(db, async (db) => (await db.select({ status: companies.status }).from(companies).where(and(eq(companies.tenantId, tenantId), eq(companies.id, companyId))).get())?.status);
}

/** Those of the given ids that are entities of the tenant. */
export function findEntityIds(db: DbOrTx, tenantId: string, ids: string[]): Promise<string[]> {
  return query(db, async (db) => {
    return (await db
      .select({ id: entities.id })
      .from(entities)
      .where(and(eq(entities.tenantId, tenantId), inArray(entities.id, ids)))
      .all())
      .map((e) => e.id);
  });
}

/** Every entity of the tenant an offer can be aimed at, by name. */
export function listTargetEntities(db: DbOrTx, tenantId: string) {
  return query(db, (db) => {
    return db
      .select({ id: entities.id, name: entities.name, kind: entities.kind, parentId: entities.parentId })
      .from(entities)
      .where(eq(entities.tenantId, tenantId))
      .orderBy(asc(entities.name))
      .all();
  });
}
