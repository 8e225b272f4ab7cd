/**
 * The pledge list and its export: the pledges the caller may see, filtered
 * and sorted (keyset on the sort column then the id).
 */
import { and, asc, count, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { Actor, PledgeListQuery } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { pledges } from '../../db/tables/index.ts';
import type { PledgeJoined } from '../project.ts';
import { selectJoined } from './joined.ts';
import { visiblePledges } from './visibility.ts';
import { query } from '../../db/transaction.ts';

export type PledgeListFilters = Pick<PledgeListQuery, 'kind' | 'status' | 'entityId' | 'companyId' | 'campaignYear' | 'minAmountCents' | 'maxAmountCents' | 'sort'>;

/** Where the previous page stopped: its last row's sort key and id. */
export interface PledgeKeyset {
  k: string | number;
  id: string;
}

function listConditions(actor: Actor, q: PledgeListFilters): SQL[] {
  const where: SQL[] = [visiblePledges(actor)];
  if (q.kind) where.push(eq(pledges.kind, q.kind));
  if (q.status) where.push(eq(pledges.status, q.status));
  if (q.entityId) where.push(eq(pledges.entityId, q.entityId));
  if (q.companyId) where.push(eq(pledges.companyId, q.companyId));
  if (q.campaignYear !== undefined) where.push(eq(pledges.campaignYear, q.campaignYear));
  if (q.minAmountCents !== undefined) where.push(gt(pledges.sortAmountCents, q.minAmountCents - 1));
  if (q.maxAmountCents !== undefined) where.push(lt(pledges.sortAmountCents, q.maxAmountCents + 1));
  return where;
}

function sortOf(sort: PledgeListFilters['sort']) {
  const column = sort === 'amount' || sort === '-amount' ? pledges.sortAmountCents : pledges.createdAt;
  const descending = sort.startsWith('-');
  return { column, descending, order: [descending ? desc(column) : asc(column), descending ? desc(pledges.id) : asc(pledges.id)] };
}

/** How many pledges the actor may see match the filters (for the export's audit entry). */
export function countVisiblePledges(db: DbOrTx, actor: Actor, q: Omit<PledgeListFilters, 'sort'>): Promise<number> {
  return query(db, async (db) => (await db.select({ n: count() }).from(pledges).where(and(...listConditions(actor, { ...q, sort: 'createdAt' }))).get())?.n ?? 0);
}

/** Up to `limit` pledges the actor may see, matching the filters, in the requested order, after `after` when given. */
export function listVisiblePledges(db: DbOrTx, actor: Actor, q: PledgeListFilters, page: { after?: PledgeKeyset | undefined; limit: number }): Promise<PledgeJoined[]> {
  return query(db, (db) => {
    const where = listConditions(actor, q);
    const { column, descending, order } = sortOf(q.sort);
    if (page.after) {
      const cur = page.after;
      const after = descending ? lt : gt;
      where.push(or(after(column, cur.k), and(eq(column, cur.k), after(pledges.id, cur.id))) as SQL);
    }
    return selectJoined(db)
      .where(and(...where))
      .orderBy(...order)
      .limit(page.limit)
      .all();
  });
}
