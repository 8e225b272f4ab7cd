import { and, asc, eq } from 'drizzle-orm';
import { companies, companyRequests, offers } from '../../db/tables/index.ts';
import type { ExportContributor } from '../export-parts.ts';

/**
 * Offers the person wrote and their requests to represent or add a company.
 * (Erasure leaves offers alone: they are the company's, not the author's;
 * the author id then points at an anonymous person.)
 */
export const offerExport: ExportContributor = (tx, tenantId, personId) => [
  {
    name: 'offers',
    rows: tx
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
      .all(),
  },
  {
    name: 'company-requests',
    rows: tx
      .select({ id: companyRequests.id, kind: companyRequests.kind, company: companies.name, message: companyRequests.message, status: companyRequests.status, reason: companyRequests.reason, createdAt: companyRequests.createdAt, decidedAt: companyRequests.decidedAt })
      .from(companyRequests)
      .innerJoin(companies, eq(companies.id, companyRequests.companyId))
      .where(and(eq(companyRequests.tenantId, tenantId), eq(companyRequests.personId, personId)))
      .orderBy(asc(companyRequests.createdAt))
      .all(),
  },
];
