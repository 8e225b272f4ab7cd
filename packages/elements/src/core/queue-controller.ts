import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Me } from './auth.ts';
import type { PasserelleClient } from './client.ts';
import type { SessionController } from './session-controller.ts';
import { ApiError } from './api-error.ts';
import { PasserelleErrorEvent, SavedEvent } from './events.ts';

const apiError = (error: unknown): ApiError => (error instanceof ApiError ? error : ApiError.network(error));

/** One page of a staff queue, as the API's list routes answer it. */
export interface QueuePage<T> {
  items: readonly T[];
  nextCursor: string | null;
}

/** What the live region announces, written when drawn: a change of language rewrites it. */
export type QueueStatus<T> = ((t: T) => string) | null;

/** The host: a Lit element with its session (`PasserelleElement` subclasses pass `this` and `this.session`). */
type QueueHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface QueueOptions<T> {
  /** The session the queue is loaded through. */
  session: SessionController;
  /** Whether the signed-in person works this queue (their `me.can[...]`); the queue is not loaded otherwise. */
  allowed: (me: Me) => boolean;
  /** Fetches one page (the first without a cursor), with the host's current filters. */
  page: (client: PasserelleClient, cursor: string | undefined) => Promise<QueuePage<T>>;
  /** The `action` of the `passerelle-error` event a failed load dispatches. */
  loadAction: string;
  /** The queue's heading (a selector in the host's shadow root), where focus returns after a decision. */
  heading: string;
}

/**
 * A staff work queue: the items the server says this person works (offers to
 * moderate, recruiter requests…), paged with "show more", loaded again when
 * someone else signs in, each decision taking its item out, announcing it in
 * the host's live region (worded when drawn, so a change of language rewords
 * it) and giving focus back to the queue's heading.
 *
 * The host draws `items` (null while loading), `nextCursor`, `status` and
 * `error` (a failure, worded with `problemText` when drawn); it asks for
 * `reload()` after changing its filters, `more()` for the next page and
 * `decide(...)` for a decision.
 *
 * ```ts
 * readonly #queue = new QueueController<Offer, typeof fr>(this, {
 *   session: this.session, allowed: (me) => me.can['offer.moderate'] !== false,
 *   page: (client, cursor) => client.json(client.rpc.offers.$get({ query: { queue: 'true', cursor } })),
 *   loadAction: 'load-queue', heading: '#queue-title',
 * });
 * ```
 */
export class QueueController<T extends { id: string }, Words> implements ReactiveController {
  readonly #host: QueueHost;
  readonly #options: QueueOptions<T>;
  /** The person the queue was loaded for (null: nobody allowed is signed in). */
  #loadedFor: string | null = null;

  /** The queue, null until its first page arrived. */
  items: T[] | null = null;
  nextCursor: string | null = null;
  /** The last decision, announced. */
  status: QueueStatus<Words> = null;
  /** The last failure (to load, or a decision the host reports with `failed`). */
  error: ApiError | null = null;
  /** A page is on its way. */
  loading = false;

  constructor(host: QueueHost, options: QueueOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const signedIn = this.#options.session.signedIn;
    const who = signedIn && this.#options.allowed(signedIn.me) ? signedIn.me.person.id : null;
    if (who === this.#loadedFor) return;
    this.#loadedFor = who;
    // Someone else's queue is not left on screen while this person's loads.
    if (this.items !== null || this.status !== null || this.error !== null) this.#host.requestUpdate();
    this.items = null;
    this.nextCursor = null;
    this.status = null;
    this.error = null;
    if (who) void this.reload();
  }

  /** The first page again (after a change of filters). */
  reload(): Promise<void> {
    return this.#load(undefined);
  }

  /** The next page, appended. */
  more = (): Promise<void> => (this.nextCursor ? this.#load(this.nextCursor) : Promise.resolve());

  async #load(cursor: string | undefined): Promise<void> {
    const client = this.#options.session.signedIn?.client;
    if (!client) return;
    this.loading = true;
    try {
      const data = await this.#options.page(client, cursor);
      this.items = cursor ? [...(this.items ?? []), ...data.items] : [...data.items];
      this.nextCursor = data.nextCursor;
      this.error = null;
    } catch (error) {
      this.error = apiError(error);
      // A failed first page shows an empty queue; a failed "show more" keeps what was shown.
      if (!cursor || !this.items) this.items = [];
      this.#host.dispatchEvent(new PasserelleErrorEvent({ error: this.error, action: this.#options.loadAction }));
    } finally {
      this.loading = false;
      this.#host.requestUpdate();
    }
  }

  /** An item of the queue by its id. */
  find(id: string): T | undefined {
    return this.items?.find((item) => item.id === id);
  }

  /**
   * A decision the server recorded on `item`: it leaves the queue, `status`
   * is announced, `passerelle-saved` says so (`detail: { kind, item: answer }`)
   * and focus returns to the heading once drawn.
   */
  async decided(item: T, status: QueueStatus<Words>, saved: { kind: string; answer: unknown }): Promise<void> {
    this.status = status;
    this.error = null;
    this.remove(item.id);
    this.#host.dispatchEvent(new SavedEvent({ kind: saved.kind, item: saved.answer }));
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(this.#options.heading)?.focus();
  }

  /** Takes an item out of the queue (decided, or decided by someone else meanwhile). */
  remove(id: string): void {
    this.items = (this.items ?? []).filter((i) => i.id !== id);
    this.#host.requestUpdate();
  }

  /**
   * A decision failed: said by `passerelle-error`; answers the `ApiError`.
   * With `show` (the default) it is kept as `error` and the announcement
   * cleared; without, the host shows it itself (in the decision's form).
   */
  failed(error: unknown, action: string, show = true): ApiError {
    const e = apiError(error);
    if (show) {
      this.error = e;
      this.status = null;
    }
    this.#host.dispatchEvent(new PasserelleErrorEvent({ error: e, action }));
    this.#host.requestUpdate();
    return e;
  }
}
