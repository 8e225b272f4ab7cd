import { and, asc, eq } from 'drizzle-orm';
import type { PurposeVersionView } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { entities, purposeVersions, purposes } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The columns of a purpose text, as the API shows it. */
export const versionColumns = {
  id: purposeVersions.id,
  hash: purposeVersions.hash,
  title: purposeVersions.title,
  description: purposeVersions.description,
  legalBasis: purposeVersions.legalBasis,
  channels: purposeVersions.channels,
  createdAt: purposeVersions.createdAt,
};

function purposeQuery(db: DbOrTx) {
  return db
    .select({
      id: purposes.id,
      key: purposes.key,
      retentionMonths: purposes.retentionMonths,
      revision: purposes.revision,
      entityId: entities.id,
      entityName: entities.name,
      version: versionColumns,
    })
    .from(purposes)
    .innerJoin(entities, eq(entities.id, purposes.entityId))
    .innerJoin(purposeVersions, eq(purposeVersions.id, purposes.currentVersionId));
}

/** A purpose joined with its entity and current text, as stored. */
export type PurposeRecord = Awaited<ReturnType<ReturnType<typeof purposeQuery>['all']>>[number];

/** Every purpose of the tenant with its current text, by key. */
export function listPurposeRecords(db: DbOrTx, tenantId: string): Promise<PurposeRecord[]> {
  return query(db, (db) => purposeQuery(db).where(eq(purposes.tenantId, tenantId)).orderBy(asc(purposes.key)).all());
}

export function findPurposeRecord(db: DbOrTx, tenantId: string, by: { key: string } | { id: string }): Promise<PurposeRecord | undefined> {
  return query(db, (db) => {
    const match = 'key' in by ? eq(purposes.key, by.key) : eq(purposes.id, by.id);
    return purposeQuery(db).where(and(eq(purposes.tenantId, tenantId), match)).get();
  });
}

/** The id of the tenant's purpose with this key, if any. */
export function findPurposeIdByKey(db: DbOrTx, tenantId: string, key: string): Promise<{ id: string } | undefined> {
  return query(db, (db) => db.select({ id: purposes.id }).from(purposes).where(and(eq(purposes.tenantId, tenantId), eq(purposes.key, key))).get());
}

/** Every text the purpose had, oldest first. */
export function listPurposeVersions(db: DbOrTx, tenantId: string, purposeId: string): Promise<PurposeVersionView[]> {
  return query(db, (db) => {
    return db
      .select(versionColumns)
      .from(purposeVersions)
      .where(and(eq(purposeVersions.tenantId, tenantId), eq(purposeVersions.purposeId, purposeId)))
      .orderBy(asc(purposeVersions.createdAt))
      .all();
  });
}

/** The version of this purpose with this hash, if the same text was already published. */
export function findVersionByHash(db: DbOrTx, tenantId: string, purposeId: string, hash: string): Promise<{ id: string } | undefined> {
  return query(db, (db) => {
    return db
      .select({ id: purposeVersions.id })
      .from(purposeVersions)
      .where(and(eq(purposeVersions.tenantId, tenantId), eq(purposeVersions.purposeId, purposeId), eq(purposeVersions.hash, hash)))
      .get();
  });
}

export function insertPurposeVersion(tx: DbOrTx, values: typeof purposeVersions.$inferInsert): Promise<{ id: string }> {
  return query(tx, (tx) => tx.insert(purposeVersions).values(values).returning({ id: purposeVersions.id }).get());
}

export function insertPurposeRow(tx: DbOrTx, values: typeof purposes.$inferInsert): Promise<void> {
  return query(tx, async (tx) => {
    await tx.insert(purposes).values(values).run();
  });
}

export function updatePurpose(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  set: Pick<typeof purposes.$inferInsert, 'currentVersionId' | 'entityId' | 'retentionMonths' | 'revision' | 'updatedAt'>,
): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(purposes)
      .set(set)
      .where(and(eq(purposes.tenantId, tenantId), eq(purposes.id, id)))
      .run();
  });
}

/** Whether the entity belongs to the tenant. */
export function findTenantEntity(db: DbOrTx, tenantId: string, entityId: string): Promise<{ id: string } | undefined> {
  return query(db, (db) => db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.id, entityId))).get());
}
