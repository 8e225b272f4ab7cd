import { minimumMonthlyStipendCents, hourlyRateFor, addDays } from '@passerelle/schema';
import type { Tx } from '../db/open.ts';
import { findOfferIdByAuthorAndTitle, insertOffer, insertOfferTarget } from '../offers/queries/offers.ts';
import type { Parameters } from '../config/parameters.ts';
import type { DemoIds } from './demo.ts';

/**
 * Two demo offers: a published internship at Acme aimed at École
 * d'ingénieurs, and one Inès submitted, waiting for moderation. Dates follow
 * the seeding time so that they are live; the stipend is the configured
 * minimum for the start year. Idempotent: found by author and title.
 */
export async function seedOffers(tx: Tx, ids: DemoIds, at: string, parameters: Parameters): Promise<void> {
  const { demo } = ids;
  const today = at.slice(0, 10);
  const startDate = addDays(today, 60);
  const rate = hourlyRateFor(parameters.internship, Number(startDate.slice(0, 4)));
  const stipendCents = rate ? minimumMonthlyStipendCents(rate.cents, 35) : null;
  const ensure = async (authorId: string, title: string, status: 'published' | 'submitted', extra: { description: string; location: string; remote: 'onsite' | 'hybrid' | 'remote' }) => {
    if ((await findOfferIdByAuthorAndTitle(tx, demo.tenantId, authorId, title)) !== undefined) return;
    const id = await insertOffer(tx, {
      tenantId: demo.tenantId,
      companyId: demo.companies.acme,
      authorId,
      title,
      kind: 'internship',
      startDate,
      durationAmount: 6,
      durationUnit: 'months',
      weeklyHours: 35,
      stipendCents,
      apply: 'https://www.acme-robotique.fr/carrieres',
      expiresOn: addDays(today, 90),
      status,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      publishedAt: status === 'published' ? at : null,
      ...extra,
    });
    await insertOfferTarget(tx, { tenantId: demo.tenantId, offerId: id, entityId: demo.entities.engineering });
  };
  await ensure(demo.people['staff-eng'], 'Stage — robotique mobile (ROS 2)', 'published', {
    description: 'Au sein de l’équipe R&D d’**Acme Robotique**, vous développerez la navigation de nos robots.\n\n- ROS 2 et C++\n- Tests sur banc et en entrepôt\n\nEn savoir plus : [acme-robotique.fr](https://www.acme-robotique.fr)',
    location: 'Lyon',
    remote: 'hybrid',
  });
  await ensure(demo.people['student-ines'], 'Stage — vision par ordinateur', 'submitted', {
    description: 'Offre transmise par Inès : stage en *vision par ordinateur* chez Acme Robotique.',
    location: 'Villeurbanne',
    remote: 'onsite',
  });
}
