import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CompanyRequestRefuseSchema, type CompanyRequestView } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../core/api-error.ts';
import { QueueController } from '../core/queue-controller.ts';
import { en, fr } from './translations.ts';
import { companyRequestsStyles } from './company-requests.styles.ts';
import { queueStyles } from '../styles/queue.ts';

/** A recruiter's request as `GET /v1/companies/requests` answers it (`emailMatchesWebsite`: a hint, not a proof). */
export type CompanyRequest = CompanyRequestView;

/** Staff approve a request, or refuse it with a reason the recruiter reads. */
type Decision = { verdict: 'approve' } | { verdict: 'refuse'; reason: string };

/** The host of a website URL without `www.`, for the hint. */
function domainOf(website: string | undefined): string {
  if (!website) return '';
  try {
    return new URL(website).hostname.replace(/^www\./, '');
  } catch {
    return website;
  }
}

/**
 * @tagname passerelle-company-requests
 * @summary The staff's queue of recruiter requests: who asks to represent (or add) which company, with the email-domain hint; approve, or refuse with a reason.
 *
 * Lists `GET /v1/companies/requests` (pending ones). Each request shows the
 * requester, their email, the company asked for (or the new company's name,
 * SIRET and website) and whether the email's domain matches the company's
 * website. Approving makes the requester the company's representative (and
 * activates a new company); refusing needs a reason, validated with the
 * server's own schema (`CompanyRequestRefuseSchema`), which the recruiter reads.
 * Each decision is announced in a live region and focus returns to the
 * queue's heading. People who may not verify companies (`company.moderate`)
 * read who can instead.
 *
 * @event passerelle-saved - A decision was recorded. `detail: { kind: 'company-request', item }` (the request, `status` approved or refused).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }` (`load-company-requests`, `approve-company-request`, `refuse-company-request`).
 * @csspart queue - The list of requests.
 * @csspart request - One request of the queue.
 * @csspart hint - The email-domain hint of a request (`data-match="true|false"`).
 * @csspart actions - Approve and refuse.
 * @csspart refusal - The refusal form (reason).
 */
export class PasserelleCompanyRequests extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, queueStyles, companyRequestsStyles];

  /** The request whose refusal form is open. */
  @state() private refusingId = '';
  @state() private approving = '';

  readonly #l10n = new LocaleController(this, { fr, en });

  /** The pending requests; the last refusal or failure is worded when drawn: a change of language rewords it. */
  readonly #queue = new QueueController<CompanyRequest, typeof fr>(this, {
    session: this.session,
    allowed: (me) => me.can['company.moderate'] === true,
    page: (client, cursor) => client.json(client.rpc.companies.requests.$get({ query: { status: 'pending', limit: '20', cursor } })),
    loadAction: 'load-company-requests',
    heading: '#requests-title',
  });

  readonly #refusal = new FormController(this, {
    schema: CompanyRequestRefuseSchema,
    action: 'refuse-company-request',
    submit: async ({ reason }) => {
      const request = this.#queue.find(this.refusingId);
      if (request) await this.#decide(request, { verdict: 'refuse', reason });
    },
  });

  override updated(): void {
    // Someone else signed in: the queue was loaded again, no refusal form stays open.
    if (this.refusingId && !this.#queue.find(this.refusingId)) this.refusingId = '';
  }

  #who(request: CompanyRequest): string {
    return request.person.displayName ?? request.person.email ?? request.person.id;
  }

  /** Records the decision; throws the `ApiError` (the refusal form shows it). */
  async #decide(request: CompanyRequest, decision: Decision): Promise<void> {
    const { client } = this.session.signedIn!;
    const route = client.rpc.companies.requests[':id'];
    const param = { id: request.id };
    const data: CompanyRequest = await client.json(decision.verdict === 'approve' ? route.approve.$post({ param }) : route.refuse.$post({ param, json: { reason: decision.reason } }));
    const who = this.#who(request);
    const company = request.company.name;
    this.refusingId = '';
    await this.#queue.decided(request, decision.verdict === 'approve' ? (t) => t.approved(who, company) : (t) => t.refused(who, company), {
      kind: 'company-request',
      answer: data,
    });
  }

  #approve = (request: CompanyRequest) => async (): Promise<void> => {
    if (this.approving) return;
    this.approving = request.id;
    try {
      await this.#decide(request, { verdict: 'approve' });
    } catch (error) {
      const e = this.#queue.failed(error, 'approve-company-request');
      // Already decided by someone else: it no longer belongs in the queue.
      if (e.status === 409 || e.status === 404) this.#queue.remove(request.id);
    } finally {
      this.approving = '';
    }
  };

  #openRefusal = (request: CompanyRequest) => async (): Promise<void> => {
    this.refusingId = request.id;
    this.#refusal.reset({ reason: '' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${FormController.id('reason')}`)?.focus();
  };

  #cancelRefusal = (request: CompanyRequest) => async (): Promise<void> => {
    this.refusingId = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-request="${request.id}"] button[data-refuse]`)?.focus();
  };

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      if (!me.can['company.moderate']) return html`<h2>${t.title}</h2><p data-not-allowed>${t.notAllowed}</p>`;
      return html`<h2 id="requests-title" tabindex="-1">${t.title}</h2>
        <p>${t.intro}</p>
        <div role="status" aria-live="polite">${this.#queue.status?.(t) ?? ''}</div>
        <div role="alert">${this.#queue.error ? html`<p class="error">${problemText(this.#queue.error, this)}</p>` : nothing}</div>
        ${this.#queue.items === null ? html`<p>${t.loading}</p>` : this.#list(this.#queue.items)}`;
    });
  }

  #list(items: CompanyRequest[]): TemplateResult {
    const t = this.#l10n.t;
    if (items.length === 0) return html`<p>${t.empty}</p>`;
    return html`<p>${t.count(items.length)}</p>
      <ul part="queue" class="queue">
        ${items.map((r) => this.#request(r))}
      </ul>
      ${this.#queue.nextCursor ? html`<button part="button" type="button" data-more @click=${this.#queue.more}>${t.loadMore}</button>` : nothing}`;
  }

  #request(r: CompanyRequest): TemplateResult {
    const t = this.#l10n.t;
    const who = this.#who(r);
    const company = r.company;
    const refusing = this.refusingId === r.id;
    return html`<li part="request" data-request=${r.id}>
      <h3>${who}</h3>
      <dl>
        <dt>${t.email}</dt>
        <dd>${r.person.email ?? t.noEmail}</dd>
        <dt>${r.kind === 'represent' ? t.represent : t.create}</dt>
        <dd data-company>${company.name}${r.kind === 'create' ? html` (${t.newCompany})` : nothing}</dd>
        <dt>${t.siret}</dt>
        <dd>${company.siret ?? '—'}</dd>
        <dt>${t.website}</dt>
        <dd>${company.website ?? t.noWebsite}</dd>
        <dt>${t.askedOn}</dt>
        <dd>${this.#l10n.date(r.createdAt)}</dd>
        ${r.message ? html`<dt>${t.message}</dt><dd><blockquote>${r.message}</blockquote></dd>` : nothing}
      </dl>
      <p part="hint" class="hint" data-match=${r.emailMatchesWebsite ? 'true' : 'false'}>
        <span class="mark" aria-hidden="true">${r.emailMatchesWebsite ? '✓' : '!'}</span>
        <span>${r.emailMatchesWebsite ? t.match(domainOf(company.website)) : t.noMatch}</span>
      </p>
      <div part="actions" class="actions">
        <button part="button" class="primary" type="button" data-approve aria-label=${t.approveLabel(who, company.name)}
          aria-disabled=${this.approving === r.id ? 'true' : 'false'} @click=${this.#approve(r)}>${t.approve}</button>
        <button part="button" type="button" data-refuse aria-label=${t.refuseLabel(who, company.name)}
          aria-expanded=${refusing ? 'true' : 'false'} aria-controls=${`refusal-${r.id}`} @click=${this.#openRefusal(r)}>${t.refuse}</button>
      </div>
      <div id=${`refusal-${r.id}`} ?hidden=${!refusing}>${refusing ? this.#refusalForm(r) : nothing}</div>
    </li>`;
  }

  #refusalForm(r: CompanyRequest): TemplateResult {
    const t = this.#l10n.t;
    const f = this.#refusal;
    return html`<form part="refusal" class="refusal" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      ${f.field({ name: 'reason', label: t.reason, type: 'textarea', rows: 3, maxlength: 2000, required: true })}
      <div class="actions">
        ${f.submitButton(t.confirmRefuse)}
        <button part="button" type="button" data-cancel @click=${this.#cancelRefusal(r)}>${t.cancel}</button>
      </div>
    </form>`;
  }
}
