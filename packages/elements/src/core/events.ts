import type { ApiError } from './api-error.ts';
import type { SignedInEvent, SignedOutEvent } from './session-events.ts';

/** Every Passerelle event bubbles out of the shadow roots to the host page. */
export const init = { bubbles: true, composed: true } as const;

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
