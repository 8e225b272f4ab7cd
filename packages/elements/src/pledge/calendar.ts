import { html, nothing, type TemplateResult } from 'lit';
import { campaignState, type CampaignState, type TaxCampaign } from '@passerelle/schema';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';
import * as words from './calendar.words.ts';

type L10n = LocaleController<typeof fr>;

/** The calendar's words in the element's language. */
const said = (l10n: L10n) => words[l10n.locale];

/** A calendar day (`YYYY-MM-DD`) in words, the same day whatever the reader's time zone. */
const day = (l10n: L10n, d: string): string => l10n.date(d, { dateStyle: 'long', timeZone: 'UTC' });

/*
 * The SOLTéA calendar of <passerelle-pledge>, with its words: fetched when the
 * element may show the tax form, so that the gift form does not carry it.
 */

/**
 * Where the SOLTéA campaign stands on `today` (the server's day, from
 * `GET /v1/pledges/parameters`), in one sentence: a period open and the days
 * left, closed and the next one, over and when SOLTéA pays, or not yet
 * published. Never an invitation to act "during a period" when none is open.
 */
export function campaignNow(l10n: L10n, state: CampaignState): string {
  const t = said(l10n);
  const label = (p: { label: { fr: string; en: string } }) => p.label[l10n.locale];
  switch (state.state) {
    case 'unpublished':
      return t.unpublished(state.year);
    case 'upcoming':
      return t.upcoming(label(state.next), day(l10n, state.next.opens), state.daysUntil);
    case 'open':
      return t.open(label(state.period), day(l10n, state.period.closes), state.daysLeft);
    case 'closed':
      return t.closed(label(state.next), day(l10n, state.next.opens), state.daysUntil);
    case 'over':
      return t.over(state.year, state.transfersFrom.map((d) => day(l10n, d)), day(l10n, state.unallocatedFrom));
  }
}

/** The first SOLTéA step after a tax pledge: when to sign in, as the campaign stands today. */
export function signInStep(l10n: L10n, campaign: TaxCampaign | undefined, today: string, url: string): string {
  const state = campaign ? campaignState(campaign, today) : undefined;
  return state?.state === 'open' ? said(l10n).stepOpen(url, day(l10n, state.period.closes)) : said(l10n).stepLater(url);
}

/** The calendar of `campaign`: where it stands today (announced politely when the year changes), then its dates. */
export function campaignCalendar(l10n: L10n, campaign: TaxCampaign, today: string): TemplateResult {
  const t = l10n.t;
  const state = campaignState(campaign, today);
  return html`<section part="calendar" aria-labelledby="calendar-title" data-state=${state.state}>
    <h3 id="calendar-title">${t.calendar(campaign.year)}</h3>
    <p role="status" data-now>${campaignNow(l10n, state)}</p>
    ${campaign.published
      ? html`<ul>
            ${campaign.periods.map(
              (p) => html`<li>${t.period(p.label[l10n.locale], day(l10n, p.opens), day(l10n, p.closes))} ${said(l10n).transfers(day(l10n, p.transfersFrom))}</li>`,
            )}
            <li>${said(l10n).unallocated(day(l10n, campaign.unallocatedFrom))}</li>
          </ul>
          ${campaign.source ? html`<p class="hint">${said(l10n).source(campaign.source)}</p>` : nothing}`
      : nothing}
  </section>`;
}
