import type { InferResponseType } from 'hono/client';
import type { Me as MeAnswer, SessionGrant } from '@passerelle/schema';
import { ApiError } from './api-error.ts';
import type { PasserelleClient, Rpc } from './client.ts';
import { createClient } from './create-client.ts';
import { TabSession } from './tab-session.ts';

/**
 * `GET /v1/me`: the person, their tenant, memberships and what the policy lets them do.
 * The shared schema's answer, so that the published declarations (scripts/types.ts) do not
 * need the server's routes; the check below fails the type-check if the route answers otherwise.
 */
export type Me = MeAnswer;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type MeIsTheRoutesAnswer = Holds<Same<Me, InferResponseType<Rpc['me']['$get'], 200>>>;
export type Membership = Me['memberships'][number];

/**
 * A session, held in memory; an email-code session is also kept in the host
 * page's sessionStorage for the tab (see {@link TabSession}), never in
 * localStorage or a cookie.
 */
export interface Session extends SessionGrant {
  /** How the person signed in. */
  method: 'host' | 'email';
  /** When the session will be renewed (ms since epoch): a minute before `expiresAt`, or half-way for short sessions. */
  renewAt: number;
}

/** Why a session ended: the person signed out, it expired, or the API refused it. */
export type SignOutReason = 'user' | 'expired' | 'revoked';

/** Supplies a host-signed identity token (JWT) — typically fetched from the host site's own backend. */
export type IdentityTokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface AuthOptions {
  api: string;
  tenant: string;
  /** Asked for a fresh identity token at sign-in, before expiry and after a 401. */
  getIdentityToken?: IdentityTokenSource | undefined;
  /** Which sessions are kept for the tab (`email` or `none`, read at each use); without it, none. */
  storage?: (() => string | null | undefined) | undefined;
}

export type AuthState =
  | { status: 'signed-out'; reason?: SignOutReason }
  | { status: 'signing-in' }
  | { status: 'signed-in'; session: Session; me: Me };

type Listener = (state: AuthState, previous: AuthState) => void;

/** Renew this long before `expiresAt`. */
const RENEW_MARGIN_MS = 60_000;
/** setTimeout's largest delay. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Starts ICU while the page waits for the token exchange: the page's first
 * Intl formatter starts it, 30 to 65 ms of main thread in Chromium on a fast
 * machine (more on a phone), later ones 0.1 to 7 ms. Every element formats
 * something as its data arrives (amounts, dates, counts), so that time would
 * otherwise come between the data and the form. Here, in the sign-in's code,
 * it costs the pages nothing to download. In the browser's own locale: the
 * start-up is ICU's, a locale's data costs little more when first used.
 */
function startIcu(): void {
  new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(0);
}

/**
 * One person's session with the API: sign-in (identity token or email code),
 * renewal, sign-out, and the typed client that carries the bearer token.
 * `<passerelle-portal>` owns one and shares it; a component used alone makes
 * its own through {@link SessionController}.
 */
export class Auth {
  readonly client: PasserelleClient;
  readonly tenant: string;
  getIdentityToken: IdentityTokenSource | undefined;
  #state: AuthState = { status: 'signed-out' };
  #listeners = new Set<Listener>();
  #renewing: Promise<string | null> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The bearer token, set before `/me` is loaded so that the client can send it. */
  #token: string | null = null;
  readonly #tab: TabSession;
  /** Checking a kept session: a 401 then means "forget it", not "renew". */
  #restoring = false;

  constructor(options: AuthOptions) {
    this.tenant = options.tenant;
    this.getIdentityToken = options.getIdentityToken;
    this.client = createClient({
      api: options.api,
      token: () => this.#token,
      onUnauthorized: () => (this.#restoring ? Promise.resolve(null) : this.renew('revoked')),
    });
    this.#tab = new TabSession(this.client.api, this.tenant, options.storage ?? (() => 'none'));
  }

  get state(): AuthState {
    return this.#state;
  }
  get session(): Session | null {
    return this.#state.status === 'signed-in' ? this.#state.session : null;
  }
  get me(): Me | null {
    return this.#state.status === 'signed-in' ? this.#state.me : null;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Trades an identity token for a session. Without a token, asks
   * `getIdentityToken`; resolves false when neither gives one (then the
   * email form is the way in).
   */
  async signInWithIdentity(token?: string | null): Promise<boolean> {
    const jwt = token ?? (await this.#askHost());
    if (!jwt) return false;
    // A new identity (the host signed in someone else): the old session is closed too,
    // and so is one kept for the tab (the host's identity outranks an email code).
    const previous = this.session ?? this.#tab.read();
    this.#tab.clear();
    this.#set({ status: 'signing-in' });
    try {
      const exchange = this.client.json(this.client.rpc.auth.exchange.$post({ json: { token: jwt } }));
      setTimeout(startIcu);
      const grant = await exchange;
      await this.#open(session(grant, 'host'), grant.me);
      return true;
    } catch (err) {
      clearTimeout(this.#timer);
      this.#token = null;
      this.#set({ status: 'signed-out' });
      throw err;
    } finally {
      if (previous) void this.#revoke(previous.token);
    }
  }

  /** `POST /v1/auth/email`: sends a 6-digit code to the address. */
  async requestCode(email: string): Promise<void> {
    await this.client.rpc.auth.email.$post({ json: { tenant: this.tenant, email } });
  }

  /** `POST /v1/auth/verify`: trades the emailed code for a session. */
  async verifyCode(email: string, code: string): Promise<void> {
    const grant = await this.client.json(this.client.rpc.auth.verify.$post({ json: { tenant: this.tenant, email, code } }));
    await this.#open(session(grant, 'email'));
  }

  /**
   * Opens the session an email proved, from the API's answer to come: a link
   * from a message (`POST /v1/mail/links/sign-in`, portal/link.ts). 'signing-in'
   * meanwhile; signed out again, and the error thrown, when it is refused.
   */
  openEmail(grant: Promise<SessionGrant>): Promise<void> {
    this.#set({ status: 'signing-in' });
    return this.#open(grant.then((g) => session(g, 'email')));
  }

  /**
   * On a new page of the host site: the email-code session kept for this tab,
   * checked with `GET /v1/me` before anything signed-in is shown ('signing-in'
   * meanwhile). One past its renewal time (reason `expired`) or refused by the
   * API (`revoked`) is forgotten and the state stays signed out. Resolves true
   * when signed in; throws {@link ApiError} when the API could not answer
   * (the kept session is left for the next page).
   */
  async restore(): Promise<boolean> {
    const kept = this.#state.status === 'signed-out' ? this.#tab.read() : null;
    if (!kept) return false;
    let reason: SignOutReason = 'expired';
    if (Date.now() < kept.renewAt) {
      this.#restoring = true;
      this.#set({ status: 'signing-in' });
      try {
        await this.#open(kept);
        return true;
      } catch (err) {
        // 0: unreachable; 5xx: the API failed. Neither says the session is over.
        const status = (err as ApiError).status;
        if (!status || status >= 500) throw err;
        reason = 'revoked';
      } finally {
        this.#restoring = false;
      }
    }
    this.#tab.clear();
    this.#set({ status: 'signed-out', reason });
    return false;
  }

  /** Reloads `GET /v1/me` (after a change of roles, for instance). */
  async refresh(): Promise<Me | null> {
    const state = this.#state;
    if (state.status !== 'signed-in') return null;
    const me = await this.client.json(this.client.rpc.me.$get());
    const now = this.#state;
    if (now.status === 'signed-in') this.#set({ ...now, me });
    return me;
  }

  /** Revokes the session on the server (best effort) and forgets it. */
  async signOut(reason: SignOutReason = 'user'): Promise<void> {
    const session = this.session;
    this.#end(reason);
    if (session && reason === 'user') await this.#revoke(session.token);
  }

  /**
   * Signs out everywhere: `POST /v1/auth/sessions/end-all` ends every session
   * of the person (other browsers and devices too), then this one is
   * forgotten. Throws {@link ApiError} when the server could not be reached
   * or refused: the other sessions may still be open, and this one stays.
   */
  async signOutEverywhere(): Promise<void> {
    if (!this.session) return;
    try {
      await this.client.rpc.auth.sessions['end-all'].$post();
    } catch (err) {
      // 401: this session had already ended; the others are the server's to have ended.
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
    this.#end('user');
  }

  /** `POST /v1/auth/logout` with that token, bypassing the client (no renewal on a 401 here). */
  async #revoke(token: string): Promise<void> {
    try {
      await fetch(`${this.client.api}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, credentials: 'omit' });
    } catch {
      // Already forgotten locally; the server session expires on its own.
    }
  }

  /**
   * Gets a new session from the host (identity token). Concurrent callers
   * share one attempt. Resolves to the new bearer token, or null (signed out).
   */
  renew(reason: SignOutReason = 'expired'): Promise<string | null> {
    this.#renewing ??= (async () => {
      try {
        const jwt = await this.#askHost();
        if (!jwt) {
          this.#end(reason);
          return null;
        }
        const grant = await this.client.json(this.client.rpc.auth.exchange.$post({ json: { token: jwt } }));
        const current = this.#state;
        const fresh = session(grant, 'host');
        if (current.status === 'signed-in') {
          this.#token = fresh.token;
          this.#tab.keep(fresh);
          this.#set({ ...current, session: fresh });
          this.#schedule(fresh);
        } else {
          await this.#open(fresh, grant.me);
        }
        return fresh.token;
      } catch {
        this.#end(reason);
        return null;
      } finally {
        this.#renewing = null;
      }
    })();
    return this.#renewing;
  }

  /**
   * Renews now if the session is (nearly) expired. Timers do not run while
   * a laptop sleeps or a tab is in the background, so this runs again when
   * the page becomes visible.
   */
  checkExpiry(now = Date.now()): void {
    const current = this.session;
    if (current && now >= current.renewAt) void this.renew('expired');
  }

  /** Stops the renewal timer while the owner element is out of the document. */
  suspend(): void {
    clearTimeout(this.#timer);
  }

  /** Restarts the renewal timer (renewing now if it is due). */
  resume(): void {
    const current = this.session;
    if (current) this.#schedule(current);
  }

  /** Stops the renewal timer and forgets listeners (the owner is done with it). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#listeners.clear();
  }

  async #askHost(): Promise<string | null> {
    if (!this.getIdentityToken) return null;
    try {
      return (await this.getIdentityToken()) || null;
    } catch (err) {
      // The host's own backend failed: not ours to report as an API error. Without
      // a token the person can still sign in by email.
      console.warn('[passerelle] getIdentityToken() failed:', err);
      return null;
    }
  }

  /**
   * Signs in with a session (or the answer that gives one) once who it is is
   * known: `known` when the answer that opened it said so (the exchange
   * does), else `GET /v1/me` first; signed out again when either fails.
   */
  async #open(pending: Session | Promise<Session>, known?: MeAnswer): Promise<void> {
    try {
      const opened = await pending;
      this.#token = opened.token;
      // An API older than the exchange's `me` answers without it: asked then, as before.
      const me = known ?? (await this.client.json(this.client.rpc.me.$get()));
      this.#tab.keep(opened);
      this.#set({ status: 'signed-in', session: opened, me });
      this.#schedule(opened);
    } catch (err) {
      this.#token = null;
      this.#set({ status: 'signed-out' });
      throw err instanceof ApiError ? err : ApiError.network(err);
    }
  }

  #schedule(current: Session): void {
    clearTimeout(this.#timer);
    const delay = Math.min(Math.max(current.renewAt - Date.now(), 0), MAX_DELAY_MS);
    this.#timer = setTimeout(() => void this.renew('expired'), delay);
  }

  #end(reason: SignOutReason): void {
    clearTimeout(this.#timer);
    this.#token = null;
    this.#tab.clear();
    if (this.#state.status !== 'signed-out') this.#set({ status: 'signed-out', reason });
  }

  #set(state: AuthState): void {
    const previous = this.#state;
    this.#state = state;
    for (const listener of this.#listeners) listener(state, previous);
  }
}

function session(grant: SessionGrant, method: Session['method']): Session {
  const now = Date.now();
  const expires = Date.parse(grant.expiresAt);
  const lifetime = Math.max(0, expires - now);
  // Never sooner than half-way, so a short-lived session cannot renew in a loop.
  const renewAt = now + Math.max(lifetime - RENEW_MARGIN_MS, lifetime / 2);
  return { token: grant.token, expiresAt: grant.expiresAt, method, renewAt };
}
