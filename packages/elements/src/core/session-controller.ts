import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { portalContext, type PortalContext } from './context.ts';
import { AuthOwner, type SessionHost } from './auth-owner.ts';
import { EmailSignIn } from './email-sign-in.ts';
import type { Auth, Me, Session } from './auth.ts';
import type { PasserelleClient } from './client.ts';
import { problemText } from './api-error.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from '../i18n/translations/fr.ts';
import { english } from '../i18n/translations/english.ts';

/** What a signed-in component renders with. */
export interface SignedIn {
  client: PasserelleClient;
  session: Session;
  me: Me;
  auth: Auth;
}

/**
 * "Get a session from the portal, or make my own." Inside
 * `<passerelle-portal>` it reads the portal's context; alone, it uses the
 * host's `api`, `tenant`, `identityToken` / `getIdentityToken` and, without
 * them, shows the email sign-in form.
 *
 * ```ts
 * private session = new SessionController(this);
 * render() { return this.session.render(({ client, me }) => html`Hello ${me.person.displayName}`); }
 * ```
 */
export class SessionController implements ReactiveController {
  readonly #host: SessionHost;
  readonly #consumer: ContextConsumer<typeof portalContext, SessionHost>;
  readonly #l10n: LocaleController<typeof fr>;
  #portal: PortalContext | null = null;
  #own: AuthOwner | null = null;
  #signIn: EmailSignIn | null = null;

  constructor(host: SessionHost) {
    this.#host = host;
    this.#l10n = new LocaleController(host, { fr, en: english });
    this.#consumer = new ContextConsumer(host, {
      context: portalContext,
      subscribe: true,
      callback: (value) => {
        this.#portal = value;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    // The consumer asked first (it was added first). No portal answered:
    if (this.#portal || this.#own) return;
    if (this.#host.api && this.#host.tenant) this.#standalone();
    else document.addEventListener('context-provider', this.#onLateProvider);
  }

  hostDisconnected(): void {
    document.removeEventListener('context-provider', this.#onLateProvider);
    // Moved elsewhere, it asks again on connection: maybe another portal, maybe none.
    this.#portal = null;
  }

  hostUpdate(): void {
    // `api` and `tenant` may be set after connection, by script.
    if (!this.#portal && !this.#own && this.#host.api && this.#host.tenant) this.#standalone();
  }

  /** True when this component has its own session instead of the portal's. */
  get standalone(): boolean {
    return this.#own !== null;
  }

  /** The portal's context, or the same shape for the component's own session (null before `api`/`tenant`). */
  get context(): PortalContext | null {
    if (this.#portal) return this.#portal;
    const auth = this.#own?.auth;
    if (!auth) return null;
    return { client: auth.client, session: auth.session, me: auth.me, locale: this.#l10n.locale, auth };
  }

  /** Signed-in values, or null. */
  get signedIn(): SignedIn | null {
    const c = this.context;
    return c?.session && c.me ? { client: c.client, session: c.session, me: c.me, auth: c.auth } : null;
  }

  /**
   * Renders `content` once signed in. Before that: inside a portal, nothing
   * (the portal shows the sign-in); alone, a "signing in" note or the email form.
   */
  render(content: (signedIn: SignedIn) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    const signedIn = this.signedIn;
    if (signedIn) return content(signedIn);
    if (!this.#own) return nothing;
    const auth = this.#own.auth;
    if (auth?.state.status === 'signing-in') return html`<p part="status" role="status">${this.#l10n.t.signIn.signingIn}</p>`;
    const state = auth?.state;
    const expired = state?.status === 'signed-out' && state.reason && state.reason !== 'user';
    const t = this.#l10n.t;
    const refusal = this.#own.error;
    return this.#signIn!.render(refusal ? problemText(refusal, this.#host) : expired ? t.signIn.expired : undefined);
  }

  #standalone(): void {
    document.removeEventListener('context-provider', this.#onLateProvider);
    this.#own = new AuthOwner(this.#host, () => this.#host.requestUpdate());
    this.#signIn = new EmailSignIn(this.#host, () => this.#own?.auth ?? null);
  }

  readonly #onLateProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== portalContext) return;
    // A portal upgraded after us: ask again (it answers only if it is our ancestor).
    this.#consumer.hostConnected();
    if (this.#portal) document.removeEventListener('context-provider', this.#onLateProvider);
  };
}
