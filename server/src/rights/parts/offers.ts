import { listCompanyRequestsByPerson, listOffersByAuthor } from '../../offers/queries/export.ts';
import type { ExportContributor } from '../export-parts.ts';

/**
 * Offers the person wrote and their requests to represent or add a company.
 * (Erasure leaves offers alone: they are the company's, not the author's;
 * the author id then points at an anonymous person.)
 */
export const offerExport: ExportContributor = async (tx, tenantId, personId) => [
  { name: 'offers', rows: await listOffersByAuthor(tx, tenantId, personId) },
  { name: 'company-requests', rows: await listCompanyRequestsByPerson(tx, tenantId, personId) },
];
