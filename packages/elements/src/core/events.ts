import type { ApiError } from './api-error.ts';
import type { Me, SignOutReason } from './auth.ts';

const init = { bubbles: true, composed: true } as const;

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

/** Something was saved. `kind` names the resource (`profile`, `offer`…); `item` is the server's answer. */
export class SavedEvent<T = unknown> extends CustomEvent<{ kind: string; item: T }> {
  constructor(detail: { kind: string; item: T }) {
    super('passerelle-saved', { ...init, detail });
  }
}

/** The API refused or failed; `action` says what was being attempted. */
export class PasserelleErrorEvent extends CustomEvent<{ error: ApiError; action: string }> {
  constructor(detail: { error: ApiError; action: string }) {
    super('passerelle-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passerelle-signed-in': SignedInEvent;
    'passerelle-signed-out': SignedOutEvent;
    'passerelle-saved': SavedEvent;
    'passerelle-error': PasserelleErrorEvent;
  }
}
