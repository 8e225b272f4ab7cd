import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { CompanyRequestCreateSchema, type CompanyRequestCreate, type CompanyRequestView } from '@passerelle/schema';
import { FormController } from '../forms/form-controller.ts';
import { SavedEvent } from '../core/events.ts';
import type { SignedIn } from '../core/session-controller.ts';
import type { LocaleController } from '../i18n/locale-controller.ts';
import { PagedList } from './paged.ts';
import type { fr } from './translations.ts';
import type { CompanyCombobox } from './offer-parts.ts';

/** The two bodies `POST /v1/companies/requests` takes: an existing company, or a new one. */
const [RepresentSchema, CreateSchema] = CompanyRequestCreateSchema.options;

/**
 * The company space of someone who represents no company yet: their
 * requests and their outcome (a refusal with its reason), a request to
 * represent a company already listed (the offer form's typeahead, fetched
 * with it), and a request to add one, checked with the server's own schemas.
 * When a request was approved, the session's `me` is read again: the space
 * of the company opens.
 */
export class JoinSection {
  readonly requests: PagedList<CompanyRequestView>;
  /** Said in the host's live region after a request was sent. */
  sent: string | null = null;
  #combo: CompanyCombobox | null = null;
  #signedIn: () => SignedIn | null;

  readonly represent: FormController<typeof RepresentSchema>;
  readonly create: FormController<typeof CreateSchema>;

  constructor(
    private readonly host: ReactiveElement,
    signedIn: () => SignedIn | null,
    private readonly announce: (say: (t: typeof fr) => string) => void,
  ) {
    this.#signedIn = signedIn;
    this.requests = new PagedList(host, {
      page: async (cursor) => {
        const s = signedIn();
        if (!s) return { items: [], nextCursor: null };
        // With mine=true the API answers one's requests whatever their status (the typed query still wants one).
        const page = await s.client.json(s.client.rpc.companies.requests.$get({ query: { mine: 'true', status: 'pending', limit: '20', cursor } }));
        // Approved since `me` was read: read it again, and the company's space opens.
        if (page.items.some((r) => r.status === 'approved' && !s.me.memberships.some((m) => m.companyId === r.company.id))) void s.auth.refresh();
        return page;
      },
      action: 'load-company-requests',
      prefix: 'request-',
      id: (r) => r.id,
    });
    this.represent = new FormController(host, { schema: RepresentSchema, idPrefix: 'represent', action: 'request-company', submit: (body) => this.#send(body) });
    this.create = new FormController(host, { schema: CreateSchema, idPrefix: 'create', action: 'request-company', submit: (body) => this.#send(body) });
  }

  /** Starts (once) the typeahead, which comes with the offer form's module. */
  async start(): Promise<void> {
    if (this.#combo) return;
    const { CompanyCombobox } = await import('./offer-parts.ts');
    this.#combo ??= new CompanyCombobox(this.host, {
      id: this.represent.id('companyId'),
      search: async (q) => {
        const s = this.#signedIn();
        if (!s) return [];
        return (await s.client.json(s.client.rpc.companies.$get({ query: { q, limit: '8' } }))).items;
      },
      onChoose: (company) => this.represent.set('companyId', company?.id ?? ''),
    });
    this.host.requestUpdate();
  }

  async #send(body: CompanyRequestCreate): Promise<void> {
    const s = this.#signedIn();
    if (!s) return;
    const request = await s.client.json(s.client.rpc.companies.requests.$post({ json: body }));
    const name = request.company.name;
    this.announce((t) => t.join.sent(name));
    this.host.dispatchEvent(new SavedEvent({ kind: 'company-request', item: request }));
    if ('companyId' in body) {
      this.represent.reset({});
      this.#combo?.choose(null);
    } else {
      this.create.reset({});
    }
    await this.requests.load();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`#request-${request.id}`)?.focus();
  }

  render(l10n: LocaleController<typeof fr>): TemplateResult {
    const t = l10n.t.join;
    return html`<p class="intro">${t.intro}</p>
      <section part="requests" aria-labelledby="requests-title">
        <h3 id="requests-title">${t.requests}</h3>
        ${this.requests.head(l10n.t.loading, { none: t.none, count: (n) => t.count(n) }, l10n.t.retry)}
        ${this.requests.items?.length
          ? html`<ul class="cards" aria-labelledby="requests-title">${this.requests.items.map((r) => this.#request(r, l10n))}</ul>`
          : nothing}
        ${this.requests.more(l10n.t.more)}
        <button part="button" type="button" data-check @click=${() => void this.requests.load()}>${t.check}</button>
      </section>
      <section part="represent" aria-labelledby="represent-title">
        <h3 id="represent-title">${t.represent}</h3>
        ${this.#representForm(l10n)}
      </section>
      <section part="create" aria-labelledby="create-title">
        <h3 id="create-title">${t.create}</h3>
        <p class="intro">${t.createIntro}</p>
        ${this.#createForm(l10n)}
      </section>`;
  }

  #request(r: CompanyRequestView, l10n: LocaleController<typeof fr>): TemplateResult {
    const t = l10n.t.join;
    return html`<li part="request" class="card" data-request=${r.id} data-status=${r.status}>
      <h4 id=${`request-${r.id}`} tabindex="-1">${r.company.name}</h4>
      <dl class="facts">
        <div><dt>${t.kinds[r.kind]}</dt><dd>${t.statuses[r.status]}</dd></div>
        <div><dt>${t.askedOn}</dt><dd>${l10n.date(r.createdAt)}</dd></div>
        ${r.decidedAt ? html`<div><dt>${t.decidedOn}</dt><dd>${l10n.date(r.decidedAt)}</dd></div>` : nothing}
        ${r.reason ? html`<div class="reason"><dt>${t.reason}</dt><dd data-reason>${r.reason}</dd></div>` : nothing}
      </dl>
      ${r.status === 'approved' ? html`<p class="hint">${t.approvedHint}</p>` : nothing}
    </li>`;
  }

  #representForm(l10n: LocaleController<typeof fr>): TemplateResult {
    const t = l10n.t.join;
    const f = this.represent;
    // Registered for its label in the summary; drawn by the typeahead.
    void f.field({ name: 'companyId', label: t.companyLabel, required: true });
    return html`<form part="form" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      ${this.#combo
        ? this.#combo.render({ label: t.companyLabel, hint: t.companyHint, results: t.companyResults, missing: t.companyMissing, chosen: t.companyChosen }, f.errors.get('companyId'))
        : html`<p>${l10n.t.loading}</p>`}
      ${f.field({ name: 'message', label: t.message, hint: t.messageHint, type: 'textarea', rows: 2, maxlength: 1000, empty: 'omit' })}
      ${f.submitButton(t.askRepresent)}
    </form>`;
  }

  #createForm(l10n: LocaleController<typeof fr>): TemplateResult {
    const t = l10n.t.join;
    const f = this.create;
    return html`<form part="form" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      ${f.field({ name: 'company.name', label: t.name, required: true, maxlength: 200, autocomplete: 'organization' })}
      ${f.field({ name: 'company.siret', label: t.siret, required: true, inputmode: 'numeric', autocomplete: 'off', maxlength: 20 })}
      ${f.field({ name: 'company.website', label: t.website, hint: t.websiteHint, type: 'url', empty: 'omit', autocomplete: 'url', maxlength: 300 })}
      ${f.field({ name: 'message', label: t.message, hint: t.messageHint, type: 'textarea', rows: 2, maxlength: 1000, empty: 'omit' })}
      ${f.submitButton(t.askCreate)}
    </form>`;
  }
}
