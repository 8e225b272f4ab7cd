import type { Session } from './auth.ts';

/**
 * Which sessions are kept in the host page's `sessionStorage` so that they
 * survive navigation within the tab: `email` (the default: email-code
 * sessions only) or `none` (memory only). Any other value means `email`.
 */
export type SessionStorageMode = 'email' | 'none';

/** The one `sessionStorage` key Passerelle writes (on the host page's origin). */
export const TAB_SESSION_KEY = 'passerelle.session';

/** What is written: the session and the portal configuration it belongs to. */
interface Kept extends Session {
  api: string;
  tenant: string;
}

/**
 * The email-code session kept for this tab of the host site. Host-token
 * sessions are never kept (the host gives a new identity token on each
 * page). A record for another `api` or `tenant`, or unreadable, is removed
 * instead of being used. Without storage (a sandboxed frame, privacy
 * settings) the session simply stays in memory.
 */
export class TabSession {
  readonly #api: string;
  readonly #tenant: string;
  readonly #mode: () => string | null | undefined;

  constructor(api: string, tenant: string, mode: () => string | null | undefined) {
    this.#api = api;
    this.#tenant = tenant;
    this.#mode = mode;
  }

  /** The kept session for this api and tenant, or null (expiry is the caller's to check). */
  read(): Session | null {
    if (this.#mode() === 'none') return null;
    try {
      const kept = JSON.parse(sessionStorage.getItem(TAB_SESSION_KEY) ?? 'null') as Kept | null;
      if (!kept) return null;
      // Written by keep() below; a record of another api or tenant (or version) is not ours to use.
      if (kept.api === this.#api && kept.tenant === this.#tenant && kept.method === 'email' && typeof kept.token === 'string') return kept;
    } catch {
      // Unreadable: removed below.
    }
    this.clear();
    return null;
  }

  /** Keeps an email-code session (unless `none`); any other session removes what was kept. */
  keep(session: Session): void {
    if (session.method !== 'email' || this.#mode() === 'none') return this.clear();
    const kept: Kept = { ...session, api: this.#api, tenant: this.#tenant };
    try {
      sessionStorage.setItem(TAB_SESSION_KEY, JSON.stringify(kept));
    } catch {
      // No storage here (or full): the session stays in memory for this page.
    }
  }

  /** Removes the kept session: sign-out, expiry, a refusal by the API, another person. */
  clear(): void {
    try {
      sessionStorage.removeItem(TAB_SESSION_KEY);
    } catch {
      // No storage: nothing was kept.
    }
  }
}
