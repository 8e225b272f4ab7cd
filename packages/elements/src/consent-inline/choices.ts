import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ChannelState, ConsentChannel, FormConsent, PurposeState } from '@passerelle/schema';
import type { PasserelleClient } from '../core/client.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from './translations.ts';

type Host = ReactiveControllerHost & HTMLElement;

export interface ConsentChoicesOptions {
  /** The purposes to ask about (their keys), in this order. */
  purposes(): readonly string[];
  /** The signed-in person's client, or null (nothing is shown then). */
  client(): PasserelleClient | null;
  /** The component the proof names as where the choice was made. */
  component: string;
  /** Under a heading of its own (inside a Passerelle form), or only the purposes' fieldsets (in a host's form). */
  heading: boolean;
}

/** A `purposes` attribute's keys: separated by spaces or commas. */
export const purposeKeys = (...lists: (string | null | undefined)[]): string[] => [...new Set(lists.join(' ').split(/[\s,]+/).filter(Boolean))];

/** Whether the person agrees now to the current text (a consent given to an older text must be given again). */
const agreed = (c: ChannelState) => c.granted && !c.renewalNeeded;

/**
 * The consent choices a form asks for (issue 20 item 1): each purpose's
 * current text, in the reader's language, with a box per channel, unticked
 * unless the person already agreed to that text. What the person changed is
 * read by `changes()` with the text's version and where it was shown: the
 * offer, pledge and profile forms send it in their own body, recorded in
 * the same transaction as their write; `<passerelle-consent-inline>` sends
 * it to the consent API when the host's form is sent.
 */
export class ConsentChoices implements ReactiveController {
  readonly #host: Host;
  readonly #options: ConsentChoicesOptions;
  readonly #l10n: LocaleController<typeof fr>;
  #shown: PurposeState[] | null = null;
  #failed = false;
  /** What was loaded: the client (one per session) and the keys asked for. */
  #loadedFor: { client: PasserelleClient; keys: string } | null = null;
  /** The boxes the person changed, by purpose then channel. */
  readonly #ticked = new Map<string, Partial<Record<ConsentChannel, boolean>>>();

  constructor(host: Host, options: ConsentChoicesOptions) {
    this.#host = host;
    this.#options = options;
    this.#l10n = new LocaleController(host, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.#options.client();
    const keys = this.#options.purposes().join(' ');
    if (!client || !keys || (this.#loadedFor?.client === client && this.#loadedFor.keys === keys)) return;
    this.#loadedFor = { client, keys };
    void this.reload();
  }

  /** Reads the person's consents again (after a save: the boxes then show what is recorded). */
  async reload(): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    try {
      const overview = await client.json(client.rpc.consents.$get());
      const byKey = new Map(overview.purposes.map((p) => [p.key, p]));
      const wanted = this.#options.purposes();
      // For the page's developer (a typo in `purposes`); the person sees the others.
      for (const key of wanted.filter((k) => !byKey.has(k))) console.warn(`[passerelle] The institution has no purpose "${key}"; it is not shown.`);
      this.#shown = wanted.flatMap((k) => byKey.get(k) ?? []);
      this.#ticked.clear();
      this.#failed = false;
    } catch {
      this.#failed = true;
    }
    this.#host.requestUpdate();
  }

  /** The choices the person changed, as a form's body carries them (`consents`). */
  changes(): FormConsent[] {
    const page = location.href.slice(0, 500);
    return (this.#shown ?? []).flatMap((p) => {
      const ticked = this.#ticked.get(p.key) ?? {};
      const channels = Object.fromEntries(p.channels.flatMap((c) => (ticked[c.channel] === undefined || ticked[c.channel] === agreed(c) ? [] : [[c.channel, ticked[c.channel]!]])));
      return Object.keys(channels).length === 0 ? [] : [{ purpose: p.key, version: p.version.hash, channels, origin: { page, component: this.#options.component } }];
    });
  }

  render(): TemplateResult | typeof nothing {
    if (this.#options.purposes().length === 0 || !this.#options.client()) return nothing;
    const t = this.#l10n.t;
    if (this.#failed) {
      return html`<p part="consents-error" class="hint">${t.loadError} <button part="button" type="button" @click=${() => void this.reload()}>${t.retry}</button></p>`;
    }
    if (!this.#shown) return html`<p class="hint">${t.loading}</p>`;
    if (this.#shown.length === 0) return nothing;
    return html`<div part="consents" class="consents" role="group" aria-labelledby="consents-heading">
      ${this.#options.heading ? html`<h3 id="consents-heading">${t.heading}</h3>` : nothing}
      <p class="hint" id=${this.#options.heading ? 'consents-intro' : 'consents-heading'}>${t.intro}</p>
      ${this.#shown.map((p) => this.#purpose(p))}
    </div>`;
  }

  #purpose(p: PurposeState): TemplateResult {
    const t = this.#l10n.t;
    const locale = this.#l10n.locale;
    const text = `consent-${p.key}-text`;
    return html`<fieldset part="consent" data-purpose=${p.key} aria-describedby=${text}>
      <legend>${p.version.title[locale]}</legend>
      <p class="hint" id=${text}>${p.version.description[locale]} ${t.owner(p.entity.name)}</p>
      ${p.channels.map((c) => {
        const id = `consent-${p.key}-${c.channel}`;
        const checked = this.#ticked.get(p.key)?.[c.channel] ?? agreed(c);
        return html`<div class="field checkbox">
          <input part="input" type="checkbox" id=${id} data-channel=${c.channel} .checked=${live(checked)}
            @change=${(e: Event) => this.#ticked.set(p.key, { ...this.#ticked.get(p.key), [c.channel]: (e.target as HTMLInputElement).checked })} />
          <label part="label" for=${id}>${t.channels[c.channel]}</label>
        </div>`;
      })}
    </fieldset>`;
  }
}
