import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import {
  DonationCreateSchema,
  type PledgeCreateSchema,
  PledgeAmountCentsSchema,
  PledgeFigureCentsSchema,
  TaxPledgeCreateSchema,
  type Pledge,
  type PledgeParameters,
} from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { PasserelleErrorEvent, SavedEvent } from '../core/events.ts';
import { ApiError } from '../core/api-error.ts';
import { headers, newIdempotencyKey } from '../core/client.ts';
import type { Me } from '../core/auth.ts';
import { FormConsents } from '../core/form-consents.ts';
import { fr } from './translations.ts';
import type { PledgeHistory } from './history.ts';
import { pledgeStyles } from './pledge.styles.ts';
import { donationEstimate } from './estimate.ts';

/** Euros typed by a person, checked as cents by the shared amount schema (whose code words the bounds in euros). */
const EurosSchema = v.pipe(v.number('pledge.amount.range'), v.transform((euros: number) => Math.round(euros * 100)), PledgeAmountCentsSchema);
/** A turnover or an income typed in euros, checked as cents by the shared schema. */
const FigureSchema = v.optional(v.pipe(v.number('pledge.figure.range'), v.transform((euros: number) => Math.round(euros * 100)), PledgeFigureCentsSchema));

// The shared request schemas, with the amounts typed in euros: every other check is the server's own.
const DonationFormSchema = v.strictObject({ ...DonationCreateSchema.entries, amountCents: EurosSchema, taxableIncomeCents: FigureSchema, turnoverCents: FigureSchema });
/** The campaign year as its select gives it (text), checked by the shared schema. */
const CampaignYearSchema = v.pipe(v.union([v.number(), v.string()], 'pledge.campaignYear.range'), v.transform(Number), TaxPledgeCreateSchema.entries.campaignYear);
const TaxFormSchema = v.strictObject({ ...TaxPledgeCreateSchema.entries, estimatedAmountCents: v.optional(EurosSchema), campaignYear: CampaignYearSchema });

type Mode = 'donation' | 'tax';

/**
 * @summary Pledge a donation or the apprenticeship tax, with a live tax-reduction estimate.
 *
 * A pledge is a promise: no card data is ever asked for. After a gift, the
 * institution's own payment page is linked when it has one; after a tax
 * pledge, the steps to follow on SOLTéA are listed. The tax form's SOLTéA
 * calendar says where the campaign stands on the server's day: a period open
 * and the days left, closed and the next one, over and when SOLTéA pays, or
 * dates not yet published; the campaign year is chosen by date and can be
 * changed, and a campaign that is over is refused with the reason. Each form instance sends
 * one `Idempotency-Key`, reused on retry, so a double click or a network
 * retry records one pledge.
 *
 * Signed in, "My gifts and pledges" lists the person's own gifts and
 * pledges and those of the companies they represent, newest first, with
 * their status, amounts where the API answers them, campaign year,
 * reference and dates; it is read again after each new pledge. An
 * apprenticeship-tax pledge says that it gets no tax receipt (SOLTéA's
 * domain).
 *
 * With `purposes`, both forms also ask for the person's consent to those
 * purposes (each one's current text, unticked), recorded with the pledge in
 * one transaction, with the same proof as the consent centre.
 *
 * @attr purposes - Consent purposes to ask for with a pledge, by key, separated by spaces (`"fundraising events"`).
 * @event passerelle-saved - The pledge was recorded. `detail: { kind: 'pledge', item }`.
 * @event passerelle-error - The API refused. `detail: { error, action }`: `action` is `pledge` (sending one) or `load-pledges` (reading "My gifts and pledges").
 * @csspart modes - The donation / apprenticeship-tax switch.
 * @csspart form - The pledge form.
 * @csspart estimate - The live tax-reduction estimate.
 * @csspart calendar - The SOLTéA allocation calendar.
 * @csspart confirmation - The printable summary after submission.
 * @csspart steps - The "what to do next on SOLTéA" list.
 * @csspart history - The "My gifts and pledges" section.
 * @csspart history-item - One gift or pledge of that section.
 */
export class PasserellePledge extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, pledgeStyles];

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  readonly #consents = new FormConsents(this, { purposes: () => this.purposes, client: () => this.session.signedIn?.client ?? null, component: 'passerelle-pledge' });

  /** Consent purposes to ask for with a pledge (keys, separated by spaces). */
  @property() purposes = '';
  @state() private mode: Mode = 'donation';
  @state() private params: PledgeParameters | null = null;
  @state() private result: Pledge | null = null;
  @state() private copied = '';
  /** The SOLTéA calendar and its words (calendar.ts), fetched once the person may pledge tax. */
  @state() private calendarView: typeof import('./calendar.ts') | null = null;
  /** Staff recording tax on a company's behalf choose among the tenant's companies. */
  @state() private recordable: { id: string; name: string }[] = [];

  /** One key per form instance: a retry (or a second click) sends the same one. */
  #donationKey = newIdempotencyKey();
  #taxKey = newIdempotencyKey();
  #loading = false;
  /** "My gifts and pledges" (history.ts, with its words): fetched when the element connects, while the session opens; drawn once here. */
  #history: PledgeHistory | null = null;
  #historyLoading: Promise<PledgeHistory> | null = null;
  /** Whose gifts and pledges the history lists: read again when another person signs in. */
  #historyFor: string | null = null;

  readonly #donation = new FormController(this, {
    schema: DonationFormSchema,
    initial: { kind: 'donation', frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', address: { country: 'FR' } }, publicThanks: false },
    action: 'pledge',
    submit: async (body) => this.#send(body, this.#donationKey),
  });

  readonly #tax = new FormController(this, {
    schema: TaxFormSchema,
    initial: { kind: 'apprenticeship_tax', viaAccountant: false },
    action: 'pledge',
    submit: async (body) => this.#send(body, this.#taxKey),
  });

  async #send(body: v.InferInput<typeof PledgeCreateSchema>, key: string): Promise<void> {
    const { client } = this.session.signedIn!;
    const data = await this.#consents.send((consents) => client.json(client.rpc.pledges.$post({ json: { ...body, ...consents } }, headers({ idempotencyKey: key }))));
    this.result = data;
    this.dispatchEvent(new SavedEvent({ kind: 'pledge', item: data }));
    this.#loadHistory();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirmation-title')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#historyModule().catch(() => undefined);
  }

  /** The history's code, fetched once (and again after a failure). */
  #historyModule(): Promise<PledgeHistory> {
    return (this.#historyLoading ??= import('./history.ts').then(
      ({ PledgeHistory }) => {
        this.#history = new PledgeHistory(this);
        this.requestUpdate();
        return this.#history;
      },
      (err: unknown) => {
        this.#historyLoading = null;
        throw err;
      },
    ));
  }

  #loadHistory(): void {
    const signedIn = this.session.signedIn;
    if (!signedIn) return;
    void this.#historyModule().then(
      // Unless someone else signed in (or out) while the code came.
      (history) => this.session.signedIn?.client === signedIn.client && history.load(signedIn.client, this.#companies(signedIn.me).map((c) => c.id)),
      (err: unknown) => this.dispatchEvent(new PasserelleErrorEvent({ error: ApiError.network(err), action: 'load-pledges' })),
    );
  }

  override updated(): void {
    const signedIn = this.session.signedIn;
    const person = signedIn?.me.person.id ?? null;
    if (person !== this.#historyFor) {
      this.#historyFor = person;
      // After this update, not inside it: loading changes the state drawn.
      queueMicrotask(() => (person ? this.#loadHistory() : this.#history?.clear()));
    }
    if (signedIn && !this.params && !this.#loading) {
      this.#loading = true;
      const { client } = signedIn;
      void client.json(client.rpc.pledges.parameters.$get()).then(
        async (parameters) => {
          if (this.#companies(signedIn.me).length === 0 && signedIn.me.can['pledge.tax'] === true) {
            const page = await client.json(client.rpc.companies.$get({ query: { limit: '100' } }));
            this.recordable = page.items.map((c) => ({ id: c.id, name: c.name }));
          }
          this.params = parameters;
          this.#prefill(signedIn.me);
          if (signedIn.me.can['pledge.tax'] === true) void import('./calendar.ts').then((m) => (this.calendarView = m));
        },
        () => {
          this.#loading = false;
        },
      );
    }
  }

  /** The companies the person represents. */
  #companies(me: Me): { id: string; name: string }[] {
    return me.memberships.flatMap((m) => (m.role === 'company_rep' && m.companyId ? [{ id: m.companyId, name: m.companyName ?? '' }] : []));
  }

  /** The companies a tax pledge can be made for: one's own, or (staff, admins) any verified one. */
  #taxCompanies(me: Me): { id: string; name: string }[] {
    const own = this.#companies(me);
    return own.length ? own : this.recordable;
  }

  #prefill(me: Me): void {
    const companies = this.#companies(me);
    if (me.person.displayName && !this.#donation.get('donor.fullName')) this.#donation.set('donor.fullName', me.person.displayName);
    if (this.params?.campaign) this.#tax.set('campaignYear', this.params.campaign.year);
    const taxCompanies = this.#taxCompanies(me);
    if (taxCompanies.length === 1) this.#tax.set('companyId', taxCompanies[0]!.id);
    if (me.person.displayName) this.#tax.set('contact.name', me.person.displayName);
    if (me.person.email) this.#tax.set('contact.email', me.person.email);
  }

  #switch(mode: Mode): void {
    this.mode = mode;
  }

  #another = (): void => {
    // A new pledge is a new intent: new keys, fresh forms.
    this.#donationKey = newIdempotencyKey();
    this.#taxKey = newIdempotencyKey();
    this.#donation.reset({ kind: 'donation', frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', address: { country: 'FR' } }, publicThanks: false });
    this.#tax.reset({ kind: 'apprenticeship_tax', viaAccountant: false });
    const me = this.session.signedIn?.me;
    if (me) this.#prefill(me);
    this.result = null;
    // The button that had focus is gone: the new form's heading takes it, where the person starts again.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#pledge-title')?.focus());
  };

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = text;
    } catch {
      // Clipboard refused (permissions): the value stays visible and selectable.
    }
  }

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      if (!this.params) return html`<p role="status">${t.loading}</p>`;
      const history = this.#history?.render(this.#l10n, this.params) ?? nothing;
      if (this.result) return html`${this.#confirmation(this.result, this.params)}${history}`;
      const canTax = me.can['pledge.tax'] === true;
      const mode = canTax ? this.mode : 'donation';
      return html`<h2 id="pledge-title" tabindex="-1">${t.title}</h2>
        ${canTax
          ? html`<fieldset part="modes" class="modes">
              <legend>${t.modeLabel}</legend>
              ${(['donation', 'tax'] as const).map(
                (m) => html`<label><input type="radio" name="mode" value=${m} .checked=${mode === m} @change=${() => this.#switch(m)} />
                  ${m === 'donation' ? t.modeDonation : t.modeTax}</label>`,
              )}
            </fieldset>`
          : nothing}
        ${mode === 'donation' ? this.#donationForm(me, this.params) : this.#taxForm(me, this.params)}
        ${history}`;
    });
  }

  #donationForm(me: Me, p: PledgeParameters): TemplateResult {
    const t = this.#l10n.t;
    const f = this.#donation;
    const companies = this.#companies(me);
    const designation = f.get('designation.kind');
    const donorKind = f.get('donor.kind');
    const amount = f.get('amountCents');
    const setAmount = (cents: number) => () => f.set('amountCents', cents / 100);
    return html`<form part="form" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      <fieldset>
        <legend>${t.amount}</legend>
        <div class="amounts" role="group" aria-label=${t.suggested}>
          ${p.suggestedAmountsCents.map(
            (cents) => html`<button type="button" aria-pressed=${amount === cents / 100 ? 'true' : 'false'} @click=${setAmount(cents)}>${this.#l10n.money(cents)}</button>`,
          )}
        </div>
        ${f.field({ name: 'amountCents', type: 'number', label: t.amount, hint: t.amountHint, required: true, min: 0, step: 0.01, inputmode: 'decimal' })}
        ${f.field({ name: 'frequency', type: 'select', label: t.frequency, required: true, options: [{ value: 'once', label: t.once }, { value: 'monthly', label: t.monthly }, { value: 'yearly', label: t.yearly }] })}
      </fieldset>
      ${donationEstimate(this.#l10n, (name) => this.#donation.get(name), p)}
      ${f.field({ name: 'designation.kind', type: 'select', label: t.designation, required: true, options: [{ value: 'foundation', label: t.toFoundation }, { value: 'fund', label: t.toFund }, { value: 'entity', label: t.toEntity }] })}
      ${designation === 'fund' ? f.field({ name: 'designation.fund', type: 'select', label: t.fund, required: true, options: p.funds.map((x) => ({ value: x.code, label: x.label[this.#l10n.locale] })) }) : nothing}
      ${designation === 'entity'
        ? f.field({ name: 'designation.entityId', type: 'select', label: t.entity, required: true, options: p.beneficiaries.filter((b) => b.kind !== 'foundation').map((b) => ({ value: b.id, label: b.name })) })
        : nothing}
      ${companies.length
        ? f.field({ name: 'donor.kind', type: 'select', label: t.donorKind, required: true, options: [{ value: 'individual', label: t.asIndividual }, { value: 'company', label: t.asCompany }] })
        : nothing}
      ${donorKind === 'company'
        ? html`${f.field({ name: 'donor.companyId', type: 'select', label: t.company, required: true, options: companies.map((c) => ({ value: c.id, label: c.name })) })}
          ${f.field({ name: 'turnoverCents', type: 'number', label: t.turnover, hint: t.turnoverHint, empty: 'omit', min: 0, step: 1, inputmode: 'decimal' })}`
        : html`${f.field({ name: 'donor.fullName', label: t.fullName, required: true, autocomplete: 'name' })}
          ${f.field({ name: 'taxableIncomeCents', type: 'number', label: t.taxableIncome, hint: t.taxableIncomeHint, empty: 'omit', min: 0, step: 1, inputmode: 'decimal' })}`}
      <fieldset>
        <legend>${t.address}</legend>
        ${f.field({ name: 'donor.address.line1', label: t.line1, required: true, autocomplete: 'street-address' })}
        ${f.field({ name: 'donor.address.postalCode', label: t.postalCode, required: true, autocomplete: 'postal-code' })}
        ${f.field({ name: 'donor.address.city', label: t.city, required: true, autocomplete: 'address-level2' })}
      </fieldset>
      ${f.field({ name: 'publicThanks', type: 'checkbox', label: t.publicThanks })}
      <p class="hint">${t.noCard}</p>
      ${this.#consents.render()}
      ${f.submitButton(t.submitDonation)}
    </form>`;
  }

  #taxForm(me: Me, p: PledgeParameters): TemplateResult {
    const t = this.#l10n.t;
    const f = this.#tax;
    const companies = this.#taxCompanies(me);
    const schools = p.beneficiaries.filter((b) => b.uai);
    const school = schools.find((s) => s.id === f.get('entityId'));
    return html`<form part="form" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      ${companies.length === 0 ? html`<p>${t.noCompany}</p>` : nothing}
      ${f.field({ name: 'companyId', type: 'select', label: t.company, required: true, options: companies.map((c) => ({ value: c.id, label: c.name })) })}
      ${f.field({ name: 'employerSiret', label: t.siret, hint: t.siretHint, empty: 'omit', inputmode: 'numeric' })}
      ${f.field({ name: 'entityId', type: 'select', label: t.school, required: true, options: schools.map((s) => ({ value: s.id, label: s.name })) })}
      ${school?.uai ? html`<div class="copyable">${t.uai} : ${this.#copyable(school.uai, 'uai')}</div>` : nothing}
      ${school?.siret ? html`<div class="copyable">${t.schoolSiret} : ${this.#copyable(school.siret, 'siret')}</div>` : nothing}
      ${f.field({ name: 'programme', label: t.programme, empty: 'omit' })}
      ${f.field({ name: 'sharePercent', type: 'number', label: t.share, required: true, min: 0.01, max: 100, step: 0.01, inputmode: 'decimal' })}
      ${f.field({ name: 'estimatedAmountCents', type: 'number', label: t.estimated, empty: 'omit', min: 0, step: 0.01, inputmode: 'decimal' })}
      ${f.field({ name: 'contact.name', label: t.contactName, required: true, autocomplete: 'name' })}
      ${f.field({ name: 'contact.email', type: 'email', label: t.contactEmail, required: true, autocomplete: 'email' })}
      ${f.field({ name: 'viaAccountant', type: 'checkbox', label: t.viaAccountant })}
      ${f.field({ name: 'campaignYear', type: 'select', label: t.campaignYear, required: true, options: p.campaigns.map((c) => ({ value: String(c.year), label: String(c.year) })) })}
      ${this.#calendar(p, Number(f.get('campaignYear')))}
      ${this.#consents.render()}
      ${f.submitButton(t.submitTax)}
    </form>`;
  }

  /** A school identifier to copy into SOLTéA, with its copy button (left out of the print). */
  #copyable(value: string, what: 'uai' | 'siret'): TemplateResult {
    const t = this.#l10n.t;
    return html`<code data-copy=${what}>${value}</code>
      <button type="button" class="link no-print" data-copy-button=${what} @click=${() => this.#copy(value)}>${this.copied === value ? t.copied : t.copy}<span class="visually-hidden"> : ${what === 'uai' ? t.uai : t.schoolSiret}</span></button>`;
  }

  /** The SOLTéA calendar of the campaign `year` (the one chosen in the form, or the pledge's), as it stands today. */
  #calendar(p: PledgeParameters, year: number | undefined): TemplateResult | typeof nothing {
    const c = p.campaigns.find((k) => k.year === year);
    return c && this.calendarView ? this.calendarView.campaignCalendar(this.#l10n, c, p.today) : nothing;
  }

  #confirmation(r: Pledge, p: PledgeParameters): TemplateResult {
    const t = this.#l10n.t;
    const money = (c: number) => this.#l10n.money(c);
    const isTax = r.kind === 'apprenticeship_tax';
    const share = r.sharePercent !== undefined ? `${this.#l10n.number(r.sharePercent)} %` : '';
    return html`<section part="confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" tabindex="-1">${t.thanks}</h2>
      <h3>${t.summary}</h3>
      <dl>
        <dt>${t.kind}</dt><dd>${isTax ? t.modeTax : t.modeDonation}</dd>
        <dt>${t.beneficiary}</dt><dd>${r.beneficiary.name}</dd>
        ${r.company ? html`<dt>${t.company}</dt><dd>${r.company.name}</dd>` : nothing}
        ${r.amountCents !== undefined ? html`<dt>${t.amount}</dt><dd>${money(r.amountCents)}${r.frequency && r.frequency !== 'once' ? ` (${t[r.frequency]})` : ''}</dd>` : nothing}
        ${r.taxEstimate ? html`<dt>${t.reduction}</dt><dd>${money(r.taxEstimate.reductionCents)}</dd>` : nothing}
        ${isTax
          ? html`<dt>${t.uai}</dt><dd class="copyable">${r.uai ? this.#copyable(r.uai, 'uai') : nothing}</dd>
              ${r.beneficiary.siret ? html`<dt>${t.schoolSiret}</dt><dd class="copyable">${this.#copyable(r.beneficiary.siret, 'siret')}</dd>` : nothing}
              <dt>${t.siret}</dt><dd><code>${r.employerSiret}</code></dd><dt>${t.share}</dt><dd>${share}</dd>`
          : nothing}
        ${r.estimatedAmountCents !== undefined ? html`<dt>${t.estimated}</dt><dd>${money(r.estimatedAmountCents)}</dd>` : nothing}
        <dt>${t.status}</dt><dd>${t.statuses[r.status]}</dd>
        <dt>${t.reference}</dt><dd><code>${r.id}</code></dd>
      </dl>
      ${isTax
        ? html`<h3>${t.nextSteps}</h3>
            ${this.calendarView
              ? html`<ol part="steps" data-steps>
                  ${r.viaAccountant ? html`<li>${t.accountantStep}</li>` : nothing}
                  ${t
                    .steps(this.calendarView.signInStep(this.#l10n, p.campaigns.find((k) => k.year === r.campaignYear), p.today, p.solteaUrl), r.uai ?? '', r.beneficiary.siret, r.employerSiret ?? '', share)
                    .map((s) => html`<li>${s}</li>`)}
                </ol>`
              : html`<p role="status">${t.loading}</p>`}
            ${this.#calendar(p, r.campaignYear)}`
        : html`<p>${t.noCard}</p>
            ${r.paymentUrl ? html`<p><a href=${r.paymentUrl} target="_blank" rel="noopener">${t.pay}</a></p>` : nothing}`}
      <div class="actions">
        <button type="button" @click=${() => window.print()}>${t.print}</button>
        <button type="button" class="link" @click=${this.#another}>${t.another}</button>
      </div>
    </section>`;
  }
}
