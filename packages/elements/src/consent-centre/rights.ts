import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ErasureRequestSchema, SolicitationCapSchema, type ConsentChannel, type ConsentEventView, type ConsentOverview, type PurposeState } from '@passerelle/schema';
import type { PasserelleClient } from '../core/client.ts';
import { SavedEvent } from '../core/events.ts';
import type { SignedIn } from '../core/session-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';
import { frRights } from './translations.rights.ts';
import { historySection } from './consent-history.ts';
import { loadHistory } from './history-pages.ts';
import { erasureSection, type ErasureRequest } from './erasure-section.ts';
import { addStyles, rightsStyles } from './rights.styles.ts';
import { linkRenewals } from '../core/link-renewals.ts';

/** What the lower sections need from `<passerelle-consent-centre>`. */
export interface RightsHost {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly l10n: LocaleController<typeof fr>;
  signedIn(): SignedIn;
  /** Where the choice is made, recorded with it as proof. */
  origin(): { page: string; component: string };
  /** The status line (polite), worded when drawn. */
  say(message: () => string): void;
  /** A refusal: shown as the centre's problem, and a `passerelle-error` event. */
  fail(error: unknown, action: string): void;
  /** The cap the API recorded. */
  capSaved(cap: ConsentOverview['solicitationCap']): void;
  /** Loads everything again (after an erasure request). */
  reload(): Promise<void>;
  /** A consent change is on its way: the buttons wait for it. */
  pending(): boolean;
  /** Records a choice. */
  choose(purpose: PurposeState, channels: Partial<Record<ConsentChannel, boolean>>): void;
}

/**
 * What the consent centre draws beyond the purposes and their switches: a
 * purpose's prompts to confirm a changed text or renew an expiring consent
 * (rare), and the lower sections — the solicitation cap, the history of the
 * person's choices, the data download and the erasure request, with their
 * two forms. A module of its own, imported by the centre alongside the
 * person's data (src/consent-centre/consent-centre.ts `#load`), so that the
 * file a page loads first holds the purposes and their switches, without the
 * form machinery (dist/chunks/, see budgets.json).
 */
export class ConsentRights {
  readonly #c: RightsHost;
  /** These sections' words; the centre's own (`#c.l10n`) for the channels and the locale. */
  readonly #words: LocaleController<typeof frRights>;
  readonly cap: FormController<typeof SolicitationCapSchema>;
  readonly #erase: FormController<typeof ErasureRequestSchema>;
  #history: ConsentEventView[] = [];
  #erasureRequests: ErasureRequest[] = [];

  constructor(c: RightsHost) {
    this.#c = c;
    addStyles(c.host, rightsStyles);
    this.#words = new LocaleController(c.host, { fr: frRights, en: () => import('./translations.en.ts').then((m) => m.enRights) });
    const t = () => this.#words.t;
    this.cap = new FormController(c.host, {
      schema: SolicitationCapSchema,
      action: 'solicitation-cap',
      submit: async (body) => {
        const { client } = c.signedIn();
        const cap = await client.json(client.rpc.consents['solicitation-cap'].$put({ json: { perMonth: body.perMonth, origin: c.origin() } }));
        c.capSaved(cap);
        c.say(() => t().cap.saved(cap.perMonth));
        c.host.dispatchEvent(new SavedEvent({ kind: 'solicitation-cap', item: cap }));
      },
    });
    this.#erase = new FormController(c.host, {
      schema: ErasureRequestSchema,
      initial: { confirm: false, note: '' },
      action: 'erasure',
      submit: async (body) => {
        const { client } = c.signedIn();
        const request = await client.json(client.rpc.me.erasure.$post({ json: body }));
        c.say(() => t().erasure.sent);
        c.host.dispatchEvent(new SavedEvent({ kind: 'erasure', item: request }));
        await c.reload();
      },
    });
  }

  /** The person's history and erasure requests (throws {@link ApiError}: the centre says it could not load). */
  async load(client: PasserelleClient): Promise<void> {
    const [history, erasure] = await Promise.all([loadHistory(client), client.json(client.rpc.me.erasure.$get())]);
    this.#history = history;
    this.#erasureRequests = erasure.items;
  }

  /** Reloads the history after a change; a failure here does not undo the change, so it is only reported. */
  async refreshHistory(): Promise<void> {
    const c = this.#c;
    try {
      this.#history = await loadHistory(c.signedIn().client);
      c.host.requestUpdate();
    } catch (error) {
      c.fail(error, 'load-history');
    }
  }

  /** The cap form shows the recorded cap, unless the person is saving one. */
  showCap(perMonth: number): void {
    if (!this.cap.busy) this.cap.reset({ perMonth });
  }

  /** A purpose's prompts: confirm a consent whose text changed, renew one that expires soon. */
  notices(p: PurposeState): TemplateResult | typeof nothing {
    const c = this.#c;
    const t = this.#words.t;
    const id = `purpose-${p.key}`;
    const pending = c.pending();
    const renewal = p.channels.filter((ch) => ch.renewalNeeded);
    const expiring = p.channels.filter((ch) => ch.expiresSoon && !ch.renewalNeeded);
    // Renewed by the link of the reminder that opened this session.
    const renewed = linkRenewals.get(c.signedIn().session.token);
    return html`${renewed?.purposeKey === p.key
      ? html`<p part="renewed" class="notice" role="status">${t.renewed(c.l10n.date(renewed.expiresAt))}</p>`
      : nothing}
    ${renewal.length > 0
      ? html`<div part="renewal" class="notice" role="group" aria-labelledby=${`${id}-renewal`}>
          <strong id=${`${id}-renewal`}>${t.renewal.title}</strong>
          <p>${t.renewal.body(c.l10n.date(renewal[0]!.since ?? ''))}</p>
          <button type="button" class="primary" aria-disabled=${pending ? 'true' : 'false'}
            @click=${() => c.choose(p, Object.fromEntries(renewal.map((ch) => [ch.channel, true])))}>${t.renewal.confirm}</button>
        </div>`
      : nothing}
    ${expiring.length > 0
      ? html`<div class="notice">
          <p>${t.expires.body(c.l10n.date(expiring[0]!.expiresAt ?? ''))}</p>
          <button type="button" aria-disabled=${pending ? 'true' : 'false'}
            @click=${() => c.choose(p, Object.fromEntries(expiring.map((ch) => [ch.channel, true])))}>${t.expires.renew}</button>
        </div>`
      : nothing}`;
  }

  render(overview: ConsentOverview): TemplateResult {
    return html`${this.#capSection(overview)} ${historySection(this.#c.l10n, this.#words, this.#history)} ${this.#dataSection()} ${erasureSection(this.#words, this.#erasureRequests, this.#erase)}`;
  }

  #capSection(overview: ConsentOverview): TemplateResult {
    const t = this.#words.t;
    const cap = overview.solicitationCap;
    return html`<section part="cap" aria-labelledby="cap-title">
      <h3 id="cap-title">${t.cap.title}</h3>
      <p>${t.cap.intro}</p>
      <form novalidate aria-busy=${this.cap.busy ? 'true' : 'false'} @submit=${this.cap.onSubmit}>
        ${this.cap.summary()}
        ${this.cap.field({ name: 'perMonth', type: 'number', label: t.cap.label, hint: t.cap.hint(cap.tenantDefault), min: 0, max: 30, step: 1, inputmode: 'numeric', required: true })}
        ${this.cap.submitButton(t.cap.save)}
      </form>
    </section>`;
  }

  #dataSection(): TemplateResult {
    const t = this.#words.t;
    return html`<section part="data" aria-labelledby="data-title">
      <h3 id="data-title">${t.data.title}</h3>
      <p>${t.data.intro}</p>
      <div class="toolbar">
        <button type="button" data-export="zip" @click=${() => this.#download('zip')}>${t.data.zip}</button>
        <button type="button" data-export="json" @click=${() => this.#download('json')}>${t.data.json}</button>
      </div>
    </section>`;
  }

  async #download(format: 'json' | 'zip'): Promise<void> {
    const c = this.#c;
    const { client } = c.signedIn();
    try {
      const res = await client.rpc.me.export.$get({ query: { format } });
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `passerelle-export.${format}`;
      link.hidden = true;
      (c.host.shadowRoot ?? c.host).appendChild(link);
      link.click();
      link.remove();
      // Revoke later: the browser reads the blob after the click returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      c.say(() => this.#words.t.data.ready);
      c.host.dispatchEvent(new SavedEvent({ kind: 'export', item: { format, bytes: blob.size } }));
    } catch (error) {
      c.fail(error, 'export');
    }
  }
}
