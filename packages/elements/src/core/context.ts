import { createContext } from '@lit/context';
import type { Auth, Me, Session } from './auth.ts';
import type { PasserelleClient } from './client.ts';
import type { Locale } from '../i18n/locale.ts';

/** What `<passerelle-portal>` shares with the components inside it. A new object on every change. */
export interface PortalContext {
  /** Typed API client carrying the session's bearer token. */
  client: PasserelleClient;
  /** The current session, or null when signed out. */
  session: Session | null;
  /** `GET /v1/me`, or null when signed out. */
  me: Me | null;
  /** The portal's locale. Components still follow their own `lang` first. */
  locale: Locale;
  /** Sign-in, renewal and sign-out. */
  auth: Auth;
}

/**
 * A registered Symbol key: no other library on the page collides with it, and
 * two copies of Passerelle's code on one page (two folders, two versions, a
 * bundle of the host's own) still find each other's portal, where a plain
 * `Symbol()` per copy left a component from one inside a portal from the
 * other with an empty shadow root.
 */
export const portalContext = createContext<PortalContext>(Symbol.for('passerelle.portal-context'));
