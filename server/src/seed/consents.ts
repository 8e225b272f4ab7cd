import type { PurposeCreate } from '@passerelle/schema';
import type { Tx } from '../db/open.ts';
import type { DemoIds } from './demo.ts';
import { findPurposeIdByKey } from '../purposes/queries/purposes.ts';
import { insertPurpose } from '../purposes/purposes.ts';

/** The demo institution's purposes. Idempotent: an existing key is left as it is. */
export async function seedConsents(tx: Tx, ids: DemoIds, at: string): Promise<void> {
  const { tenantId, entities } = ids.demo;
  const list: PurposeCreate[] = [
    {
      key: 'alumni-news',
      title: { fr: 'Lettre des diplômés', en: 'Alumni newsletter' },
      description: {
        fr: 'Une lettre mensuelle de l’Association des diplômés : portraits, nouvelles des promotions, rencontres.',
        en: 'A monthly newsletter from the Alumni Association: portraits, class news, meet-ups.',
      },
      legalBasis: 'consent',
      channels: ['email'],
      entityId: entities.alumni,
      retentionMonths: 36,
    },
    {
      key: 'events',
      title: { fr: 'Invitations aux événements', en: 'Event invitations' },
      description: {
        fr: 'Invitations aux conférences, forums entreprises et soirées de l’université, et rappels la veille.',
        en: 'Invitations to the university’s talks, career fairs and evenings, and a reminder the day before.',
      },
      legalBasis: 'consent',
      channels: ['email', 'sms'],
      entityId: entities.university,
      retentionMonths: 24,
    },
    {
      key: 'fundraising',
      title: { fr: 'Appels aux dons de la Fondation', en: 'Foundation fundraising' },
      description: {
        fr: 'La Fondation vous écrit pour ses campagnes de dons (bourses, chaires). Vous pouvez vous y opposer à tout moment.',
        en: 'The Foundation writes to you about its giving campaigns (scholarships, chairs). You can object at any time.',
      },
      legalBasis: 'legitimate_interest',
      channels: ['email', 'post'],
      entityId: entities.foundation,
      retentionMonths: 36,
    },
    {
      key: 'job-offers',
      title: { fr: 'Offres de stage et d’emploi', en: 'Internship and job offers' },
      description: {
        fr: 'Les offres de stage, d’alternance et d’emploi publiées par le service carrières qui correspondent à votre profil.',
        en: 'Internship, apprenticeship and job offers published by the careers office that match your profile.',
      },
      legalBasis: 'consent',
      channels: ['email'],
      entityId: entities.university,
      retentionMonths: 24,
    },
  ];
  for (const purpose of list) {
    const found = await findPurposeIdByKey(tx, tenantId, purpose.key);
    if (!found) await insertPurpose(tx, tenantId, purpose, at);
  }
}
