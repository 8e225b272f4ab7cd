import { html, nothing, type TemplateResult } from 'lit';
import type { Pledge } from '@passerelle/schema';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { PagedList } from './paged.ts';
import type { fr } from './translations.ts';

/**
 * The company's gifts and apprenticeship-tax pledges (`GET /v1/pledges?companyId=`),
 * newest first, with their status (promised, allocated, received, cancelled)
 * and the amounts a representative reads.
 */
export function companyPledges(list: PagedList<Pledge>, l10n: LocaleController<typeof fr>): TemplateResult {
  const t = l10n.t.pledges;
  return html`<p class="intro">${t.intro}</p>
    ${list.head(l10n.t.loading, t, l10n.t.retry)}
    ${list.items?.length ? html`<ul part="pledges" class="cards" aria-label=${t.list}>${list.items.map((p) => pledge(p, l10n))}</ul>` : nothing}
    ${list.more(l10n.t.more)}`;
}

function pledge(p: Pledge, l10n: LocaleController<typeof fr>): TemplateResult {
  const t = l10n.t.pledges;
  const money = (cents: number) => l10n.money(cents);
  return html`<li part="pledge" class="card" data-pledge=${p.id}>
    <h4 id=${`pledge-${p.id}`} tabindex="-1">${t.kinds[p.kind]} · ${p.beneficiary.name}</h4>
    <dl class="facts">
      <div><dt>${t.status}</dt><dd data-status=${p.status}>${t.statuses[p.status]}</dd></div>
      ${p.amountCents !== undefined ? html`<div><dt>${t.amount}</dt><dd>${money(p.amountCents)}</dd></div>` : nothing}
      ${p.estimatedAmountCents !== undefined ? html`<div><dt>${t.estimated}</dt><dd>${money(p.estimatedAmountCents)}</dd></div>` : nothing}
      ${p.receivedAmountCents !== undefined ? html`<div><dt>${t.received}</dt><dd>${money(p.receivedAmountCents)}</dd></div>` : nothing}
      ${p.campaignYear !== undefined ? html`<div><dt>${t.campaign}</dt><dd>${p.campaignYear}</dd></div>` : nothing}
      <div><dt>${t.pledgedOn}</dt><dd>${l10n.date(p.createdAt)}</dd></div>
    </dl>
    <p class="meta">${p.mine ? t.byYou : t.byOther}</p>
  </li>`;
}
