/**
 * Writing pledges. Callers open the transaction and write the audit entry
 * in it; these functions only run the statements.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { pledges } from '../../db/tables/index.ts';
import type { PledgeRow } from '../project.ts';
import { query } from '../../db/transaction.ts';
import { preparedInsert } from '../../db/prepared-insert.ts';

export type PledgeInsert = typeof pledges.$inferInsert;

/** Inserts a pledge and answers the stored row. */
export function insertPledge(tx: DbOrTx, row: PledgeInsert): Promise<PledgeRow> {
  return query(tx, (tx) => {
    const { statement, values } = pledgeInsert(tx, row);
    return statement.get(values);
  });
}

const pledgeInsert = preparedInsert(pledges, (db, values) => db.insert(pledges).values(values).returning().prepare());

/**
 * Optimistic update: sets `set` (the caller bumps `version`) only if the
 * pledge still has `expectedVersion`; answers the new row, or undefined when
 * someone changed it first.
 */
export function updatePledgeAtVersion(tx: DbOrTx, tenantId: string, id: string, expectedVersion: number, set: Partial<PledgeRow>): Promise<PledgeRow | undefined> {
  return query(tx, (tx) => {
    return tx
      .update(pledges)
      .set(set)
      .where(and(eq(pledges.tenantId, tenantId), eq(pledges.id, id), eq(pledges.version, expectedVersion)))
      .returning()
      .get();
  });
}

/** Sets columns of one pledge of the tenant, unconditionally (the caller already holds the row). */
export function updatePledge(tx: DbOrTx, tenantId: string, id: string, set: Partial<PledgeRow>): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(pledges)
      .set(set)
      .where(and(eq(pledges.tenantId, tenantId), eq(pledges.id, id)))
      .run();
  });
}

/** Whether the tenant has a pledge of this kind by this author (the demo seed's idempotence). */
export function findPledgeByAuthorAndKind(db: DbOrTx, tenantId: string, authorId: string, kind: PledgeRow['kind']): Promise<{ id: string } | undefined> {
  return query(db, (db) => db.select({ id: pledges.id }).from(pledges).where(and(eq(pledges.tenantId, tenantId), eq(pledges.authorId, authorId), eq(pledges.kind, kind))).get());
}
