import { html, nothing, type TemplateResult } from 'lit';
import { MAX_AMOUNT_CENTS, estimateDonation, type PledgeFrequency, type PledgeParameters, type TaxEstimate, type TaxReductionRules } from '@passerelle/schema';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';

type L10n = LocaleController<typeof fr>;

/**
 * The estimate the server will store with the pledge (same shared function,
 * same rules, same figures), as the person types, from the donation form's
 * values (`get`). A live region that stays in place; the estimate itself
 * appears once there is an amount.
 */
export function donationEstimate(l10n: L10n, get: (name: string) => unknown, p: PledgeParameters): TemplateResult {
  const cents = (name: string) => {
    const euros = get(name);
    return typeof euros === 'number' && Number.isFinite(euros) && euros >= 0 ? Math.round(euros * 100) : undefined;
  };
  const amount = cents('amountCents');
  const company = get('donor.kind') === 'company';
  // Yearly and one-off gifts count once in a year; a monthly gift twelve times.
  const frequency: PledgeFrequency = get('frequency') === 'monthly' ? 'monthly' : 'once';
  const e =
    amount !== undefined && amount > 0 && amount <= MAX_AMOUNT_CENTS
      ? estimateDonation(p.taxReduction, {
          donorKind: company ? 'company' : 'individual',
          amountCents: amount,
          frequency,
          taxableIncomeCents: cents('taxableIncomeCents'),
          turnoverCents: cents('turnoverCents'),
        })
      : null;
  return html`<div aria-live="polite">${e ? estimateText(l10n, e, p.taxReduction, frequency) : nothing}</div>`;
}

/** The figures in words, with the rates and ceiling they come from. */
function estimateText(l10n: L10n, e: TaxEstimate, rules: TaxReductionRules, frequency: PledgeFrequency): TemplateResult {
  const t = l10n.t;
  const money = (c: number) => l10n.money(c);
  const percent = (n: number) => l10n.number(n);
  const c = rules.company;
  const rates =
    e.donorKind === 'individual'
      ? t.rateFlat(percent(rules.individual.ratePercent))
      : c.reducedRatePercent !== null && c.reducedRateAboveCents !== null
        ? t.rateCompanyBands(percent(c.ratePercent), money(c.reducedRateAboveCents), percent(c.reducedRatePercent))
        : t.rateFlat(percent(c.ratePercent));
  const ceiling =
    e.donorKind === 'individual' ? t.ceilingIndividual(percent(rules.individual.incomeCeilingPercent)) : t.ceilingCompany(money(c.ceilingFloorCents), percent(c.turnoverCeilingPercent));
  return html`<div part="estimate" class="estimate">
    <p>${(frequency === 'monthly' ? t.estimateYear : t.estimate)(money(e.amountCents), money(e.netCostCents), money(e.reductionCents))}</p>
    ${e.carriedOverCents > 0 ? html`<p data-carried-over>${t.carriedOver(money(e.carriedOverCents), money(e.ceilingCents ?? 0))}</p>` : nothing}
    <small>${t.estimateNote(rates, ceiling)}</small>
  </div>`;
}
