/** French words of the solicitation.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const solicitations: CatalogueArea<'solicitations'> = {
  'solicitation.people.range': () => 'Indiquez de 1 à 10 000 personnes à vérifier.',
  'solicitation.month.format': () => 'Indiquez le mois sous la forme AAAA-MM, par exemple 2026-12.',
  'solicitation.entity': () => 'Choisissez comme expéditeur une entité de cet établissement.',
  'solicitation.refused.unknownPerson': () => 'Cette personne n’existe pas dans cet établissement.',
  'solicitation.refused.outOfScope': () => 'Cette personne n’est pas membre des entités dont vous vous occupez.',
  'solicitation.refused.erased': () => 'Cette personne a demandé l’effacement de son compte : ne la sollicitez plus.',
  'solicitation.refused.objected': () => 'Cette personne s’est opposée à être sollicitée pour cette finalité sur ce canal.',
  'solicitation.refused.notGranted': () => 'Cette personne n’a pas accepté d’être sollicitée pour cette finalité sur ce canal, ou son consentement a été retiré ou a expiré.',
  'solicitation.refused.renewalNeeded': () => 'Cette personne a accepté un texte antérieur de cette finalité : demandez-lui d’abord de renouveler son consentement.',
  'solicitation.refused.capReached': () => 'Cette personne a reçu ce mois-ci tous les messages qu’elle accepte, tous services confondus.',
};
