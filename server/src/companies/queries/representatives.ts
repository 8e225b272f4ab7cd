import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, people } from '../../db/tables/index.ts';
import { afterCursor } from '../../offers/cursor.ts';
import { query } from '../../db/transaction.ts';

/**
 * Up to `limit` representatives of a company (their `company_rep`
 * membership and who they are), longest-standing first, strictly after
 * `cursor` (the previous page's last membership).
 */
export function listCompanyRepresentatives(db: DbOrTx, tenantId: string, companyId: string, cursor: string | undefined, limit: number) {
  return query(db, (db) => {
    return db
      .select({ membershipId: memberships.id, since: memberships.createdAt, personId: people.id, displayName: people.displayName, email: people.email })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(
        and(
          eq(memberships.tenantId, tenantId),
          eq(memberships.role, 'company_rep'),
          eq(memberships.companyId, companyId),
          afterCursor(cursor, memberships.createdAt, memberships.id),
        ),
      )
      .orderBy(asc(memberships.createdAt), asc(memberships.id))
      .limit(limit)
      .all();
  });
}
