import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { CompanyPatchSchema, type CompanyRepresentative, type CompanyView } from '@passerelle/schema';
import { FormController } from '../forms/form-controller.ts';
import { headers } from '../core/client.ts';
import { ApiError } from '../core/api-error.ts';
import { PasserelleErrorEvent, SavedEvent } from '../core/events.ts';
import type { SignedIn } from '../core/session-controller.ts';
import type { LocaleController } from '../i18n/locale-controller.ts';
import { PagedList } from './paged.ts';
import type { fr } from './translations.ts';

/**
 * The company's other representatives (`GET /v1/companies/:id/representatives`)
 * and its details, which a representative edits with `If-Match`
 * (`PATCH /v1/companies/:id`, the server's own `CompanyPatchSchema`): a
 * stale version is a 412 shown in the form's summary, and the company read again.
 */
export class CompanyDetails {
  readonly representatives: PagedList<CompanyRepresentative>;
  company: CompanyView | null = null;
  #etag: string | null = null;
  #companyId = '';
  readonly form: FormController<typeof CompanyPatchSchema>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly signedIn: () => SignedIn | null,
    private readonly announce: (say: (t: typeof fr) => string) => void,
  ) {
    this.representatives = new PagedList(host, {
      page: async (cursor) => {
        const s = signedIn();
        if (!s) return { items: [], nextCursor: null };
        return s.client.json(s.client.rpc.companies[':id'].representatives.$get({ param: { id: this.#companyId }, query: { limit: '20', cursor } }));
      },
      action: 'load-representatives',
      prefix: 'representative-',
      id: (r) => r.person.id,
    });
    this.form = new FormController(host, {
      schema: CompanyPatchSchema,
      idPrefix: 'company',
      action: 'save-company',
      submit: async (patch) => {
        const s = signedIn();
        if (!s || !this.#etag) return;
        try {
          const { data, etag } = await s.client.call(s.client.rpc.companies[':id'].$patch({ param: { id: this.#companyId }, json: patch }, headers({ ifMatch: this.#etag })));
          this.#show(data, etag);
          this.announce((t) => t.details.saved);
          this.host.dispatchEvent(new SavedEvent({ kind: 'company', item: data }));
        } catch (error) {
          // Someone else changed it meanwhile: read it again, the summary says why it was not saved.
          if (error instanceof ApiError && error.status === 412) void this.#read();
          throw error;
        }
      },
    });
  }

  /** Reads the company and its representatives (another company chosen, or signed in again). */
  load(companyId: string): void {
    this.#companyId = companyId;
    this.company = null;
    this.representatives.clear();
    void this.representatives.load();
    void this.#read();
  }

  async #read(): Promise<void> {
    const s = this.signedIn();
    if (!s) return;
    const id = this.#companyId;
    try {
      const { data, etag } = await s.client.call(s.client.rpc.companies[':id'].$get({ param: { id } }));
      if (id === this.#companyId) this.#show(data, etag);
    } catch (error) {
      this.host.dispatchEvent(new PasserelleErrorEvent({ error: error instanceof ApiError ? error : ApiError.network(error), action: 'load-company' }));
    }
  }

  #show(company: CompanyView, etag: string | null): void {
    this.company = company;
    this.#etag = etag;
    this.form.reset({ name: company.name, website: company.website ?? null });
    this.host.requestUpdate();
  }

  renderRepresentatives(l10n: LocaleController<typeof fr>): TemplateResult {
    const t = l10n.t.representatives;
    const list = this.representatives;
    return html`${list.head(l10n.t.loading, { none: t.none, count: () => '' }, l10n.t.retry)}
      ${list.items?.length
        ? html`<ul part="representatives" class="people" aria-label=${t.list}>
            ${list.items.map(
              (r) => html`<li data-representative=${r.person.id}>
                <span id=${`representative-${r.person.id}`} tabindex="-1" class="name">${r.person.displayName ?? t.noName}${r.you ? ` (${l10n.t.you})` : ''}</span>
                ${r.person.email ? html` · <a href=${`mailto:${r.person.email}`}>${r.person.email}</a>` : nothing}
                <span class="meta"> · ${t.since(l10n.date(r.since))}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${list.more(l10n.t.more)}`;
  }

  renderDetails(l10n: LocaleController<typeof fr>): TemplateResult {
    const t = l10n.t.details;
    const company = this.company;
    if (!company) return html`<p>${l10n.t.loading}</p>`;
    const f = this.form;
    return html`<p class="intro">${t.intro}</p>
      <dl class="facts"><div><dt>${t.siret}</dt><dd data-siret>${company.siret ?? t.none}</dd></div></dl>
      <form part="form details" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
        ${f.summary()}
        ${f.field({ name: 'name', label: t.name, required: true, maxlength: 200, autocomplete: 'organization' })}
        ${f.field({ name: 'website', label: t.website, hint: t.websiteHint, type: 'url', empty: 'null', autocomplete: 'url', maxlength: 300 })}
        ${f.submitButton(t.save)}
      </form>`;
  }
}
