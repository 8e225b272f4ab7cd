/**
 * What the offers area holds about one person, for the right of access:
 * the offers they wrote and their requests to represent or add a company.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, companyRequests, offers } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The offers the person wrote, oldest first, with the company's name. */
export function listOffersByAuthor(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({
        id: offers.id,
        title: offers.title,
        kind: offers.kind,
        status: offers.status,
        company: companies.name,
        location: offers.location,
        description: offers.description,
        apply: offers.apply,
        createdAt: offers.createdAt,
        submittedAt: offers.submittedAt,
        publishedAt: offers.publishedAt,
        updatedAt: offers.updatedAt,
      })
      .from(offers)
      .innerJoin(companies, eq(companies.id, offers.companyId))
      .where(and(eq(offers.tenantId, tenantId), eq(offers.authorId, personId)))
      .orderBy(asc(offers.createdAt))
      .all();
  });
}

/** The person's requests to represent or add a company, oldest first, with the company's name. */
export function listCompanyRequestsByPerson(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({ id: companyRequests.id, kind: companyRequests.kind, company: companies.name, message: companyRequests.message, status: companyRequests.status, reason: companyRequests.reason, createdAt: companyRequests.createdAt, decidedAt: companyRequests.decidedAt })
      .from(companyRequests)
      .innerJoin(companies, eq(companies.id, companyRequests.companyId))
      .where(and(eq(companyRequests.tenantId, tenantId), eq(companyRequests.personId, personId)))
      .orderBy(asc(companyRequests.createdAt))
      .all();
  });
}
