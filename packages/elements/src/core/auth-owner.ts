import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from './api-error.ts';
import { Auth, type AuthState, type IdentityTokenSource } from './auth.ts';
import { PasserelleErrorEvent } from './events.ts';
import { SignedInEvent, SignedOutEvent } from './session-events.ts';

/** The properties an element that can open its own session declares. */
export interface SessionConfig {
  /** Base URL of the API (without `/v1`). */
  api?: string | undefined;
  /** The institution's slug. */
  tenant?: string | undefined;
  /** A host-signed identity token (JWT), traded once for a session. */
  identityToken?: string | undefined;
  /** Called for a fresh identity token at sign-in, before expiry and after a 401. */
  getIdentityToken?: IdentityTokenSource | undefined;
  /** `none` keeps an email-code session in memory only; read from the `session-storage` attribute when not declared. */
  sessionStorageMode?: string | undefined;
}

export type SessionHost = ReactiveControllerHost & HTMLElement & SessionConfig;

/**
 * Owns an {@link Auth} for an element that has `api` and `tenant`: creates it,
 * trades `identityToken` / `getIdentityToken()` for a session (else takes up
 * the email-code session kept for the tab), renews when the page comes back
 * to the foreground, and dispatches `passerelle-signed-in`,
 * `passerelle-signed-out` and `passerelle-error` from the element.
 * Used by `<passerelle-portal>` and by components used alone.
 */
export class AuthOwner implements ReactiveController {
  readonly #host: SessionHost;
  readonly #onChange: () => void;
  #auth: Auth | null = null;
  #key = '';
  #usedToken: string | undefined;
  #triedHost = false;
  #triedTab = false;
  #unsubscribe: (() => void) | null = null;
  /** The last identity-token refusal, shown above the email form. */
  error: ApiError | null = null;

  constructor(host: SessionHost, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  get auth(): Auth | null {
    return this.#auth;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#auth?.resume();
    this.sync();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    // A removed element must not keep renewing (and calling the host) in the background.
    this.#auth?.suspend();
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Applies `api`, `tenant`, `identityToken` and `getIdentityToken` from the host. */
  sync(): void {
    const { api, tenant } = this.#host;
    const key = api && tenant ? `${api}\n${tenant}` : '';
    if (key !== this.#key) {
      this.#key = key;
      this.#unsubscribe?.();
      this.#auth?.dispose();
      const host = this.#host;
      const storage = () => host.sessionStorageMode ?? host.getAttribute('session-storage');
      this.#auth = key ? new Auth({ api: api!, tenant: tenant!, getIdentityToken: host.getIdentityToken, storage }) : null;
      this.#unsubscribe = this.#auth ? this.#auth.subscribe(this.#onState) : null;
      this.#usedToken = undefined;
      this.#triedHost = this.#triedTab = false;
      this.#onChange();
    }
    const auth = this.#auth;
    if (!auth) return;
    auth.getIdentityToken = this.#host.getIdentityToken;
    const token = this.#host.identityToken;
    if (token && token !== this.#usedToken) {
      // An identity token is single-use (the server remembers its jti): trade each one once.
      this.#usedToken = token;
      this.#signIn(token);
    } else if (!token && auth.getIdentityToken && !this.#triedHost && (auth.state.status === 'signed-out' || auth.session?.method === 'email')) {
      // The host is asked first, and also when it gives `getIdentityToken` only after a
      // kept email-code session came back: the host's identity outranks an email code.
      this.#triedHost = true;
      this.#signIn(null);
    } else if (!token && !auth.getIdentityToken) {
      this.#restore();
    }
  }

  #signIn(token: string | null): void {
    this.#auth!.signInWithIdentity(token).then((signedIn) => {
      this.error = null;
      // No identity from the host: the email-code session kept for this tab, if any.
      if (!signedIn) this.#restore();
    }, this.#failed);
  }

  /** Once per api and tenant: takes up the session kept for the tab, checked with the API first. */
  #restore(): void {
    const auth = this.#auth!;
    if (this.#triedTab || auth.state.status !== 'signed-out') return;
    this.#triedTab = true;
    auth.restore().catch(this.#failed);
  }

  readonly #failed = (err: unknown): void => {
    this.error = err instanceof ApiError ? err : ApiError.network(err);
    this.#host.dispatchEvent(new PasserelleErrorEvent({ error: this.error, action: 'sign-in' }));
    this.#onChange();
  };

  readonly #onState = (state: AuthState, previous: AuthState): void => {
    // The control that had focus (the code field, the sign-out button) is about to be
    // replaced: keep keyboard and screen-reader users in the element, not on <body>.
    const hadFocus = !!this.#host.shadowRoot?.activeElement;
    if (state.status === 'signed-in' && previous.status !== 'signed-in') {
      this.error = null;
      this.#host.dispatchEvent(new SignedInEvent({ me: state.me, method: state.session.method }));
      if (hadFocus) void this.#focus('[data-autofocus-signed-in], h1, h2, h3');
    } else if (state.status === 'signed-out' && previous.status === 'signed-in') {
      this.#host.dispatchEvent(new SignedOutEvent({ reason: state.reason ?? 'user' }));
      if (hadFocus) void this.#focus('input');
    }
    this.#onChange();
  };

  /** After the next render, focuses the first match in the shadow root (made focusable if it is not). */
  async #focus(selector: string): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const target = this.#host.shadowRoot?.querySelector<HTMLElement>(selector);
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }

  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.#auth?.checkExpiry();
  };
}
