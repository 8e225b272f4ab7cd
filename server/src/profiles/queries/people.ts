/** What the profiles area reads of the tenancy tables: people, their memberships, entity names. */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { entities, memberships, people } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';
import { cacheOf, untilChange } from '../../db/until-change.ts';

/** The person of this tenant (for lazy creation), or undefined. */
export function findPerson(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({ id: people.id, displayName: people.displayName, email: people.email })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
      .get();
  });
}

/** The entities each person belongs to: what decides who is "staff of their entities". */
export function entityIdsOf(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<Map<string, string[]>> {
  return query(db, async (db) => {
    const map = new Map<string, string[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return map;
    const rows = (await db
      .select({ personId: memberships.personId, entityId: memberships.entityId })
      .from(memberships)
      // `+tenant_id` keeps SQLite on the people's own index: left to itself it seeks (tenant, entity)
      // and reads every membership of the tenant, which the import's updates, one person at a time, cannot afford.
      .where(and(sql`+${memberships.tenantId} = ${tenantId}`, inArray(memberships.personId, [...personIds]), isNotNull(memberships.entityId)))
      .all());
    for (const r of rows) if (r.entityId) map.get(r.personId)?.push(r.entityId);
    return map;
  });
}

export function entityNames(db: DbOrTx, tenantId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  return query(db, async (db) => {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows = (await db.select({ id: entities.id, name: entities.name }).from(entities).where(and(eq(entities.tenantId, tenantId), inArray(entities.id, wanted))).all());
    return new Map(rows.map((r) => [r.id, r.name]));
  });
}

/**
 * `entityNames`, from the tenant's whole list of names kept until the
 * database changes (`untilChange`): a tenant has tens of entities, their
 * names change seldom, and every profile shown and every page of the
 * directory names some (on PostgreSQL, a round trip each). Inside a
 * transaction, where nothing is kept, only the ones asked for are read.
 */
export async function keptEntityNames(db: DbOrTx, tenantId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  if (!cacheOf(db)) return entityNames(db, tenantId, ids);
  const all = await untilChange(db, `entityNames:${tenantId}`, () =>
    query(db, async (db) => new Map((await db.select({ id: entities.id, name: entities.name }).from(entities).where(eq(entities.tenantId, tenantId)).all()).map((r) => [r.id, r.name] as const))),
  );
  const names = new Map<string, string>();
  for (const id of ids) {
    if (id === null) continue;
    const name = all.get(id);
    if (name !== undefined) names.set(id, name);
  }
  return names;
}
