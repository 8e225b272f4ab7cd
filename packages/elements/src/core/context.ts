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

/** A Symbol key, so no other library on the page can collide with it. */
export const portalContext = createContext<PortalContext>(Symbol('passerelle-portal'));
