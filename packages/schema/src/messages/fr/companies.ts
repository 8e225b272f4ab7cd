/** French words of the company.* and companyRequest.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const companies: CatalogueArea<'companies'> = {
  'company.siren.ofSiret': () => 'Le SIREN doit correspondre aux 9 premiers chiffres du SIRET.',

  'company.notFound': () => 'Cette entreprise n’existe pas, ou vous ne pouvez pas la voir.',
  'company.siretExists': ({ name, represent }) =>
    `Une entreprise avec ce SIRET existe déjà : ${name}.${represent ? ' Demandez plutôt à la représenter (envoyez son companyId).' : ''}`,
  'company.alreadyRepresented': ({ name }) => `Vous représentez déjà ${name}.`,
  'company.alreadyAsked': ({ name }) => `Vous avez déjà demandé à représenter ${name} ; le service des relations entreprises va l’examiner.`,
  'company.requestOneOf': () => 'Envoyez soit companyId (pour représenter une entreprise existante), soit company (pour en demander une nouvelle).',
  'company.ifMatchRequired': () => 'Envoyez If-Match avec l’ETag lu, pour que personne ne perde sa modification.',
  'company.changed': () => 'Cette entreprise a été modifiée depuis votre lecture. Rechargez-la, puis refaites votre modification.',
  'companyRequest.notFound': () => 'Cette demande n’existe pas, ou vous ne pouvez pas la voir.',
  'companyRequest.decided': ({ status }) => `Cette demande a déjà été ${status === 'approved' ? 'acceptée' : 'refusée'}.`,
};
