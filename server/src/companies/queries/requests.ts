import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, companyRequests, people } from '../../db/tables/index.ts';
import { afterCursor } from '../../offers/cursor.ts';
import { companyColumns } from './companies.ts';
import { query } from '../../db/transaction.ts';

/** Requests joined with who asked and the company, as the API's request view reads them. */
function selectRequests(db: DbOrTx) {
  return db
    .select({
      id: companyRequests.id,
      kind: companyRequests.kind,
      status: companyRequests.status,
      message: companyRequests.message,
      reason: companyRequests.reason,
      createdAt: companyRequests.createdAt,
      decidedAt: companyRequests.decidedAt,
      personId: people.id,
      personName: people.displayName,
      personEmail: people.email,
      company: companyColumns,
    })
    .from(companyRequests)
    .innerJoin(people, eq(people.id, companyRequests.personId))
    .innerJoin(companies, eq(companies.id, companyRequests.companyId));
}

export type CompanyRequestRow = NonNullable<Awaited<ReturnType<typeof findCompanyRequestWithPeople>>>;

/** A request of the tenant with its requester and company. */
export function findCompanyRequestWithPeople(db: DbOrTx, tenantId: string, requestId: string) {
  return query(db, (db) => {
    return selectRequests(db)
      .where(and(eq(companyRequests.tenantId, tenantId), eq(companyRequests.id, requestId)))
      .get();
  });
}

/**
 * One page of the tenant's requests, oldest first, after `cursor`: the
 * person's own (`personId`), or else those with `status`. Reads `limit + 1` rows.
 */
export function listCompanyRequests(
  db: DbOrTx,
  tenantId: string,
  filter: { personId: string } | { status: 'pending' | 'approved' | 'refused' },
  cursor: string | undefined,
  limit: number,
) {
  return query(db, (db) => {
    return selectRequests(db)
      .where(
        and(
          eq(companyRequests.tenantId, tenantId),
          'personId' in filter ? eq(companyRequests.personId, filter.personId) : eq(companyRequests.status, filter.status),
          afterCursor(cursor, companyRequests.createdAt, companyRequests.id),
        ),
      )
      .orderBy(asc(companyRequests.createdAt), asc(companyRequests.id))
      .limit(limit + 1)
      .all();
  });
}

/** A request of the tenant, as a decision needs it. */
export function findCompanyRequest(db: DbOrTx, tenantId: string, id: string) {
  return query(db, (db) => {
    return db
      .select({ id: companyRequests.id, status: companyRequests.status, kind: companyRequests.kind, personId: companyRequests.personId, companyId: companyRequests.companyId })
      .from(companyRequests)
      .where(and(eq(companyRequests.tenantId, tenantId), eq(companyRequests.id, id)))
      .get();
  });
}

/** The person's pending request to represent this company, if any. */
export function findPendingRequestId(db: DbOrTx, tenantId: string, personId: string, companyId: string): Promise<string | undefined> {
  return query(db, async (db) => {
    return (await db
      .select({ id: companyRequests.id })
      .from(companyRequests)
      .where(and(eq(companyRequests.tenantId, tenantId), eq(companyRequests.personId, personId), eq(companyRequests.companyId, companyId), eq(companyRequests.status, 'pending')))
      .get())?.id;
  });
}

export function insertCompanyRequest(
  db: DbOrTx,
  values: { tenantId: string; personId: string; companyId: string; kind: 'represent' | 'create'; message: string | null; status: 'pending'; createdAt: string },
): Promise<string> {
  return query(db, async (db) => (await db.insert(companyRequests).values(values).returning({ id: companyRequests.id }).get()).id);
}

/** Records a staff decision on a request. */
export function decideCompanyRequest(
  db: DbOrTx,
  id: string,
  decision: { status: 'approved' | 'refused'; reason?: string; decidedBy: string; decidedAt: string },
): Promise<void> {
  return query(db, async (db) => {
    await db.update(companyRequests).set(decision).where(eq(companyRequests.id, id)).run();
  });
}
