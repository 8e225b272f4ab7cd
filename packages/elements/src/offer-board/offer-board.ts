import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OfferSearchSchema, offerKinds, remotePolicies, type Offer, type OfferKind, type OfferSearch, type RemotePolicy } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import type { PasserelleClient } from '../core/client.ts';
import { schoolsOf, type School } from '../offers/schools.ts';
import { focusFirstAdded, pageLimit, withPage } from '../core/paging.ts';
import { fr } from './translations.ts';
import { offerCard, offerPage } from './offer-view.ts';
import { offerBoardStyles } from './offer-board.styles.ts';

/** A school to filter on, from the institution's entities (`GET /v1/offers/parameters`, signed in). */
type Choices = { kind: OfferKind | ''; entity: string; remote: RemotePolicy | '' };
const noChoice: Choices = { kind: '', entity: '', remote: '' };

/**
 * @tagname passerelle-offer-board
 * @summary Published internship and job offers for students and alumni: keyword search, filters, paging, the offer's page and how to apply.
 *
 * Lists `GET /v1/offers` (published, live offers, newest first): keywords
 * over the title, description and company name, place, kind of contract,
 * school, remote work and start date; "Show more" follows the API's cursor
 * and moves focus to the first offer it added. An offer's title opens its
 * page (focus on its heading; "Back" returns to the card): the description
 * rendered from the safe Markdown subset (escaped, http(s) links only), and
 * how to apply (the company's address or site). Signed out, with
 * `open-to-visitors`, it reads the board as a visitor (where the institution
 * did open it); otherwise it shows the sign-in (alone) or a note (in a
 * portal, which shows the sign-in). The
 * count, the search in progress and a failure are announced politely.
 *
 * @event passerelle-error - The offers could not be read. `detail: { error, action: 'search-offers' }`.
 * @csspart filters - The search form.
 * @csspart results - The list of offers.
 * @csspart offer - One offer of the list.
 * @csspart page - The offer's page.
 * @csspart description - The offer's rendered description.
 * @csspart apply - How to apply.
 * @csspart apply-link - The link to apply (email or the company's site).
 * @csspart empty - The advice shown when no offer matches.
 */
export class PasserelleOfferBoard extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, ...offerBoardStyles];

  /**
   * The institution opened its board to readers who are not signed in
   * (`offersOpenToVisitors`): signed out, the board reads the published
   * offers instead of asking to sign in. Off, nothing is asked of the API
   * before sign-in. The API decides either way.
   */
  @property({ type: Boolean, attribute: 'open-to-visitors' }) openToVisitors = false;

  /** How many offers a page lists (1 to 100; "Show more" reads the next page). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private items: Offer[] | null = null;
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  /** A failure to read the offers, worded when drawn (a change of language rewords it). */
  @state() private loadError: ApiError | null = null;
  /** Signed out, and the institution keeps its board for members: the sign-in shows instead. */
  @state() private closed = false;
  @state() private schools: School[] = [];
  @state() private choices: Choices = noChoice;
  /** The offer whose page is open, or null for the list. */
  @state() private opened: Offer | null = null;

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  /** Who the list was loaded for (a person's id, or `visitor`): a new reader loads it afresh. */
  #loadedFor: string | null = null;
  #search: OfferSearch = {};
  /** Only the latest request may change the list: an older answer arriving late is dropped. */
  #ticket = 0;

  readonly #form = new FormController(this, {
    schema: OfferSearchSchema,
    action: 'search-offers',
    // Not awaited: the form stays usable while the list loads, and failures show in the live region.
    submit: async (search) => {
      this.#search = search;
      void this.#fetch();
    },
  });

  override updated(): void {
    const context = this.session.context;
    if (!context || context.auth.state.status === 'signing-in') return;
    const signedIn = this.session.signedIn;
    const reader = signedIn ? signedIn.me.person.id : this.openToVisitors ? 'visitor' : 'signed-out';
    if (this.#loadedFor === reader) return;
    this.#loadedFor = reader;
    this.#search = {};
    // After this update, not inside it: these change the state drawn.
    queueMicrotask(() => {
      this.choices = noChoice;
      this.opened = null;
      this.closed = reader === 'signed-out';
      this.schools = [];
      this.items = null;
      if (reader === 'signed-out') return;
      if (signedIn) void this.#loadSchools(signedIn.client);
      void this.#fetch();
    });
  }

  async #loadSchools(client: PasserelleClient): Promise<void> {
    this.schools = await schoolsOf(client);
  }

  /** Reads the first page of the current search, or the next one after `cursor`. */
  async #fetch(cursor?: string): Promise<void> {
    const context = this.session.context;
    if (!context) return;
    const signedIn = this.session.signedIn !== null;
    const ticket = ++this.#ticket;
    this.loading = true;
    this.loadError = null;
    const { kind, entity, remote } = this.choices;
    const query = {
      ...this.#search,
      ...(kind ? { kind } : {}),
      ...(entity ? { entity } : {}),
      ...(remote ? { remote } : {}),
      // Signed out, the API reads the board of the institution named.
      ...(signedIn ? {} : { tenant: context.auth.tenant }),
      limit: pageLimit(this.pageSize),
      cursor,
    };
    try {
      const page = await context.client.json(context.client.rpc.offers.$get({ query }));
      if (ticket !== this.#ticket) return;
      this.items = withPage(this.items, cursor, page.items);
      this.nextCursor = page.nextCursor;
      this.loading = false;
      await focusFirstAdded(this, cursor, page.items[0], 'offer-');
    } catch (error) {
      if (ticket !== this.#ticket) return;
      const e = error instanceof ApiError ? error : ApiError.network(error);
      this.loading = false;
      if (!signedIn && e.status === 401) {
        this.closed = true;
        return;
      }
      this.loadError = e;
      this.dispatchEvent(new PasserelleErrorEvent({ error: e, action: 'search-offers' }));
    }
  }

  #choose = (name: keyof Choices) => (event: Event): void => {
    this.choices = { ...this.choices, [name]: (event.target as HTMLSelectElement).value };
  };

  #clear = (): void => {
    this.#form.reset({});
    this.choices = noChoice;
    this.#search = {};
    void this.#fetch();
  };

  #retry = (): void => {
    void this.#fetch(this.items && this.items.length > 0 ? (this.nextCursor ?? undefined) : undefined);
  };

  #open = async (offer: Offer): Promise<void> => {
    this.opened = offer;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#offer-title')?.focus();
  };

  #back = async (): Promise<void> => {
    const id = this.opened?.id;
    this.opened = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#offer-${id}`)?.focus();
  };

  #status(t: typeof fr): string {
    if (this.loading) return t.searching;
    if (this.loadError) return problemText(this.loadError, this);
    if (this.items === null) return '';
    return this.items.length === 0 ? t.none : t.found(this.items.length, this.nextCursor !== null);
  }

  override render() {
    const t = this.#l10n.t;
    if (this.closed) return html`<p part="message" class="intro">${t.signInToRead}</p>${this.session.render(() => nothing)}`;
    if (!this.session.context) return nothing;
    return html`<h2 id="board-title" tabindex="-1">${t.title}</h2>
      ${this.opened
        ? offerPage(this.opened, this.#l10n, () => void this.#back())
        : html`<p class="intro">${t.intro}</p>
            ${this.#filters(t)}
            <div part="status" class="status" role="status" aria-live="polite">${this.#status(t)}</div>
            ${this.loadError ? html`<button part="button" type="button" data-retry @click=${this.#retry}>${t.retry}</button>` : nothing}
            ${this.#results(t)}`}`;
  }

  #select<K extends keyof Choices>(name: K, label: string, any: string, options: readonly (readonly [string, string])[]): TemplateResult {
    const value = this.choices[name];
    return html`<div part="field" class="field">
      <label part="label" for=${`board-${name}`}>${label}</label>
      <select part="input" id=${`board-${name}`} name=${name} .value=${value} @change=${this.#choose(name)}>
        <option value="" ?selected=${value === ''}>${any}</option>
        ${options.map(([v, words]) => html`<option value=${v} ?selected=${value === v}>${words}</option>`)}
      </select>
    </div>`;
  }

  #filters(t: typeof fr): TemplateResult {
    const f = this.#form;
    return html`<form part="filters" class="filters" role="search" aria-labelledby="board-title" novalidate @submit=${f.onSubmit}>
      ${f.summary()}
      ${f.field({ name: 'q', label: t.keywords, hint: t.keywordsHint, empty: 'omit', autocomplete: 'off', maxlength: 200 })}
      <fieldset class="group">
        <legend>${t.filters}</legend>
        <div class="grid">
          ${f.field({ name: 'place', label: t.place, empty: 'omit', autocomplete: 'off', maxlength: 100 })}
          ${this.#select('kind', t.kind, t.anyKind, offerKinds.map((k) => [k, t.kinds[k]] as const))}
          ${this.schools.length > 0 ? this.#select('entity', t.school, t.anySchool, this.schools.map((s) => [s.id, s.name] as const)) : nothing}
          ${this.#select('remote', t.remote, t.anyRemote, remotePolicies.map((r) => [r, t.remotes[r]] as const))}
          ${f.field({ name: 'startFrom', type: 'date', label: t.startFrom, empty: 'omit' })}
        </div>
      </fieldset>
      <div class="actions">
        <button part="button submit" class="primary" type="submit">${t.search}</button>
        <button part="button" type="button" data-clear @click=${this.#clear}>${t.clear}</button>
      </div>
    </form>`;
  }

  #results(t: typeof fr): TemplateResult | typeof nothing {
    const items = this.items;
    if (items === null) return nothing;
    if (items.length === 0) return this.loadError ? nothing : html`<p part="empty" class="empty">${t.noneHint}</p>`;
    return html`<ul part="results" class="results" aria-label=${t.results} aria-busy=${this.loading ? 'true' : 'false'}>
        ${items.map((o) => offerCard(o, this.#l10n, (offer) => void this.#open(offer)))}
      </ul>
      ${this.nextCursor && !this.loadError
        ? html`<button part="button" type="button" data-more @click=${() => void this.#fetch(this.nextCursor ?? undefined)}>${t.more}</button>`
        : nothing}`;
  }
}
