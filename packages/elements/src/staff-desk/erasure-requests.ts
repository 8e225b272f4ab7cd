import { html, nothing, type TemplateResult } from 'lit';
import type { StaffErasureRequest } from '@passerelle/schema';
import { problemText } from '../core/api-error.ts';
import { QueueController } from '../core/queue-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { DeskContext, DeskPanel } from './desk-context.ts';
import { enErasure, frErasure } from './erasure.words.ts';

type Words = typeof frErasure;
const DAY_MS = 86_400_000;

/** Whole days from today (UTC, the server's calendar) to `date` (YYYY-MM-DD): negative once past. */
const daysUntil = (date: string): number => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) / DAY_MS);

/** The desk's "Erasure requests" tab: fetched with its words when the tab is first opened. */
export const erasurePanel = (c: DeskContext): DeskPanel => new ErasureRequests(c);

/**
 * Erasure requests (issue 18 item 4): the pending requests of the people of
 * the caller's schools, the nearest due date first, each with its due date
 * (one month after the request) and how far it is, or how late
 * (`GET /v1/erasure-requests?status=pending`); processing one after a
 * confirmation (`POST /v1/erasure-requests/:id/process`), announced, focus
 * back on the heading; then the processed ones, latest first.
 */
class ErasureRequests implements DeskPanel {
  readonly #c: DeskContext;
  readonly #words: LocaleController<Words>;
  readonly #pending: QueueController<StaffErasureRequest, Words>;
  readonly #done: QueueController<StaffErasureRequest, Words>;
  /** The request whose confirmation is open, and the one being processed. */
  #confirming = '';
  #processing = '';

  constructor(c: DeskContext) {
    this.#c = c;
    this.#words = new LocaleController(c.host, { fr: frErasure, en: enErasure });
    const queue = (status: 'pending' | 'processed', heading: string) =>
      new QueueController<StaffErasureRequest, Words>(c.host, {
        session: c.session,
        allowed: (me) => me.can['audit.read'] === true,
        page: (client, cursor) => client.json(client.rpc['erasure-requests'].$get({ query: { status, limit: '20', cursor } })),
        loadAction: 'load-erasure-requests',
        heading,
      });
    this.#pending = queue('pending', '#erasure-title');
    this.#done = queue('processed', '#erasure-done-title');
    c.host.requestUpdate();
  }

  reset(): void {
    // The queues load again for whoever signed in; only what is open here is this panel's.
    this.#confirming = '';
    this.#processing = '';
  }

  #name(item: StaffErasureRequest): string {
    return item.person.displayName ?? this.#words.t.erased;
  }

  #open = (item: StaffErasureRequest) => async (): Promise<void> => {
    this.#confirming = this.#confirming === item.id ? '' : item.id;
    this.#c.host.requestUpdate();
    if (this.#confirming) await this.#c.focus(`#confirm-${item.id} [data-confirm]`);
  };

  #process = (item: StaffErasureRequest) => async (): Promise<void> => {
    const client = this.#c.signedIn()?.client;
    if (!client || this.#processing) return;
    this.#processing = item.id;
    this.#c.host.requestUpdate();
    const name = this.#name(item);
    try {
      const answer = await client.json(client.rpc['erasure-requests'][':id'].process.$post({ param: { id: item.id } }));
      this.#confirming = '';
      await this.#pending.decided(item, (t) => t.processed(name), { kind: 'erasure-request', answer });
      void this.#done.reload();
    } catch (error) {
      const problem = this.#pending.failed(error, 'process-erasure');
      // Processed by someone else meanwhile: it no longer belongs here.
      if (problem.status === 409 || problem.status === 404) this.#pending.remove(item.id);
    } finally {
      this.#processing = '';
      this.#c.host.requestUpdate();
    }
  };

  render(): TemplateResult {
    const t = this.#words.t;
    const q = this.#pending;
    const late = (q.items ?? []).filter((r) => daysUntil(r.dueOn) < 0).length;
    return html`<section aria-labelledby="erasure-title">
        <h3 id="erasure-title" tabindex="-1">${t.pendingTitle}</h3>
        <p>${t.pendingIntro}</p>
        <div role="status" aria-live="polite">${q.status?.(t) ?? ''}</div>
        <div role="alert">${q.error ? html`<p class="error">${problemText(q.error, this.#c.host)}</p>` : nothing}</div>
        ${q.items === null
          ? html`<p>${this.#c.l10n.t.loading}</p>`
          : q.items.length === 0
            ? html`<p data-erasure-empty>${t.empty}</p>`
            : html`<p data-erasure-count>${t.count(q.items.length, late)}</p>
                <ul part="erasure-requests" class="queue">
                  ${q.items.map((item) => this.#request(t, item))}
                </ul>
                ${q.nextCursor ? html`<button part="button" type="button" @click=${q.more}>${t.more}</button>` : nothing}`}
      </section>
      ${this.#processed(t)}`;
  }

  #request(t: Words, item: StaffErasureRequest): TemplateResult {
    const l10n = this.#c.l10n;
    const name = this.#name(item);
    const days = daysUntil(item.dueOn);
    const due = this.#c.day(item.dueOn);
    const open = this.#confirming === item.id;
    return html`<li part="erasure-request" data-request=${item.id}>
      <h4>${name}</h4>
      <p class="meta">${t.requestedOn(l10n.date(item.requestedAt))}</p>
      <p data-due class=${days < 0 ? 'overdue' : ''}>${days < 0 ? t.overdue(due, -days) : days === 0 ? t.dueToday(due) : t.dueIn(due, days)}</p>
      ${item.note ? html`<figure><figcaption>${t.note}</figcaption><blockquote>${item.note}</blockquote></figure>` : nothing}
      <button part="button" type="button" data-process aria-expanded=${open ? 'true' : 'false'} aria-controls=${`confirm-${item.id}`} aria-label=${t.processLabel(name)}
        @click=${this.#open(item)}>${t.process}</button>
      <div id=${`confirm-${item.id}`} role="group" aria-labelledby=${`confirm-title-${item.id}`} ?hidden=${!open}>
        ${open
          ? html`<p id=${`confirm-title-${item.id}`}><strong>${t.confirmTitle}</strong></p>
              <p>${t.confirmBody}</p>
              <div class="actions">
                <button part="button" class="primary" type="button" data-confirm aria-disabled=${this.#processing === item.id ? 'true' : 'false'} @click=${this.#process(item)}>${t.confirm(name)}</button>
                <button part="button" type="button" @click=${this.#open(item)}>${t.cancel}</button>
              </div>`
          : nothing}
      </div>
    </li>`;
  }

  #processed(t: Words): TemplateResult {
    const q = this.#done;
    const l10n = this.#c.l10n;
    return html`<section aria-labelledby="erasure-done-title">
      <h3 id="erasure-done-title" tabindex="-1">${t.doneTitle}</h3>
      <p>${t.doneIntro}</p>
      ${q.items === null
        ? html`<p>${this.#c.l10n.t.loading}</p>`
        : q.items.length === 0
          ? html`<p data-done-empty>${t.doneEmpty}</p>`
          : html`<ul part="erasure-done" class="queue">
                ${q.items.map(
                  (item) => html`<li data-processed=${item.id}>
                    <h4>${this.#name(item)}</h4>
                    <p class="meta">${t.requestedOn(l10n.date(item.requestedAt))}</p>
                    <p>${item.processedAt ? t.processedOn(l10n.date(item.processedAt), item.processedAt.slice(0, 10) <= item.dueOn) : ''}</p>
                  </li>`,
                )}
              </ul>
              ${q.nextCursor ? html`<button part="button" type="button" @click=${q.more}>${t.more}</button>` : nothing}`}
    </section>`;
  }
}
