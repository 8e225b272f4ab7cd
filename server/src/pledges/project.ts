/**
 * The one projection of a pledge row into the API shape. Amount fields (and
 * the donor's address, the contact, the share of the solde) are present only
 * when the caller may read the amount: a field one may not see is absent.
 */
import { paymentPageFor, paymentPageUrl, type Actor, type PaymentPages, type Pledge } from '@passerelle/schema';
import type { pledges } from '../db/tables/index.ts';
import { canReadAmount } from './access.ts';

export type PledgeRow = typeof pledges.$inferSelect;
export interface PledgeJoined {
  pledge: PledgeRow;
  entityName: string;
  entityUai: string | null;
  entitySiret: string | null;
  companyName: string | null;
}

export const etagOf = (row: PledgeRow) => `"v${row.version}"`;

export function projectPledge(actor: Actor, { pledge: p, entityName, entityUai, entitySiret, companyName }: PledgeJoined, extra: { paymentUrl?: PaymentPages | null; receipt?: { id: string; number: string } } = {}): Pledge {
  const full = canReadAmount(actor, p);
  const mine = p.authorId === actor.personId;
  const out: Pledge = {
    id: p.id,
    kind: p.kind,
    status: p.status,
    mine,
    beneficiary: { entityId: p.entityId, name: entityName, uai: entityUai, siret: entitySiret },
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
  if (p.companyId && companyName) out.company = { id: p.companyId, name: companyName };
  if (p.receivedOn && full) out.receivedOn = p.receivedOn;
  if (full) out.currency = 'EUR';
  if (full && p.receivedCents !== null) out.receivedAmountCents = p.receivedCents;
  if (p.kind === 'donation') {
    if (p.designation) out.designation = { kind: p.designation, ...(p.fund ? { fund: p.fund } : {}) };
    if (p.frequency) out.frequency = p.frequency;
    if (p.publicThanks !== null) out.publicThanks = p.publicThanks;
    if (p.donorKind) {
      // A person's name is shown beyond those who handle the gift only if they agreed to be thanked publicly.
      const showName = full || p.donorKind === 'company' || p.publicThanks === true;
      out.donor = { kind: p.donorKind };
      if (showName && p.donorName) out.donor.name = p.donorName;
      if (p.donorSiret && (full || p.donorKind === 'company')) out.donor.siret = p.donorSiret;
      if (full && p.donorAddress) out.donor.address = p.donorAddress;
    }
    if (full && p.amountCents !== null) out.amountCents = p.amountCents;
    if (full && p.taxEstimate) out.taxEstimate = p.taxEstimate;
    // The gift's payment page (its fund's, its beneficiary's or the institution's), its amount and reference filled in.
    const page = extra.paymentUrl ? paymentPageFor(extra.paymentUrl, { entityId: p.entityId, fund: p.fund }, actor.entityParents) : null;
    if ((mine || full) && page && p.status === 'promised' && p.amountCents !== null) out.paymentUrl = paymentPageUrl(page, { amountCents: p.amountCents, reference: p.id });
    // Looked up by the caller for those who may download it (receipts/of-pledges.ts).
    if (extra.receipt) out.receipt = extra.receipt;
  } else {
    if (p.employerSiret) out.employerSiret = p.employerSiret;
    if (p.uai) out.uai = p.uai;
    if (p.programme) out.programme = p.programme;
    if (p.campaignYear !== null) out.campaignYear = p.campaignYear;
    if (p.viaAccountant !== null) out.viaAccountant = p.viaAccountant;
    if (full && p.contact) out.contact = p.contact;
    if (full && p.shareBasisPoints !== null) out.sharePercent = p.shareBasisPoints / 100;
    if (full && p.amountCents !== null) out.estimatedAmountCents = p.amountCents;
  }
  return out;
}
