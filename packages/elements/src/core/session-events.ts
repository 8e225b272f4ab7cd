import type { Me, SignOutReason } from './auth.ts';
import { init } from './events.ts';

// Apart from events.ts: only what opens a session (the portal, a component's own
// session) fires these, so the components' shared code does not carry them.

/** The person is signed in (identity token or email code). */
export class SignedInEvent extends CustomEvent<{ me: Me; method: 'host' | 'email' }> {
  constructor(detail: { me: Me; method: 'host' | 'email' }) {
    super('passerelle-signed-in', { ...init, detail });
  }
}

/** The session ended: signed out by the person, expired, or refused by the API. */
export class SignedOutEvent extends CustomEvent<{ reason: SignOutReason }> {
  constructor(detail: { reason: SignOutReason }) {
    super('passerelle-signed-out', { ...init, detail });
  }
}
