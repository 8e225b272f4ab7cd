import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { entities } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** Every entity of a tenant with its parent. */
export function listEntityParents(db: DbOrTx, tenantId: string) {
  return query(db, (db) => entityParents(db).all({ tenantId }));
}

const entityParents = prepareOnce((db) =>
  db.select({ id: entities.id, parentId: entities.parentId }).from(entities).where(eq(entities.tenantId, sql.placeholder('tenantId'))).prepare(),
);

/** The tenant's first root entity by name (where a just-provisioned person is placed). */
export function findRootEntityId(db: DbOrTx, tenantId: string): Promise<string | undefined> {
  return query(db, async (db) => {
    return (await db
      .select({ id: entities.id })
      .from(entities)
      .where(and(eq(entities.tenantId, tenantId), isNull(entities.parentId)))
      .orderBy(asc(entities.name))
      .get())?.id;
  });
}

export function findEntityIdByName(db: DbOrTx, tenantId: string, name: string): Promise<string | undefined> {
  return query(db, async (db) => (await db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.name, name))).get())?.id);
}

export function insertEntity(db: DbOrTx, values: { tenantId: string; parentId: string | null; kind: string; name: string; uai: string | null; siret?: string | null }): Promise<string> {
  return query(db, async (db) => (await db.insert(entities).values(values).returning({ id: entities.id }).get()).id);
}

/** Sets an entity's SIRET (null clears it). True if the entity exists in the tenant. */
export function setEntitySiret(db: DbOrTx, tenantId: string, entityId: string, siret: string | null): Promise<boolean> {
  return query(db, async (db) => (await db.update(entities).set({ siret }).where(and(eq(entities.tenantId, tenantId), eq(entities.id, entityId))).run()).changes > 0);
}

/** Gives an entity a SIRET only if it has none yet (re-seeding fills an old database, never overwrites). */
export function fillEntitySiret(db: DbOrTx, tenantId: string, entityId: string, siret: string): Promise<void> {
  return query(db, async (db) => {
    await db.update(entities).set({ siret }).where(and(eq(entities.tenantId, tenantId), eq(entities.id, entityId), isNull(entities.siret))).run();
  });
}
