import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { applyLink, renderOfferMarkdown, type Offer } from '@passerelle/schema';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';

type L10n = LocaleController<typeof fr>;

/** Place, remote policy, start, duration: one line under a card's title. */
function facts(o: Offer, l10n: L10n): [string, string][] {
  const t = l10n.t;
  const list: [string, string][] = [];
  if (o.location || o.remote) list.push([t.location, [o.location, o.remote ? t.remotes[o.remote] : null].filter(Boolean).join(' · ')]);
  if (o.startDate) list.push([t.start, l10n.date(o.startDate)]);
  if (o.duration) list.push([t.duration, `${o.duration.amount} ${t.units[o.duration.unit]}`]);
  return list;
}

const factList = (items: [string, string][]): TemplateResult | typeof nothing =>
  items.length === 0 ? nothing : html`<dl class="facts">${items.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;

/** One offer of the list: its title opens the offer's page. */
export function offerCard(o: Offer, l10n: L10n, open: (o: Offer) => void): TemplateResult {
  const t = l10n.t;
  return html`<li part="offer" class="card" data-offer=${o.id}>
    <h3><button type="button" class="link" id=${`offer-${o.id}`} aria-label=${t.read(o.title)} @click=${() => open(o)}>${o.title}</button></h3>
    <p class="meta">${o.company.name} · ${t.kinds[o.kind]}</p>
    ${factList(facts(o, l10n))}
  </li>`;
}

/**
 * The offer's page: every fact, the description rendered from the safe
 * Markdown subset of @passerelle/schema (the source is escaped first; links
 * are http(s) only, rel="noopener noreferrer nofollow"), and how to apply.
 */
export function offerPage(o: Offer, l10n: L10n, back: () => void): TemplateResult {
  const t = l10n.t;
  const more: [string, string][] = [[t.company, o.company.name], [t.kind, t.kinds[o.kind]], ...facts(o, l10n)];
  if (o.weeklyHours) more.push([t.weeklyHours, t.hours(o.weeklyHours)]);
  if (o.stipend) more.push([t.stipend, t.perMonth(l10n.money(o.stipend.amountCents, o.stipend.currency))]);
  if (o.expiresOn) more.push([t.expires, l10n.date(o.expiresOn)]);
  const link = o.apply ? applyLink(o.apply) : null;
  return html`<article part="page" class="page" aria-labelledby="offer-title">
    <button part="button" type="button" data-back @click=${back}>${t.back}</button>
    <h3 id="offer-title" tabindex="-1">${o.title}</h3>
    ${o.publishedAt ? html`<p class="meta">${t.publishedOn(l10n.date(o.publishedAt))}</p>` : nothing}
    ${factList(more)}
    ${o.description
      ? html`<section aria-labelledby="offer-description"><h4 id="offer-description">${t.description}</h4>
          <div part="description" class="description">${unsafeHTML(renderOfferMarkdown(o.description))}</div></section>`
      : nothing}
    <section part="apply" class="apply" aria-labelledby="offer-apply">
      <h4 id="offer-apply">${t.apply}</h4>
      ${link
        ? html`<p>${t.applyHint}</p>
            <p>${link.kind === 'email'
              ? html`<a part="apply-link" href=${link.href} data-apply>${t.applyByEmail(o.apply!)}</a>`
              : html`<a part="apply-link" href=${link.href} target="_blank" rel="noopener noreferrer" data-apply>${t.applyOnline} <span class="visually-hidden">${t.newWindow}</span></a>`}</p>`
        : html`<p>${t.noApply}</p>`}
    </section>
  </article>`;
}
