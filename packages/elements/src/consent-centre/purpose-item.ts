import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ChannelState, ConsentChannel, PurposeState } from '@passerelle/schema';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';

/** What a purpose's row needs: the locale, whether a change is on its way, and how to record a choice. */
export interface PurposeContext {
  l10n: LocaleController<typeof fr>;
  /** A consent change is on its way: the switches and buttons wait for it. Read when drawn and when clicked. */
  pending(): boolean;
  choose(purpose: PurposeState, channels: Partial<Record<ConsentChannel, boolean>>): void;
  /** The prompts to confirm a changed text or renew an expiring consent (src/consent-centre/rights.ts, fetched with the data). */
  notices(purpose: PurposeState): TemplateResult | typeof nothing;
}

/**
 * One purpose: its text, legal basis and owner, a switch per channel, and
 * the prompts to confirm a consent whose text changed or that expires soon
 * (`ctx.notices`, drawn by src/consent-centre/rights.ts).
 */
export function purposeItem(ctx: PurposeContext, p: PurposeState): TemplateResult {
  const { l10n } = ctx;
  const t = l10n.t;
  const locale = l10n.locale;
  const title = p.version.title[locale];
  const id = `purpose-${p.key}`;
  const basis = p.version.legalBasis === 'consent' ? t.basis.consent : t.basis.legitimate_interest(p.entity.name);
  return html`<li part="purpose" class="purpose" data-purpose=${p.key}>
    <h4 id=${`${id}-title`}>${title}</h4>
    <p>${p.version.description[locale]}</p>
    <p class="muted">${basis}</p>
    <p class="muted">${t.owner(p.entity.name)}${p.version.legalBasis === 'consent' ? html` · ${t.retention(p.retentionMonths)}` : nothing}</p>
    <fieldset aria-describedby=${`${id}-title`}>
      <legend class="visually-hidden">${t.channelsLegend(title)}</legend>
      ${p.channels.map((c) => channelSwitch(ctx, p, c, title))}
    </fieldset>
    ${ctx.notices(p)}
  </li>`;
}

/** One channel's switch: a native checkbox with role=switch, its state also said in words. */
function channelSwitch({ l10n, pending, choose }: PurposeContext, p: PurposeState, c: ChannelState, title: string): TemplateResult {
  const t = l10n.t;
  const id = `switch-${p.key}-${c.channel}`;
  return html`<label class="switch" for=${id}>
    <input part="switch" id=${id} type="checkbox" role="switch" data-channel=${c.channel}
      .checked=${live(c.granted)} aria-disabled=${pending() ? 'true' : 'false'}
      @click=${(e: Event) => {
        // While a change is on its way, a click would race it: ignore it (the box keeps its state).
        if (pending()) e.preventDefault();
      }}
      @change=${(e: Event) => choose(p, { [c.channel]: (e.target as HTMLInputElement).checked })} />
    ${t.channels[c.channel]}<span class="visually-hidden"> — ${title}</span>
    <span class="state" aria-hidden="true">(${c.granted ? t.on : t.off})</span>
  </label>`;
}
