/** English words of the company.* and companyRequest.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const companies: CatalogueArea<'companies'> = {
  'company.siren.ofSiret': () => 'The SIREN must be the first 9 digits of the SIRET.',

  'company.notFound': () => 'This company does not exist, or you cannot see it.',
  'company.siretExists': ({ name, represent }) =>
    `A company with this SIRET already exists: ${name}.${represent ? ' Ask to represent it instead (send its companyId).' : ''}`,
  'company.alreadyRepresented': ({ name }) => `You already represent ${name}.`,
  'company.alreadyAsked': ({ name }) => `You already asked to represent ${name}; the careers office will review it.`,
  'company.requestOneOf': () => 'Send either companyId (to represent an existing company) or company (to ask for a new one).',
  'company.ifMatchRequired': () => 'Send If-Match with the ETag you read, so that nobody’s change is overwritten.',
  'company.changed': () => 'This company was changed since you loaded it. Reload it, then apply your change again.',
  'companyRequest.notFound': () => 'This request does not exist, or you cannot see it.',
  'companyRequest.decided': ({ status }) => `This request was already ${status}.`,
};
