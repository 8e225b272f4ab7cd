import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { Page } from '@passerelle/schema';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { focusFirstAdded, withPage } from '../core/paging.ts';

/** The words of a list's status line. */
export interface ListWords {
  none: string;
  count: (n: number, more: boolean) => string;
}

/**
 * One list of the company space (offers, pledges, representatives, one's
 * requests): its pages, read one after the other with the API's cursor, and
 * its state as drawn: a polite status line (loading, count, empty, failure),
 * "Show more" that moves focus to the first item it added, and "Try again".
 */
export class PagedList<T> {
  items: T[] | null = null;
  nextCursor: string | null = null;
  loading = false;
  /** A failure to read the list, worded when drawn (a change of language rewords it). */
  error: ApiError | null = null;
  /** Only the latest request may change the list: an older answer arriving late is dropped. */
  #ticket = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: {
      page: (cursor: string | undefined) => Promise<Page<T>>;
      /** The `passerelle-error` action of a failure. */
      action: string;
      /** The id of an item's heading is `<prefix><id>`. */
      prefix: string;
      id: (item: T) => string;
    },
  ) {}

  /** Reads the first page again (or the next one after `cursor`). */
  async load(cursor?: string): Promise<void> {
    const ticket = ++this.#ticket;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await this.options.page(cursor);
      if (ticket !== this.#ticket) return;
      this.items = withPage(this.items, cursor, page.items);
      this.nextCursor = page.nextCursor;
      this.loading = false;
      this.host.requestUpdate();
      const first = page.items[0];
      await focusFirstAdded(this.host, cursor, first === undefined ? undefined : { id: this.options.id(first) }, this.options.prefix);
    } catch (error) {
      if (ticket !== this.#ticket) return;
      this.error = error instanceof ApiError ? error : ApiError.network(error);
      this.loading = false;
      this.host.requestUpdate();
      this.host.dispatchEvent(new PasserelleErrorEvent({ error: this.error, action: this.options.action }));
    }
  }

  /** Forgets the list (another company, another person). */
  clear(): void {
    this.#ticket++;
    this.items = null;
    this.nextCursor = null;
    this.loading = false;
    this.error = null;
  }

  /** Replaces one item in place (after a renewal or a withdrawal). */
  replace(item: T): void {
    const id = this.options.id(item);
    this.items = (this.items ?? []).map((i) => (this.options.id(i) === id ? item : i));
    this.host.requestUpdate();
  }

  status(loading: string, words: ListWords): string {
    if (this.loading) return loading;
    if (this.error) return problemText(this.error, this.host);
    if (this.items === null) return '';
    return this.items.length === 0 ? words.none : words.count(this.items.length, this.nextCursor !== null);
  }

  /** The status line, then "Try again" after a failure. */
  head(loading: string, words: ListWords, retry: string): TemplateResult {
    return html`<p part="status" class="status" role="status" aria-live="polite">${this.status(loading, words)}</p>
      ${this.error
        ? html`<button part="button" type="button" data-retry @click=${() => void this.load(this.items && this.items.length > 0 ? (this.nextCursor ?? undefined) : undefined)}>${retry}</button>`
        : nothing}`;
  }

  /** "Show more", while the API has a next page. */
  more(label: string): TemplateResult | typeof nothing {
    return this.nextCursor && !this.error && !this.loading
      ? html`<button part="button" type="button" data-more @click=${() => void this.load(this.nextCursor ?? undefined)}>${label}</button>`
      : nothing;
  }
}
