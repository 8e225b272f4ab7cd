import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { portalContext, type PortalContext } from '../core/context.ts';
import { AuthOwner } from '../core/auth-owner.ts';
import type { EmailSignIn } from '../core/email-sign-in.ts';
import type { Auth, IdentityTokenSource, Me, Session } from '../core/auth.ts';
import type { SessionStorageMode } from '../core/tab-session.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from '../i18n/translations/fr.ts';
import { english } from '../i18n/translations/english.ts';
import { theme, formStyles } from '../styles/theme.ts';
import { portalStyles } from './portal.styles.ts';
import { warnOnce } from '../core/warn-once.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';

/**
 * @tagname passerelle-portal
 * @summary Signs the person in (host identity token or email code) and shares the session, the typed API client and the locale with the Passerelle components inside it.
 *
 * A session opened with an email code is kept for the tab in the host page's
 * `sessionStorage` (key `passerelle.session`, with the `api` and `tenant` it
 * belongs to), so that the person stays signed in from page to page of the
 * host site instead of asking a new code on each one. On the next page the
 * portal checks it with `GET /v1/me` before showing anything signed in; it is
 * removed on sign-out (and sign-out everywhere), when it expires or the API
 * refuses it, when the host gives an identity token, and by a portal with
 * another `api` or `tenant`. Host-token sessions are never stored: the host
 * gives a new identity token on each page.
 *
 * Security trade-off: while the tab lives, that bearer token can be read by
 * any script that runs in this tab on the host page's origin, on any of its
 * pages (an XSS anywhere on the site, a compromised third-party script), not
 * only by scripts of the page holding the portal; such a script can send it
 * elsewhere and use it (outside a browser no Origin is checked) until it
 * expires (`SESSION_TTL_MINUTES`) or is signed out. Other tabs, other origins
 * and the next browser session never see it. An email-code session carries
 * no staff or admin rights unless the institution allowed them. Set
 * `session-storage="none"` to keep it in memory only (each page load then
 * asks for a new code).
 *
 * Opened from a link in a message (`?passerelle-link=<token>`), the portal
 * takes the token off the address bar at once (`history.replaceState`, the
 * other parameters and the hash kept) and trades it for a session, kept for
 * the tab like an email-code one; someone already signed in (host identity,
 * the tab's session) stays so and the link is left unused. A used or expired
 * link says so and offers, in one click, a fresh link to the same (masked)
 * address. Its code comes with the email form's, fetched only then.
 *
 * @slot - The Passerelle components (and anything else) that use this session.
 *
 * @event passerelle-signed-in - The person is signed in. `detail: { me, method }`.
 * @event passerelle-signed-out - The session ended. `detail: { reason: 'user' | 'expired' | 'revoked' }`.
 * @event passerelle-error - Sign-in, or signing out everywhere, failed. `detail: { error, action }`.
 *
 * @csspart bar - The "signed in as" bar.
 * @csspart who - Name and roles.
 * @csspart roles - The list of roles.
 * @csspart sign-in - The sign-in section.
 * @csspart link - Opened from a message's link that no longer signs in (used, expired): what happened, and the button that sends a fresh link.
 * @csspart title - The sign-in heading.
 * @csspart status - "Signing in…".
 * @csspart message - A note above the sign-in form (expired session, refused token).
 * @csspart form - The sign-in forms.
 * @csspart field - A field (label, hint, error and control).
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart input - A native control.
 * @csspart option - One choice of a group of radio buttons.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The list of errors shown after a failed submit.
 * @csspart error-link - A link in the error summary.
 * @csspart button - Any button.
 * @csspart submit - A form's submit button.
 * @csspart sign-out - The sign-out button.
 * @csspart sign-out-everywhere - The button that ends every session of the person (other devices too).
 *
 * @cssprop --passerelle-color-primary - Buttons, links and focus accents.
 * @cssprop --passerelle-color-on-primary - Text on primary buttons.
 * @cssprop --passerelle-color-surface - Background.
 * @cssprop --passerelle-color-text - Text.
 * @cssprop --passerelle-color-muted - Hints and secondary text.
 * @cssprop --passerelle-color-danger - Errors.
 * @cssprop --passerelle-color-border - Field borders.
 * @cssprop --passerelle-color-focus - Focus ring.
 * @cssprop --passerelle-radius - Corner radius.
 * @cssprop --passerelle-font - Font shorthand (default: inherit the page's).
 * @cssprop --passerelle-spacing - Base spacing.
 */
export class PasserellePortal extends LitElement {
  static override styles = [theme, formStyles, portalStyles];

  /** Base URL of the API, without `/v1` (e.g. `https://api.example.org`). */
  @property() api?: string;

  /** The institution's slug (e.g. `demo`). */
  @property() tenant?: string;

  /** A host-signed identity token (JWT) for the person signed in on the host site; traded once for a session. */
  @property({ attribute: false }) identityToken?: string;

  /** Called for a fresh host-signed identity token: at sign-in, before the session expires and after a 401. */
  @property({ attribute: false }) getIdentityToken?: IdentityTokenSource;

  /**
   * `email` (default): an email-code session is kept in the host page's sessionStorage for the tab
   * (readable by the origin's scripts, see above); `none`: in memory only. Set it before the portal connects.
   */
  @property({ attribute: 'session-storage' }) sessionStorageMode: SessionStorageMode = 'email';

  readonly #l10n = new LocaleController(this, { fr, en: english });
  readonly #owner = new AuthOwner(this, () => {
    this.#publish();
    this.requestUpdate();
  });
  /** The email-code form, fetched the first time it is shown: a host that signs people in with identity tokens never downloads it. */
  #signIn: EmailSignIn | null = null;
  #signInRequested: Promise<void> | null = null;
  #signInUnavailable: ApiError | null = null;
  readonly #provider = new ContextProvider(this, { context: portalContext });

  /** Sign-in, renewal and sign-out for this portal (null until `api` and `tenant` are set). */
  get auth(): Auth | null {
    return this.#owner.auth;
  }

  /** The current session, or null. */
  get session(): Session | null {
    return this.#owner.auth?.session ?? null;
  }

  /** `GET /v1/me` for the signed-in person, or null. */
  get me(): Me | null {
    return this.#owner.auth?.me ?? null;
  }

  /** Signs out: revokes the session on the server and forgets it. */
  async signOut(): Promise<void> {
    await this.#owner.auth?.signOut('user');
  }

  /** Why the last "sign out everywhere" failed (shown in the bar until the next try). */
  #everywhereError: ApiError | null = null;

  /** Signs out everywhere: ends every session of the person on the server (other browsers and devices too), then this one. */
  async signOutEverywhere(): Promise<void> {
    this.#everywhereError = null;
    try {
      await this.#owner.auth?.signOutEverywhere();
    } catch (err) {
      this.#everywhereError = err instanceof ApiError ? err : ApiError.network(err);
      this.dispatchEvent(new PasserelleErrorEvent({ error: this.#everywhereError, action: 'sign-out-everywhere' }));
    }
    this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#publish();
  }

  protected override firstUpdated(): void {
    // Opened from a message's link: the email form takes it (portal/link.ts); fetched now even when someone is signed in, to take it off the address.
    if (location.search.includes('passerelle-link=')) this.#emailSignIn();
    if (!this.#owner.auth) warnOnce('portal-config', '<passerelle-portal> needs the api and tenant attributes (e.g. api="https://api.example.org" tenant="demo").');
  }

  /** Shares a new context object when anything in it changed, so consumers re-render. */
  #publish(): void {
    const auth = this.#owner.auth;
    const current = this.#provider.value as PortalContext | undefined;
    if (!auth) return;
    const next: PortalContext = { client: auth.client, session: auth.session, me: auth.me, locale: this.#l10n.locale, auth };
    const same = current && current.auth === next.auth && current.session === next.session && current.me === next.me && current.locale === next.locale;
    if (!same) this.#provider.setValue(next);
  }

  /**
   * The email sign-in, or null while its code is fetched (dist/chunks/, a
   * dynamic import: it and the form machinery it needs would put dist/portal.js
   * over its budget). Renders again once it is there.
   */
  #emailSignIn(): EmailSignIn | null {
    if (!this.#signIn && !this.#signInRequested) {
      this.#signInRequested = import('../core/email-sign-in.ts').then(
        ({ EmailSignIn }) => {
          this.#signIn = new EmailSignIn(this, () => this.#owner.auth);
          this.#signInUnavailable = null;
          this.requestUpdate();
        },
        (err: unknown) => {
          // The network failed: say so, and try again on the next render.
          this.#signInRequested = null;
          this.#signInUnavailable = ApiError.network(err);
          this.dispatchEvent(new PasserelleErrorEvent({ error: this.#signInUnavailable, action: 'sign-in' }));
          this.requestUpdate();
        },
      );
    }
    return this.#signIn;
  }

  /** Also waits for the email sign-in form when a render asked for it, so that `updateComplete` means "drawn", form included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#signIn && this.#signInRequested) {
      await this.#signInRequested;
      return super.getUpdateComplete();
    }
    return done;
  }

  override render() {
    const t = this.#l10n.t;
    const auth = this.#owner.auth;
    const me = auth?.me;
    let header;
    if (me) {
      header = html`<div part="bar" class="bar">
        <div part="who" class="who" tabindex="-1" data-autofocus-signed-in>
          <span>${t.session.signedInAs}</span> <span class="name">${me.person.displayName ?? me.person.email}</span>
          ${me.memberships.length > 0
            ? html`<ul part="roles" class="roles" aria-label=${t.session.roles}>
                ${me.memberships.map((m) => html`<li>${t.roles[m.role]}${m.entityName ?? m.companyName ? ` — ${m.entityName ?? m.companyName}` : ''}</li>`)}
              </ul>`
            : nothing}
        </div>
        <div class="actions">
          <button part="button sign-out" type="button" @click=${() => this.signOut()}>${t.session.signOut}</button>
          <button part="button sign-out-everywhere" type="button" @click=${() => this.signOutEverywhere()}>${t.session.signOutEverywhere}</button>
        </div>
        ${this.#everywhereError ? html`<p part="message" class="message" role="alert">${t.session.signOutEverywhereFailed}</p>` : nothing}
      </div>`;
    } else if (auth?.state.status === 'signing-in') {
      header = html`<p part="status" role="status">${t.signIn.signingIn}</p>`;
    } else if (auth) {
      const state = auth.state;
      const note = this.#owner.error
        ? problemText(this.#owner.error, this)
        : state.status === 'signed-out' && state.reason && state.reason !== 'user'
          ? t.signIn.expired
          : undefined;
      const unavailable = this.#signInUnavailable;
      header =
        this.#emailSignIn()?.render(note) ?? (unavailable ? html`<p part="message" class="message" role="alert">${problemText(unavailable, this)}</p>` : nothing);
    } else {
      header = nothing;
    }
    return html`${header}<slot></slot>`;
  }
}
