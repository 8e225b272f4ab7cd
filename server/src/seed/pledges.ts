import { estimateTaxReduction, taxRulesOn } from '@passerelle/schema';
import type { AreaSeed } from './areas.ts';
import { findPledgeByAuthorAndKind, insertPledge } from '../pledges/queries/write.ts';

/**
 * Two demo pledges: Claire's monthly gift to the foundation's scholarship
 * fund, and Acme's apprenticeship tax to the École de management. Found by
 * author and kind, so seeding twice adds nothing.
 */
export const seedPledges: AreaSeed = async (tx, ids, at, parameters) => {
  const demo = ids.demo;
  const exists = (authorId: string, kind: 'donation' | 'apprenticeship_tax') => findPledgeByAuthorAndKind(tx, demo.tenantId, authorId, kind);
  const claire = demo.people['alumna-claire'];
  if (!(await exists(claire, 'donation'))) {
    const amountCents = 2_500;
    await insertPledge(tx, {
      tenantId: demo.tenantId,
      kind: 'donation',
      status: 'promised',
      authorId: claire,
      entityId: demo.entities.foundation,
      designation: 'fund',
      fund: 'scholarships',
      frequency: 'monthly',
      amountCents,
      sortAmountCents: amountCents,
      donorKind: 'individual',
      donorName: 'Claire Dubois',
      donorAddress: { line1: '12 rue des Lilas', postalCode: '69007', city: 'Lyon', country: 'FR' },
      publicThanks: true,
      taxEstimate: estimateTaxReduction(taxRulesOn(parameters.pledges.taxReduction, at), { donorKind: 'individual', amountCents: amountCents * 12 }),
      createdAt: at,
      updatedAt: at,
    });
  }
  const rep = demo.people['rep-acme'];
  if (!(await exists(rep, 'apprenticeship_tax'))) {
    await insertPledge(tx, {
      tenantId: demo.tenantId,
      kind: 'apprenticeship_tax',
      status: 'promised',
      authorId: rep,
      companyId: demo.companies.acme,
      entityId: demo.entities.management,
      amountCents: 420_000,
      sortAmountCents: 420_000,
      employerSiret: '81234567600017',
      uai: '0691234S',
      programme: 'Programme Grande École',
      shareBasisPoints: 3_000,
      campaignYear: Number(at.slice(0, 4)),
      contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' },
      viaAccountant: false,
      createdAt: at,
      updatedAt: at,
    });
  }
};
