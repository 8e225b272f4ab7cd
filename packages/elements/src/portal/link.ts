import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
// The schema's LINK_PARAMETER; imported, it costs every bundle a chunk of its own (scripts/build.ts).
const LINK_PARAMETER = 'passerelle-link' satisfies typeof SHARED_PARAMETER;
import type { LINK_PARAMETER as SHARED_PARAMETER } from '@passerelle/schema';
import type { Auth } from '../core/auth.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { frLink } from './translations.link.ts';
import { linkRenewals } from '../core/link-renewals.ts';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Takes a link's token off the page's address (`?passerelle-link=`), keeping
 * the other parameters as they were written and the hash, without a new
 * history entry: the token must not stay in the address bar, the history or a
 * bookmark. Null when the page was not opened with one.
 */
export function takeLinkToken(): string | null {
  const parts = location.search.slice(1).split('&');
  const prefix = `${LINK_PARAMETER}=`;
  const found = parts.find((p) => p.startsWith(prefix));
  if (found === undefined) return null;
  const kept = parts.filter((p) => !p.startsWith(prefix) && p !== '');
  history.replaceState(history.state, '', `${location.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}${location.hash}`);
  try {
    return decodeURIComponent(found.slice(prefix.length));
  } catch {
    return found.slice(prefix.length);
  }
}

/** The link the page was opened with, taken off the address, to be traded for `host`'s session; null without one. */
export function linkSignIn(host: Host, auth: () => Auth | null): LinkSignIn | null {
  const token = takeLinkToken();
  if (!token) return null;
  host.requestUpdate();
  return new LinkSignIn(host, auth, token);
}

/**
 * A link from a message (issue 17): the page was opened with
 * `?passerelle-link=<token>`. Made by the email form (core/email-sign-in.ts,
 * a chunk fetched when it is first needed), which `<passerelle-portal>`
 * fetches at once on such a page. The token is taken off the address at once, then traded for a
 * session (`POST /v1/mail/links/sign-in`, an email-proved session as with a
 * code) once the portal knows who is signed in: a host identity or a session
 * already open in this tab is kept and the link left unused. A used or
 * expired link says so, with the (masked) address, and offers a fresh link
 * there in one click (`POST /v1/mail/links/resend`); the email form stays
 * below as another way in. A consent reminder's link also renews that
 * consent (the API does, with the page's address as proof); the consent
 * centre on the page says so (core/link-renewals.ts).
 */
export class LinkSignIn implements ReactiveController {
  readonly #host: Host;
  readonly #auth: () => Auth | null;
  readonly #words: LocaleController<typeof frLink>;
  #token: string | null;
  #started = false;
  /** Why the link did not sign in. */
  #refused: ApiError | null = null;
  /** Where a fresh link went (masked). */
  #sent: string | null = null;
  #resendFailed: ApiError | null = null;
  #busy = false;

  constructor(host: Host, auth: () => Auth | null, token: string) {
    this.#host = host;
    this.#auth = auth;
    this.#token = token;
    this.#words = new LocaleController(host, { fr: frLink, en: () => import('./translations.en.ts').then((m) => m.enLink) });
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    const auth = this.#auth();
    // Once the portal has an Auth that is not busy taking up a host identity or the tab's session.
    if (this.#started || !auth || auth.state.status === 'signing-in') return;
    this.#started = true;
    if (auth.state.status === 'signed-in') return;
    // Outside the update that called us: opening the session renders the portal again.
    queueMicrotask(() => void this.#trade(auth));
  }

  async #trade(auth: Auth): Promise<void> {
    try {
      // Where the page is, named as the consent centre names it: the proof of a consent the link renews records it.
      const origin = { page: location.href.slice(0, 500), component: this.#host.localName };
      const grant = auth.client.json(auth.client.rpc.mail.links['sign-in'].$post({ json: { tenant: auth.tenant, token: this.#token!, origin } }));
      // Known before the session opens, so that the consent centre it opens says the consent was renewed.
      await auth.openEmail(
        grant.then((g) => {
          if (g.renewed) linkRenewals.set(g.token, g.renewed);
          return g;
        }),
      );
      this.#token = null;
    } catch (err) {
      this.#refused = err instanceof ApiError ? err : ApiError.network(err);
      this.#host.dispatchEvent(new PasserelleErrorEvent({ error: this.#refused, action: 'sign-in' }));
      this.#host.requestUpdate();
    }
  }

  async #resend(): Promise<void> {
    const auth = this.#auth();
    if (!auth || !this.#token || this.#busy) return;
    this.#busy = true;
    this.#resendFailed = null;
    this.#host.requestUpdate();
    try {
      this.#sent = (await auth.client.json(auth.client.rpc.mail.links.resend.$post({ json: { tenant: auth.tenant, token: this.#token } }))).address;
    } catch (err) {
      this.#resendFailed = err instanceof ApiError ? err : ApiError.network(err);
      this.#host.dispatchEvent(new PasserelleErrorEvent({ error: this.#resendFailed, action: 'resend-link' }));
    }
    this.#busy = false;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // The button is gone (or says why it failed): keyboard and screen-reader users land on what happened.
    this.#host.shadowRoot?.querySelector<HTMLElement>('[data-link-outcome]')?.focus();
  }

  /** What the email form shows above itself while nobody is signed in: why the link did not sign in, and the offer of a fresh one. */
  render(): TemplateResult | typeof nothing {
    const refused = this.#refused;
    if (!refused || this.#auth()?.me) return nothing;
    const t = this.#words.t;
    // Only a used or expired link names the address a fresh one would go to.
    const offer = (refused.code === 'link.used' || refused.code === 'link.expired') && this.#token;
    return html`<section part="link" class="sign-in" aria-labelledby="link-title">
      <h2 id="link-title" part="title">${t.title}</h2>
      <p part="message" class="message" role="alert">${problemText(refused, this.#host)}</p>
      ${this.#sent
        ? html`<p part="status" role="status" tabindex="-1" data-link-outcome>${t.sent(this.#sent)}</p>`
        : offer
          ? html`${this.#resendFailed ? html`<p part="message" class="message" role="alert" tabindex="-1" data-link-outcome>${problemText(this.#resendFailed, this.#host)}</p>` : nothing}
              <button part="button submit" type="button" aria-disabled=${this.#busy ? 'true' : 'false'} @click=${() => this.#resend()}>${t.resend}</button>`
          : nothing}
    </section>`;
  }
}
