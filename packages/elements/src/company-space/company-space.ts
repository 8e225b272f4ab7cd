import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { closedOfferStatuses, offerRenewal, offerTransitions, type Offer, type Pledge } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { SavedEvent, PasserelleErrorEvent } from '../core/events.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { headers, newIdempotencyKey } from '../core/client.ts';
import { portalContext, type PortalContext } from '../core/context.ts';
import { pageLimit } from '../core/paging.ts';
import type { Me } from '../core/auth.ts';
import { PagedList } from './paged.ts';
import { JoinSection } from './join.ts';
import { CompanyDetails } from './details.ts';
import { companyPledges } from './pledges.ts';
import { fr } from './translations.ts';
import { companySpaceStyles } from './company-space.styles.ts';

/** What the live region says, written when drawn: a change of language rewords it. */
type Say = (t: typeof fr) => string;
/** The offer open in the offer form: an existing one, or a new one (`id` empty). */
type Editing = { id: string; title: string };
/** The context request of `@lit/context` (the protocol, without its provider side). */
type ContextRequest = Event & { context?: unknown; callback?: (value: PortalContext, unsubscribe?: () => void) => void; subscribe?: boolean };

/** The companies the signed-in person represents, from `GET /v1/me`. */
const representedOf = (me: Me): { id: string; name: string }[] =>
  me.memberships.flatMap((m) => (m.role === 'company_rep' && m.companyId ? [{ id: m.companyId, name: m.companyName ?? m.companyId }] : []));

/**
 * @tagname passerelle-company-space
 * @summary The space of recruiters and company representatives: ask to represent a company (or to add one) and follow the request; then every offer of the company by any representative, its gifts and apprenticeship-tax pledges, its representatives and details.
 *
 * Someone who represents no company asks to represent one already listed
 * (the offer form's company typeahead) or to add a new one, and reads where
 * their requests stand, a refusal with its reason; once a request is
 * approved the company's space opens. A representative reads every offer of
 * the company, whoever of its representatives posted it
 * (`GET /v1/companies/:id/offers`), with its status, the reviewer's message
 * and its expiry date, and edits it (in `<passerelle-offer-form>`, opened
 * below the list), renews it (a later expiry, no new moderation), withdraws
 * it (after a confirmation) or duplicates it into a new draft; the
 * company's gifts and apprenticeship-tax pledges with their status
 * (promised, allocated, received, cancelled); the other representatives;
 * and the company's name and website, edited with `If-Match`. A person who
 * represents several companies chooses one (`company-id`). Every outcome is
 * announced in a polite live region, failures in an alert; lists page with
 * "Show more", which moves focus to the first item it added.
 *
 * @event passerelle-saved - An offer was renewed, withdrawn, duplicated or saved in the form, a request sent, or the company's details saved. `detail: { kind, item }` (`kind`: `offer`, `company-request`, `company`).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }` (`load-company-offers`, `renew-offer`, `withdraw-offer`, `duplicate-offer`, `load-company-pledges`, `load-representatives`, `load-company`, `save-company`, `load-company-requests`, `request-company`).
 * @csspart section - One section of the space (offers, pledges, representatives, details).
 * @csspart offers - The list of the company's offers.
 * @csspart offer - One offer of the list.
 * @csspart offer-actions - An offer's buttons: edit, renew, withdraw, duplicate.
 * @csspart confirm - The confirmation of a withdrawal.
 * @csspart editor - The offer form opened on an offer, or on a new one.
 * @csspart pledges - The list of the company's pledges.
 * @csspart pledge - One pledge of the list.
 * @csspart representatives - The list of the company's representatives.
 * @csspart details - The form of the company's details.
 * @csspart requests - One's requests to represent or add a company.
 * @csspart request - One request, with its status and, when refused, the reason.
 * @csspart represent - The request to represent a listed company.
 * @csspart create - The request to add a company.
 * @csspart company - The company typeahead field.
 * @csspart listbox - The typeahead's list of companies.
 * @csspart active-option - The highlighted company of that list.
 * @csspart company-missing - What to do when the company is not listed.
 */
export class PasserelleCompanySpace extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, ...companySpaceStyles];

  /** The company whose space is shown, for a person who represents several (the first one otherwise). */
  @property({ attribute: 'company-id' }) companyId = '';

  /** How many offers and pledges a page lists (1 to 100; "Show more" reads the next page). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  @state() private message: Say | null = null;
  /** The last refusal or failure of an action, worded when drawn. */
  @state() private error: ApiError | null = null;
  @state() private editing: Editing | null = null;
  /** The offer whose withdrawal waits for confirmation. */
  @state() private confirming = '';
  @state() private busy = '';

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  #shownFor = '';
  #duplicateKey = newIdempotencyKey();
  /** The offer form asked for the session through the space (used alone, without a portal). */
  readonly #subscribers = new Set<(value: PortalContext) => void>();
  #lastContext: PortalContext | null = null;

  readonly #signedIn = () => this.session.signedIn;
  readonly #announce = (say: Say): void => {
    this.message = say;
    this.error = null;
  };

  readonly #offers = new PagedList<Offer>(this, {
    page: async (cursor) => {
      const s = this.session.signedIn;
      if (!s) return { items: [], nextCursor: null };
      return s.client.json(s.client.rpc.companies[':id'].offers.$get({ param: { id: this.#company() }, query: { limit: pageLimit(this.pageSize), cursor } }));
    },
    action: 'load-company-offers',
    prefix: 'offer-',
    id: (o) => o.id,
  });

  readonly #pledges = new PagedList<Pledge>(this, {
    page: async (cursor) => {
      const s = this.session.signedIn;
      if (!s) return { items: [], nextCursor: null };
      return s.client.json(s.client.rpc.pledges.$get({ query: { companyId: this.#company(), sort: '-createdAt', limit: pageLimit(this.pageSize), cursor } }));
    },
    action: 'load-company-pledges',
    prefix: 'pledge-',
    id: (p) => p.id,
  });

  readonly #join = new JoinSection(this, this.#signedIn, this.#announce);
  readonly #details = new CompanyDetails(this, this.#signedIn, this.#announce);

  override connectedCallback(): void {
    super.connectedCallback();
    // Used alone, the offer form opened inside the space asks for a session: it gets the space's own.
    this.renderRoot.addEventListener('context-request', this.#onContextRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('context-request', this.#onContextRequest);
  }

  readonly #onContextRequest = (event: Event): void => {
    const request = event as ContextRequest;
    const context = this.session.context;
    if (request.context !== portalContext || !this.session.standalone || !context || !request.callback) return;
    event.stopPropagation();
    const callback = request.callback;
    if (request.subscribe) this.#subscribers.add(callback);
    callback(context, () => this.#subscribers.delete(callback));
  };

  /** The company shown: the one named by `company-id` among those the person represents, else the first. */
  #company(): string {
    const me = this.session.signedIn?.me;
    if (!me) return '';
    const companies = representedOf(me);
    return (companies.find((c) => c.id === this.companyId) ?? companies[0])?.id ?? '';
  }

  override updated(): void {
    const context = this.session.context;
    if (context !== this.#lastContext) {
      this.#lastContext = context;
      if (context && this.session.standalone) for (const callback of this.#subscribers) callback(context);
    }
    const s = this.session.signedIn;
    const key = s ? `${s.me.person.id}:${this.#company()}` : '';
    if (key === this.#shownFor) return;
    this.#shownFor = key;
    this.editing = null;
    this.confirming = '';
    this.message = null;
    this.error = null;
    this.#offers.clear();
    this.#pledges.clear();
    this.#join.requests.clear();
    if (!s) return;
    const company = this.#company();
    queueMicrotask(() => {
      if (company) {
        void this.#offers.load();
        void this.#pledges.load();
        this.#details.load(company);
      } else {
        void this.#join.requests.load();
        void this.#join.start();
      }
    });
  }

  #failed(error: unknown, action: string): void {
    const e = error instanceof ApiError ? error : ApiError.network(error);
    this.error = e;
    this.message = null;
    this.dispatchEvent(new PasserelleErrorEvent({ error: e, action }));
  }

  async #act(offer: Offer, action: 'renew-offer' | 'withdraw-offer' | 'duplicate-offer'): Promise<void> {
    const s = this.session.signedIn;
    if (!s || this.busy) return;
    this.busy = offer.id;
    const param = { id: offer.id };
    const route = s.client.rpc.offers[':id'];
    const title = offer.title;
    try {
      if (action === 'renew-offer') {
        const item = await s.client.json(route.renew.$post({ param, json: {} }));
        this.#offers.replace(item);
        const until = item.expiresOn ?? '';
        this.#announce((t) => t.offers.renewed(title, until ? this.#l10n.date(until, { dateStyle: 'long', timeZone: 'UTC' }) : ''));
        this.dispatchEvent(new SavedEvent({ kind: 'offer', item }));
        await this.#focus(`#offer-${offer.id}`);
      } else if (action === 'withdraw-offer') {
        const item = await s.client.json(route.withdraw.$post({ param }));
        this.confirming = '';
        this.#offers.replace(item);
        this.#announce((t) => t.offers.withdrawn(title));
        this.dispatchEvent(new SavedEvent({ kind: 'offer', item }));
        await this.#focus(`#offer-${offer.id}`);
      } else {
        const item = await s.client.json(route.duplicate.$post({ param }, headers({ idempotencyKey: this.#duplicateKey })));
        this.#duplicateKey = newIdempotencyKey();
        this.#announce((t) => t.offers.duplicated(title));
        this.dispatchEvent(new SavedEvent({ kind: 'offer', item }));
        void this.#offers.load();
        await this.#edit({ id: item.id, title: item.title });
      }
    } catch (error) {
      this.#failed(error, action);
    } finally {
      this.busy = '';
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Opens the offer form (fetched with its module the first time) on an offer, or on a new one. */
  async #edit(editing: Editing): Promise<void> {
    try {
      await import('./offer-parts.ts');
    } catch (error) {
      this.#failed(error, 'load-company-offers');
      return;
    }
    this.editing = editing;
    await this.#focus('#editor-title');
  }

  async #closeEditor(): Promise<void> {
    const id = this.editing?.id;
    this.editing = null;
    await this.#focus(id ? `[data-offer="${id}"] [data-edit]` : '[data-post]');
  }

  #onSaved = (event: Event): void => {
    if (!(event instanceof SavedEvent) || event.target === this) return;
    if (event.detail.kind !== 'offer') return;
    this.#announce((t) => t.offers.saved);
    void this.#offers.load();
  };

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      const companies = representedOf(me);
      const current = this.#company();
      return html`<h2 id="space-title" tabindex="-1">${t.title}${current ? html` · <span data-company-name>${companies.find((c) => c.id === current)?.name}</span>` : nothing}</h2>
        <div part="status" class="status" role="status" aria-live="polite">${this.message?.(t) ?? ''}</div>
        <div role="alert">${this.error ? html`<p class="error">${problemText(this.error, this)}</p>` : nothing}</div>
        ${companies.length > 1 ? this.#chooser(companies, current) : nothing}
        ${current ? this.#space() : this.#join.render(this.#l10n)}`;
    });
  }

  #chooser(companies: { id: string; name: string }[], current: string): TemplateResult {
    return html`<div part="field" class="field">
      <label part="label" for="company-choice">${this.#l10n.t.company}</label>
      <select part="input" id="company-choice" @change=${(e: Event) => (this.companyId = (e.target as HTMLSelectElement).value)}>
        ${companies.map((c) => html`<option value=${c.id} ?selected=${c.id === current}>${c.name}</option>`)}
      </select>
    </div>`;
  }

  #space(): TemplateResult {
    const t = this.#l10n.t;
    const section = (id: keyof typeof t.sections, body: TemplateResult) =>
      html`<section part="section" class="section" aria-labelledby=${`${id}-title`} data-section=${id}><h3 id=${`${id}-title`} tabindex="-1">${t.sections[id]}</h3>${body}</section>`;
    return html`${section('offers', this.#offersSection())}
      ${section('pledges', companyPledges(this.#pledges, this.#l10n))}
      ${section('representatives', this.#details.renderRepresentatives(this.#l10n))}
      ${section('details', this.#details.renderDetails(this.#l10n))}`;
  }

  #offersSection(): TemplateResult {
    const t = this.#l10n.t.offers;
    const list = this.#offers;
    return html`<p class="intro">${t.intro}</p>
      ${list.head(this.#l10n.t.loading, t, this.#l10n.t.retry)}
      ${list.items?.length ? html`<ul part="offers" class="cards" aria-label=${t.list}>${list.items.map((o) => this.#offer(o))}</ul>` : nothing}
      ${list.more(this.#l10n.t.more)}
      <div class="actions"><button part="button" class="primary" type="button" data-post @click=${() => void this.#edit({ id: '', title: '' })}>${t.post}</button></div>
      ${this.editing ? this.#editor(this.editing) : nothing}`;
  }

  #offer(o: Offer): TemplateResult {
    const l10n = this.#l10n;
    const t = l10n.t.offers;
    const me = this.session.signedIn?.me;
    const closed = closedOfferStatuses.includes(o.status);
    const date = (iso: string) => l10n.date(iso, { dateStyle: 'long', timeZone: 'UTC' });
    const busy = this.busy === o.id ? 'true' : 'false';
    return html`<li part="offer" class="card" data-offer=${o.id} data-status=${o.status}>
      <h4 id=${`offer-${o.id}`} tabindex="-1">${o.title}</h4>
      <dl class="facts">
        <div><dt>${t.status}</dt><dd data-status-text>${t.statuses[o.status]}</dd></div>
        <div><dt>${o.status === 'expired' ? t.expired : t.expires}</dt><dd data-expires>${o.expiresOn ? date(o.expiresOn) : t.noExpiry}</dd></div>
        ${o.moderationReason ? html`<div class="reason"><dt>${t.moderation}</dt><dd data-moderation>${o.moderationReason}</dd></div>` : nothing}
        <div><dt>${t.author}</dt><dd data-author>${o.authorId === me?.person.id ? l10n.t.you : (this.#details.representatives.items?.find((r) => r.person.id === o.authorId)?.person.displayName ?? t.someone)}</dd></div>
        <div><dt>${t.updated}</dt><dd>${l10n.date(o.updatedAt)}</dd></div>
      </dl>
      <div part="offer-actions" class="actions">
        ${closed ? nothing : html`<button part="button" type="button" data-edit aria-label=${t.editLabel(o.title)} @click=${() => void this.#edit({ id: o.id, title: o.title })}>${t.edit}</button>`}
        ${(offerRenewal.from as readonly string[]).includes(o.status)
          ? html`<button part="button" type="button" data-renew aria-label=${t.renewLabel(o.title)} aria-disabled=${busy} @click=${() => void this.#act(o, 'renew-offer')}>${t.renew}</button>`
          : nothing}
        ${(offerTransitions.withdraw.from as readonly string[]).includes(o.status)
          ? html`<button part="button" type="button" data-withdraw aria-label=${t.withdrawLabel(o.title)} aria-expanded=${this.confirming === o.id ? 'true' : 'false'}
              aria-controls=${`confirm-${o.id}`} @click=${() => void this.#askWithdraw(o)}>${t.withdraw}</button>`
          : nothing}
        <button part="button" type="button" data-duplicate aria-label=${t.duplicateLabel(o.title)} aria-disabled=${busy} @click=${() => void this.#act(o, 'duplicate-offer')}>${t.duplicate}</button>
      </div>
      <div id=${`confirm-${o.id}`} ?hidden=${this.confirming !== o.id}>
        ${this.confirming === o.id
          ? html`<div part="confirm" class="confirm" role="group" aria-labelledby=${`confirm-text-${o.id}`}>
              <p id=${`confirm-text-${o.id}`}>${t.confirmWithdraw(o.title)}</p>
              <div class="actions">
                <button part="button" class="danger" type="button" data-confirm aria-disabled=${busy} @click=${() => void this.#act(o, 'withdraw-offer')}>${t.confirm}</button>
                <button part="button" type="button" data-cancel @click=${() => void this.#cancelWithdraw(o)}>${t.cancel}</button>
              </div>
            </div>`
          : nothing}
      </div>
    </li>`;
  }

  async #askWithdraw(o: Offer): Promise<void> {
    this.confirming = o.id;
    await this.#focus(`#confirm-${o.id} [data-confirm]`);
  }

  async #cancelWithdraw(o: Offer): Promise<void> {
    this.confirming = '';
    await this.#focus(`[data-offer="${o.id}"] [data-withdraw]`);
  }

  #editor(editing: Editing): TemplateResult {
    const t = this.#l10n.t.offers;
    return html`<section part="editor" class="editor" aria-labelledby="editor-title">
      <div class="editor-head">
        <h4 id="editor-title" tabindex="-1">${editing.id ? t.editing(editing.title) : t.posting}</h4>
        <button part="button" type="button" data-close @click=${() => void this.#closeEditor()}>${t.close}</button>
      </div>
      <passerelle-offer-form offer-id=${editing.id} @passerelle-saved=${this.#onSaved}></passerelle-offer-form>
    </section>`;
  }
}
