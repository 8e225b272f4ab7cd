/**
 * The messages of a pledge, to the person who made it: the acknowledgement
 * with its reference and the next step (the payment page for a gift, the
 * SOLTéA steps and dates for apprenticeship tax), then the thank-you when
 * the money is received (with its tax receipt's number, whichever way it was
 * marked received: `pledges/settled.ts`). Called inside the pledge's transaction.
 */
import type { PledgeConfig, SolteaSteps } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import type { AuditOrigin } from '../../audit/audit.ts';
import type { PledgeJoined } from '../../pledges/project.ts';
import { enqueueMail } from '../enqueue.ts';

function solteaSteps(joined: PledgeJoined, campaigns: PledgeConfig['apprenticeshipTax']['campaigns']): SolteaSteps | null {
  const p = joined.pledge;
  if (p.kind !== 'apprenticeship_tax' || p.campaignYear === null || !(p.uai ?? joined.entityUai)) return null;
  const campaign = campaigns.find((c) => c.year === p.campaignYear);
  return {
    campaignYear: p.campaignYear,
    school: joined.entityName,
    uai: (p.uai ?? joined.entityUai)!,
    schoolSiret: joined.entitySiret,
    sharePercent: p.shareBasisPoints === null ? null : p.shareBasisPoints / 100,
    periods: campaign?.published ? campaign.periods.map((period) => ({ opens: period.opens, closes: period.closes })) : [],
  };
}

/** `campaigns`: the SOLTéA calendar in force (the dates the acknowledgement gives). */
export function mailPledgeAcknowledged(tx: DbOrTx, campaigns: PledgeConfig['apprenticeshipTax']['campaigns'], who: AuditOrigin, joined: PledgeJoined, paymentUrl: string | null) {
  const p = joined.pledge;
  return enqueueMail(tx, {
    tenantId: p.tenantId,
    personId: p.authorId,
    kind: 'pledge.acknowledged',
    params: {
      reference: p.id,
      kind: p.kind,
      beneficiary: joined.entityName,
      amountCents: p.amountCents,
      paymentUrl: p.kind === 'donation' ? paymentUrl : null,
      soltea: solteaSteps(joined, campaigns),
    },
    at: who.at,
  });
}

/** `receipt`: the tax receipt issued in the same transaction, named in the thank-you (its link lands where the donor downloads it). */
export function mailPledgeReceived(tx: DbOrTx, who: AuditOrigin, joined: PledgeJoined, receipt: { number: string } | null) {
  const p = joined.pledge;
  return enqueueMail(tx, {
    tenantId: p.tenantId,
    personId: p.authorId,
    kind: 'pledge.received',
    params: { reference: p.id, kind: p.kind, beneficiary: joined.entityName, receivedCents: p.receivedCents, receivedOn: p.receivedOn, receipt: receipt ? { number: receipt.number } : null },
    at: who.at,
  });
}
