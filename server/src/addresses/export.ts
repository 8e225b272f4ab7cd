import type { ExportContributor } from '../rights/export-parts.ts';
import { listPersonAddresses } from './queries.ts';

/** The person's data export: their personal sign-in addresses. */
export const addressExport: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'addresses',
  rows: (await listPersonAddresses(tx, tenantId, personId)).map((a) => ({ ...a })),
});
