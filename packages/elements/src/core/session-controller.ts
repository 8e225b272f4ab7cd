import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { portalContext, type PortalContext } from './context.ts';
import type { SessionHost } from './auth-owner.ts';
import type { Auth, Me, Session } from './auth.ts';
import type { PasserelleClient } from './client.ts';
import { ApiError, problemText } from './api-error.ts';
import { PasserelleErrorEvent } from './events.ts';
import type { OwnSession } from './own-session.ts';
import { resolveLocale } from '../i18n/locale.ts';

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
 * them, shows the email sign-in form. That own session's code (sign-in,
 * renewal, the typed client) is imported when the component finds no portal,
 * and the host's render waits for it: inside a portal it is never downloaded.
 *
 * ```ts
 * private session = new SessionController(this);
 * render() { return this.session.render(({ client, me }) => html`Hello ${me.person.displayName}`); }
 * ```
 */
export class SessionController implements ReactiveController {
  readonly #host: SessionHost;
  readonly #consumer: ContextConsumer<typeof portalContext, SessionHost>;
  #portal: PortalContext | null = null;
  #own: OwnSession | null = null;
  /** The own session's module on its way: the host's next render waits for it. */
  #starting: Promise<void> | null = null;
  /** That module could not be fetched (offline): said where the sign-in would be, tried again on the next connection. */
  #unavailable: ApiError | null = null;

  constructor(host: SessionHost) {
    this.#host = host;
    // Lit awaits a promise answered by `scheduleUpdate` before rendering (as LocaleController does for English).
    // Once the own session is here, the whole hook again: the controllers it brought (its LocaleControllers,
    // waiting for English) have wrapped it meanwhile, and this render must wait for them too.
    const lit = host as unknown as { scheduleUpdate(): void | Promise<unknown> };
    const schedule = lit.scheduleUpdate.bind(host);
    lit.scheduleUpdate = () => (this.#starting ? this.#starting.then(() => lit.scheduleUpdate()) : schedule());
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
    if (this.#portal || this.#own || this.#starting) return;
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
    if (!this.#portal && !this.#own && !this.#starting && !this.#unavailable && this.#host.api && this.#host.tenant) this.#standalone();
  }

  /** True when this component has its own session instead of the portal's. */
  get standalone(): boolean {
    return this.#own !== null;
  }

  /** The portal's context, or the same shape for the component's own session (null before `api`/`tenant`). */
  get context(): PortalContext | null {
    if (this.#portal) return this.#portal;
    const auth = this.#own?.owner.auth;
    if (!auth) return null;
    return { client: auth.client, session: auth.session, me: auth.me, locale: resolveLocale(this.#host), auth };
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
    if (this.#unavailable) return html`<p part="message" class="message" role="alert">${problemText(this.#unavailable, this.#host)}</p>`;
    return this.#own?.render() ?? nothing;
  }

  #standalone(): void {
    document.removeEventListener('context-provider', this.#onLateProvider);
    const host = this.#host;
    this.#starting = import('./own-session.ts').then(
      ({ OwnSession }) => {
        this.#own = new OwnSession(host, () => host.requestUpdate());
        this.#unavailable = null;
      },
      (err: unknown) => {
        this.#unavailable = ApiError.network(err);
        host.dispatchEvent(new PasserelleErrorEvent({ error: this.#unavailable, action: 'sign-in' }));
      },
    );
    void this.#starting.then(() => {
      this.#starting = null;
      host.requestUpdate();
    });
  }

  readonly #onLateProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== portalContext) return;
    // A portal upgraded after us: ask again (it answers only if it is our ancestor).
    this.#consumer.hostConnected();
    if (this.#portal) document.removeEventListener('context-provider', this.#onLateProvider);
  };
}
