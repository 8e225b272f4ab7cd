import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PersonAddresses } from '@passerelle/schema';
import type { PasserelleClient } from '../core/client.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { messageWords } from '../i18n/messages.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from './addresses.words.ts';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * "My sign-in addresses" of one's own profile (issue 17 item 4): the
 * institution's address, the personal ones (each removable), and adding one
 * in two steps, the address then the code mailed to it. Fetched by the
 * profile editor when it shows one's own profile (never in staff mode).
 */
export class AddressesSection implements ReactiveController {
  readonly #host: Host;
  readonly #client: () => PasserelleClient | null;
  readonly #l10n: LocaleController<typeof fr>;
  #loadedWith: PasserelleClient | null = null;
  #list: PersonAddresses | null = null;
  /** The address a code was sent to, waiting for it. */
  #pending: string | null = null;
  #busy = false;
  #said: ((t: typeof fr) => string) | null = null;
  #error: ApiError | null = null;

  constructor(host: Host, client: () => PasserelleClient | null) {
    this.#host = host;
    this.#client = client;
    this.#l10n = new LocaleController(host, { fr, en: () => import('./translations.en.ts').then((m) => m.enAddresses) });
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.#client();
    if (!client || client === this.#loadedWith) return;
    this.#loadedWith = client;
    void this.#run(async () => {
      this.#list = await client.json(client.rpc.me.addresses.$get());
    });
  }

  /** Runs one request: busy meanwhile, its refusal said next to the field it concerns. */
  async #run(request: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.#error = null;
    this.#host.requestUpdate();
    try {
      await request();
    } catch (error) {
      this.#error = error instanceof ApiError ? error : ApiError.network(error);
      this.#said = null;
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }

  #ask = (e: Event): void => {
    e.preventDefault();
    const client = this.#client();
    const email = new FormData(e.target as HTMLFormElement).get('email')?.toString().trim() ?? '';
    if (!client || !email) return;
    void this.#run(async () => {
      await client.json(client.rpc.me.addresses.$post({ json: { email } }));
      this.#pending = email.toLowerCase();
      this.#said = (t) => t.sent(email);
    });
  };

  #verify = (e: Event): void => {
    e.preventDefault();
    const client = this.#client();
    const email = this.#pending;
    const code = new FormData(e.target as HTMLFormElement).get('code')?.toString() ?? '';
    if (!client || !email) return;
    void this.#run(async () => {
      this.#list = await client.json(client.rpc.me.addresses.verify.$post({ json: { email, code } }));
      this.#pending = null;
      this.#said = (t) => t.added(email);
    });
  };

  #remove(id: string, email: string): void {
    const client = this.#client();
    if (!client) return;
    void this.#run(async () => {
      this.#list = await client.json(client.rpc.me.addresses[':id'].$delete({ param: { id } }));
      this.#said = (t) => t.removed(email);
    });
  }

  render(): TemplateResult | typeof nothing {
    const list = this.#list;
    if (!list) return nothing;
    const t = this.#l10n.t;
    // Worded when drawn: the message catalogue may arrive after the refusal (problemText asks for it, then draws again).
    const refusal = this.#error && { text: problemText(this.#error, this.#host), field: this.#error.fieldErrors[0] };
    const said = refusal && (refusal.field ? { text: messageWords(this.#l10n.locale, refusal.field), field: refusal.field.path === 'code' ? 'code' : 'email' } : { text: refusal.text, field: null });
    const error = (field: 'email' | 'code' | null) =>
      said && said.field === field ? html`<div class="error" id=${`address-${field ?? 'form'}-error`}><span aria-hidden="true">⚠ </span>${said.text}</div>` : nothing;
    const described = (field: 'email' | 'code') => (said?.field === field ? `address-${field}-error` : undefined);
    return html`<section part="addresses" class="addresses" aria-labelledby="addresses-title" aria-busy=${this.#busy ? 'true' : 'false'}>
      <h3 id="addresses-title">${t.title}</h3>
      <p class="hint">${t.intro}</p>
      ${list.primary ? html`<p>${t.primary(list.primary)}</p>` : nothing}
      ${list.items.length === 0
        ? html`<p class="muted">${t.none}</p>`
        : html`<ul>
            ${list.items.map((a) => html`<li data-address=${a.email}>${a.email} <button part="button" type="button" class="secondary" aria-label=${t.removeLabel(a.email)} @click=${() => this.#remove(a.id, a.email)}>${t.remove}</button></li>`)}
          </ul>`}
      ${this.#pending
        ? html`<form @submit=${this.#verify} novalidate>
            <div class="field">
              <label for="address-code">${t.code(this.#pending)}</label>
              <input part="input" id="address-code" name="code" autocomplete="one-time-code" inputmode="numeric" required aria-describedby=${described('code') ?? nothing} />
              ${error('code')}
            </div>
            <button part="button" type="submit">${t.verify}</button>
            <button part="button" type="button" class="secondary" @click=${() => ((this.#pending = null), (this.#said = null), this.#host.requestUpdate())}>${t.cancel}</button>
          </form>`
        : html`<form @submit=${this.#ask} novalidate>
            <div class="field">
              <label for="address-email">${t.newAddress}</label>
              <input part="input" id="address-email" name="email" type="email" autocomplete="email" required aria-describedby=${described('email') ?? nothing} />
              ${error('email')}
            </div>
            <button part="button" type="submit">${t.sendCode}</button>
          </form>`}
      ${error(null)}
      <p role="status" class="status">${this.#said?.(t) ?? ''}</p>
    </section>`;
  }
}
