import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Pledge, PledgeParameters } from '@passerelle/schema';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import type { PasserelleClient } from '../core/client.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';
import { frHistory } from './translations.history.ts';

/** Pledges a page shows at first, and per "Show more". */
const PAGE = 10;
/** Read when a page also held pledges that are not the reader's (a beneficiary's staff see those too): fewer requests to find theirs. */
const WIDE_PAGE = 100;

/**
 * "My gifts and pledges": the reader's own gifts and pledges, and those of
 * the companies they represent, newest first, from `GET /v1/pledges`. A
 * module of its own, with its words, that `<passerelle-pledge>` imports when
 * it connects, while the session opens: the file a page loads first holds the
 * pledge forms without it.
 *
 * That list answers everything the reader may see; for a beneficiary's staff
 * it also holds other people's pledges to their entities, which are not
 * theirs: only a pledge the reader made (`mine`) or one of a company they
 * represent is kept. The API has no filter for that (yet), so a page that
 * kept nothing is followed by the next one, read wider.
 */
export class PledgeHistory implements ReactiveController {
  items: Pledge[] | null = null;
  nextCursor: string | null = null;
  loading = false;
  /** A failure to read the list, worded when drawn (a change of language rewords it). */
  error: ApiError | null = null;

  readonly #host: ReactiveElement;
  /** This section's words; the element's own (given to `render`) for statuses, amounts and dates. */
  readonly #words: LocaleController<typeof frHistory>;
  #client: PasserelleClient | null = null;
  #companyIds: readonly string[] = [];
  /** Only the latest request may change the list: an older answer arriving late is dropped. */
  #ticket = 0;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
    this.#words = new LocaleController(host, { fr: frHistory, en: () => import('./translations.en.ts').then((m) => m.enHistory) });
  }

  hostConnected(): void {}

  /** Reads the first page again for this reader (after signing in, after a new pledge). */
  load(client: PasserelleClient, companyIds: readonly string[]): void {
    if (client !== this.#client) this.items = null;
    this.#client = client;
    this.#companyIds = companyIds;
    void this.#fetch();
  }

  /** Forgets the list (signed out). */
  clear(): void {
    this.#ticket++;
    this.#client = null;
    this.items = null;
    this.nextCursor = null;
    this.loading = false;
    this.error = null;
  }

  #own = (p: Pledge): boolean => p.mine || (p.company !== undefined && this.#companyIds.includes(p.company.id));

  async #fetch(after?: string): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const ticket = ++this.#ticket;
    this.loading = true;
    this.error = null;
    this.#host.requestUpdate();
    try {
      const added: Pledge[] = [];
      let cursor = after;
      let limit = PAGE;
      for (;;) {
        const page = await client.json(client.rpc.pledges.$get({ query: { sort: '-createdAt', limit: String(limit), ...(cursor ? { cursor } : {}) } }));
        if (ticket !== this.#ticket) return;
        const own = page.items.filter(this.#own);
        added.push(...own);
        cursor = page.nextCursor ?? undefined;
        if (own.length < page.items.length) limit = WIDE_PAGE;
        if (added.length > 0 || !cursor) break;
      }
      this.items = after ? [...(this.items ?? []), ...added] : added;
      this.nextCursor = cursor ?? null;
      this.loading = false;
      this.#host.requestUpdate();
      if (after && added[0]) {
        await this.#host.updateComplete;
        this.#host.renderRoot.querySelector<HTMLElement>(`#pledge-${added[0].id}`)?.focus();
      }
    } catch (error) {
      if (ticket !== this.#ticket) return;
      this.error = error instanceof ApiError ? error : ApiError.network(error);
      this.loading = false;
      this.#host.requestUpdate();
      this.#host.dispatchEvent(new PasserelleErrorEvent({ error: this.error, action: 'load-pledges' }));
      // "Show more" is gone with the failure: the button that tries again takes the focus it had.
      if (after) {
        await this.#host.updateComplete;
        this.#host.renderRoot.querySelector<HTMLElement>('[data-retry]')?.focus();
      }
    }
  }

  #more = (): void => {
    if (!this.loading) void this.#fetch(this.nextCursor ?? undefined);
  };

  /** After a failure: the page that failed again (the first, or the next one). */
  #retry = (): void => void this.#fetch(this.items && this.items.length > 0 ? (this.nextCursor ?? undefined) : undefined);

  #status(t: typeof frHistory): string {
    if (this.loading) return t.loading;
    if (this.error) return problemText(this.error, this.#host);
    if (this.items === null) return '';
    return this.items.length === 0 ? t.none : t.count(this.items.length, this.nextCursor !== null);
  }

  /** The section: its heading, a polite status line (loading, count, empty, failure), the list and "Show more". */
  render(l10n: LocaleController<typeof fr>, params: PledgeParameters): TemplateResult {
    const t = this.#words.t;
    const items = this.items ?? [];
    return html`<section part="history" class="history" aria-labelledby="history-title">
      <h2 id="history-title" tabindex="-1">${t.title}</h2>
      <p part="status" class="status" role="status" aria-live="polite">${this.#status(t)}</p>
      ${this.error ? html`<button part="button" type="button" data-retry @click=${this.#retry}>${t.retry}</button>` : nothing}
      ${items.length
        ? html`<ul class="pledges" aria-label=${t.list} aria-busy=${this.loading ? 'true' : 'false'}>
            ${items.map((p) => this.#item(p, l10n, params))}
          </ul>`
        : nothing}
      ${this.nextCursor && !this.error ? html`<button part="button" type="button" data-more @click=${this.#more}>${t.more}</button>` : nothing}
    </section>`;
  }

  #item(p: Pledge, l10n: LocaleController<typeof fr>, params: PledgeParameters): TemplateResult {
    const all = l10n.t;
    const t = this.#words.t;
    const money = (cents: number) => l10n.money(cents);
    const fund = p.designation?.fund ? params.funds.find((f) => f.code === p.designation?.fund)?.label[l10n.locale] : undefined;
    const tax = p.kind === 'apprenticeship_tax';
    return html`<li part="history-item" class="pledge" data-reference=${p.id}>
      <h3 id=${`pledge-${p.id}`} tabindex="-1">${t.kinds[p.kind]} · ${p.beneficiary.name}${fund ? ` · ${fund}` : ''}</h3>
      <dl>
        <dt>${all.status}</dt><dd data-status=${p.status}>${all.statuses[p.status]}</dd>
        ${p.company ? html`<dt>${all.company}</dt><dd>${p.company.name}</dd>` : nothing}
        ${p.amountCents !== undefined ? html`<dt>${t.amount}</dt><dd>${money(p.amountCents)}${p.frequency && p.frequency !== 'once' ? ` (${all[p.frequency]})` : ''}</dd>` : nothing}
        ${p.estimatedAmountCents !== undefined ? html`<dt>${t.estimated}</dt><dd>${money(p.estimatedAmountCents)}</dd>` : nothing}
        ${p.sharePercent !== undefined ? html`<dt>${t.share}</dt><dd>${l10n.number(p.sharePercent / 100, { style: 'percent', maximumFractionDigits: 2 })}</dd>` : nothing}
        ${p.receivedAmountCents !== undefined ? html`<dt>${t.received}</dt><dd>${money(p.receivedAmountCents)}</dd>` : nothing}
        ${p.campaignYear !== undefined ? html`<dt>${t.campaign}</dt><dd>${p.campaignYear}</dd>` : nothing}
        <dt>${t.pledgedOn}</dt><dd>${l10n.date(p.createdAt)}</dd>
        ${p.receivedOn ? html`<dt>${t.receivedOn}</dt><dd>${l10n.date(p.receivedOn, { dateStyle: 'long', timeZone: 'UTC' })}</dd>` : nothing}
        <dt>${all.reference}</dt><dd><code>${p.id}</code></dd>
      </dl>
      ${p.mine ? nothing : html`<p class="hint">${t.byOther}</p>`}
      ${tax ? html`<p class="hint" data-no-receipt>${t.noTaxReceipt}</p>` : nothing}
      ${p.receipt ? html`<button part="button" type="button" data-receipt @click=${() => import('./receipt.ts').then((m) => m.downloadReceipt(this.#client!, this.#host, p.receipt!))}>${t.receipt(p.receipt.number)}</button>` : nothing}
    </li>`;
  }
}
