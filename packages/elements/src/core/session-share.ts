import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { portalContext, type PortalContext } from './context.ts';
import type { SessionController } from './session-controller.ts';

type ContextRequest = Event & { context?: unknown; callback?: (value: PortalContext, unsubscribe?: () => void) => void; subscribe?: boolean };
type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * A component used alone (its own session, no portal) that opens another
 * Passerelle element inside itself (the staff desk and the profile editor)
 * answers that element's request for a session with its own, as a portal
 * would, and tells it when the session changes. Inside a portal it answers
 * nothing: the portal does.
 */
export class SessionShare implements ReactiveController {
  readonly #host: Host;
  readonly #session: SessionController;
  readonly #subscribers = new Set<(value: PortalContext) => void>();
  #last: PortalContext | null = null;

  constructor(host: Host, session: SessionController) {
    this.#host = host;
    this.#session = session;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.renderRoot.addEventListener('context-request', this.#onRequest);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('context-request', this.#onRequest);
  }

  hostUpdated(): void {
    const context = this.#session.context;
    if (context === this.#last) return;
    this.#last = context;
    if (context && this.#session.standalone) for (const callback of this.#subscribers) callback(context);
  }

  readonly #onRequest = (event: Event): void => {
    const request = event as ContextRequest;
    const context = this.#session.context;
    if (request.context !== portalContext || !this.#session.standalone || !context || !request.callback) return;
    event.stopPropagation();
    const callback = request.callback;
    if (request.subscribe) this.#subscribers.add(callback);
    callback(context, () => this.#subscribers.delete(callback));
  };
}
