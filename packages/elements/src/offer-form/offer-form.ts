import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { authorEditableStatuses, formatEuros, offerKinds, offerTransitions, remotePolicies, type Offer } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { SavedEvent } from '../core/events.ts';
import { ApiError } from '../core/api-error.ts';
import { headers, newIdempotencyKey, type BodyOf, type PasserelleClient, type Rpc } from '../core/client.ts';
import type { Me } from '../core/auth.ts';
import { FormConsents } from '../core/form-consents.ts';
import { CompanyCombobox, type CompanyOption } from './company-combobox.ts';
import { createBody, formPath, offerFormSchema, patchBody, requiredToSubmit, stipendHintOf, valuesOf, type OfferFormValues } from './model.ts';
import { fr } from './translations.ts';
import { offerFormStyles } from './offer-form.styles.ts';
import { offerDescriptionStyles } from '../offers/offer-styles.ts';

/** `GET /v1/offers/parameters`: the year's legal parameters and the entities an offer can be aimed at. */
type OfferParameters = BodyOf<Rpc['offers']['parameters']['$get']>;

/** Statuses in which the author may still change the offer, and those it can be (re)submitted from: the server's own table. */
const openStatuses = authorEditableStatuses;
const resubmittable = offerTransitions.submit.from;

const today = (): string => new Date().toISOString().slice(0, 10);

/** A new offer's values before anything is typed. */
const initialValues = (): Record<string, unknown> => ({ companyId: '', kind: 'internship', durationUnit: 'months', weeklyHours: 35, targetEntityIds: [] });

/** What the status line says after a save. */
type Message = '' | 'saved' | 'submitted' | 'published';

/**
 * @tagname passerelle-offer-form
 * @summary Post or edit an internship, apprenticeship or job offer, with a company typeahead and live legal hints.
 *
 * The company is chosen among the institution's verified companies (by name,
 * SIRET or SIREN); nobody creates a company here — a student who cannot find
 * theirs is told to ask the careers office. French internship rules (6 months
 * at most, the legal minimum stipend beyond 2 months, computed with the
 * server's yearly rate) are shown as live hints and checked with the same
 * shared functions as the server. After saving, the offer's status and the
 * moderator's message are shown; it can be edited and submitted again.
 * Submission sends an `Idempotency-Key`, reused on retry.
 *
 * With `purposes`, a new offer's form also asks for the author's consent to
 * those purposes (each one's current text, unticked), recorded with the
 * offer in one transaction, with the same proof as the consent centre.
 *
 * @attr purposes - Consent purposes to ask for with a new offer, by key, separated by spaces (`"job-offers events"`).
 * @event passerelle-saved - The offer was saved or submitted. `detail: { kind: 'offer', item }`.
 * @event passerelle-error - The API refused. `detail: { error, action }`.
 * @csspart form - The offer form.
 * @csspart required-note - What the asterisk of the fields submission requires means.
 * @csspart status - The offer's status and the moderator's message.
 * @csspart company - The company typeahead field.
 * @csspart listbox - The typeahead's list of companies.
 * @csspart option - One company in the list (`active-option` for the highlighted one).
 * @csspart company-missing - The "ask your careers office" message.
 * @csspart targets - The schools or programmes the offer is aimed at.
 * @csspart preview - The rendered description.
 * @csspart stipend-hint - The live legal-minimum hint.
 * @csspart actions - Save and submit buttons.
 */
export class PasserelleOfferForm extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, offerDescriptionStyles, offerFormStyles];

  /** The offer to edit; empty for a new offer. Set after the first save. */
  @property({ attribute: 'offer-id', reflect: true }) offerId = '';
  /** Consent purposes to ask for with a new offer (keys, separated by spaces). */
  @property() purposes = '';

  @state() private parameters: OfferParameters | null = null;
  @state() private offer: Offer | null = null;
  @state() private message: Message = '';
  /** The description's preview (preview.ts), fetched the first time there is a description to show. */
  @state() private preview: typeof import('./preview.ts') | null = null;
  #previewLoading = false;

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  #etag: string | null = null;
  #createKey = newIdempotencyKey();
  #submitKey = newIdempotencyKey();
  #intent: 'draft' | 'submit' = 'submit';
  #loading = false;
  #loadedOfferId = '';
  /** Whose form this is: another person signed in (or nobody) starts afresh. */
  #person = '';
  /** The id `offerId` got from this person's own save (not from the page). */
  #savedOfferId = '';
  readonly #consents = new FormConsents(this, { purposes: () => this.purposes, client: () => this.session.signedIn?.client ?? null, component: 'passerelle-offer-form' });

  readonly #form = new FormController(this, {
    schema: offerFormSchema(() => ({
      parameters: this.parameters,
      today: today(),
      complete: this.#intent === 'submit' || (this.offer !== null && this.offer.status !== 'draft'),
    })),
    initial: initialValues(),
    action: 'offer',
    submit: (values) => this.#save(values as OfferFormValues),
  });

  readonly #company = new CompanyCombobox(this, {
    id: FormController.id('companyId'),
    search: async (q) => {
      const client = this.session.signedIn?.client;
      if (!client) return [];
      const page = await client.json(client.rpc.companies.$get({ query: { q, limit: '8' } }));
      return page.items;
    },
    onChoose: (company) => this.#form.set('companyId', company?.id ?? ''),
  });

  override willUpdate(): void {
    const person = this.session.signedIn?.me.person.id ?? '';
    if (person !== this.#person) {
      this.#person = person;
      this.#forget();
    }
  }

  override updated(): void {
    const signedIn = this.session.signedIn;
    if (!signedIn || this.#loading) return;
    if (!this.parameters || this.#loadedOfferId !== this.offerId) {
      this.#loading = true;
      void this.#load(signedIn.client, signedIn.me).finally(() => {
        this.#loading = false;
      });
    }
  }

  /** Nothing of the previous person's offer stays: values, offer, status line, keys. */
  #forget(): void {
    if (this.offerId && this.offerId === this.#savedOfferId) this.offerId = '';
    this.#savedOfferId = '';
    this.offer = null;
    this.#etag = null;
    this.message = '';
    this.#createKey = newIdempotencyKey();
    this.#submitKey = newIdempotencyKey();
    this.#form.reset(initialValues());
    this.#company.choose(null);
    this.#loadedOfferId = '';
    // Reload even if the id is the same: the new person may see it differently.
    this.parameters = null;
  }

  async #load(client: PasserelleClient, me: Me): Promise<void> {
    const person = me.person.id;
    const stillTheirs = () => this.#person === person;
    try {
      const parameters = this.parameters ?? (await client.json(client.rpc.offers.parameters.$get()));
      if (!stillTheirs()) return;
      this.parameters = parameters;
      const id = this.offerId;
      if (id && id !== this.offer?.id) {
        const { data, etag } = await client.call(client.rpc.offers[':id'].$get({ param: { id } }));
        if (!stillTheirs()) return;
        this.#show(data, etag);
      } else if (!id && !this.offer) {
        this.#prefill(me);
      }
      this.#loadedOfferId = id;
    } catch (error) {
      if (!stillTheirs()) return;
      if (error instanceof ApiError) this.#form.showProblem(error);
      this.#loadedOfferId = this.offerId;
    }
  }

  /** A new offer is aimed at the person's own school, and posted for their company when they represent exactly one. */
  #prefill(me: Me): void {
    const own = me.memberships.flatMap((m) => (m.entityId && m.role !== 'admin' ? [m.entityId] : []));
    if (own.length > 0 && (this.#form.get('targetEntityIds') as string[] | undefined)?.length === 0) this.#form.set('targetEntityIds', own);
    const companies = me.memberships.flatMap((m) => (m.role === 'company_rep' && m.companyId && m.companyName ? [{ id: m.companyId, name: m.companyName }] : []));
    if (companies.length === 1 && !this.#form.get('companyId')) {
      this.#company.choose(companies[0]!);
      this.#form.set('companyId', companies[0]!.id);
    }
  }

  #show(offer: Offer, etag: string | null): void {
    this.offer = offer;
    this.#etag = etag;
    this.#loadedOfferId = offer.id;
    this.offerId = offer.id;
    this.#form.reset(valuesOf(offer));
    this.#company.choose({ id: offer.company.id, name: offer.company.name });
  }

  async #save(values: OfferFormValues): Promise<void> {
    const { client } = this.session.signedIn!;
    const submit = this.#intent === 'submit';
    try {
      let offer: Offer;
      let etag: string | null;
      if (!this.offer) {
        ({ data: offer, etag } = await this.#consents.send((consents) => client.call(client.rpc.offers.$post({ json: { ...createBody(values), submit, ...consents } }, headers({ idempotencyKey: this.#createKey })))));
        this.#createKey = newIdempotencyKey();
      } else {
        ({ data: offer, etag } = await client.call(client.rpc.offers[':id'].$patch({ param: { id: this.offer.id }, json: patchBody(values) }, headers({ ifMatch: this.#etag ?? undefined }))));
        if (submit && resubmittable.includes(offer.status)) {
          ({ data: offer, etag } = await client.call(client.rpc.offers[':id'].submit.$post({ param: { id: offer.id } }, headers({ idempotencyKey: this.#submitKey }))));
          this.#submitKey = newIdempotencyKey();
        }
      }
      this.#show(offer, etag);
      this.#savedOfferId = offer.id;
      this.message = offer.status === 'published' ? 'published' : offer.status === 'submitted' ? 'submitted' : 'saved';
      this.dispatchEvent(new SavedEvent({ kind: 'offer', item: offer }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#offer-status')?.focus();
    } catch (error) {
      // The API names nested fields (duration.amount, stipend.amountCents): point at the form's.
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        throw new ApiError({ ...error.problem, errors: error.fieldErrors.map((e) => ({ ...e, path: formPath(e.path) })) });
      }
      throw error;
    }
  }

  /** Which button was used: both submit the one form (so Enter works), with different intents. */
  #pickIntent = (e: Event): void => {
    const button = (e.target as Element).closest('button');
    if (button) this.#intent = button.dataset.intent === 'draft' ? 'draft' : 'submit';
  };

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      if (!this.parameters || (this.offerId && !this.offer && this.#loadedOfferId !== this.offerId)) {
        return html`${this.#form.summary()}<p role="status">${t.loading}</p>`;
      }
      const offer = this.offer;
      const moderator = me.memberships.some((m) => m.role === 'staff' || m.role === 'admin' || m.role === 'company_rep');
      const locked = offer !== null && !openStatuses.includes(offer.status) && !moderator;
      return html`<h2>${offer ? t.titleEdit : t.titleNew}</h2>
        ${offer ? this.#status(offer, locked) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this.message ? t[this.message] : ''}</div>
        ${locked ? nothing : this.#formTemplate(me, offer)}`;
    });
  }

  #status(offer: Offer, locked: boolean): TemplateResult {
    const t = this.#l10n.t;
    return html`<section part="status" class="status" aria-labelledby="offer-status">
      <h3 id="offer-status" tabindex="-1">${t.statusLine(t.statuses[offer.status])}</h3>
      ${this.message ? html`<p>${t[this.message]}</p>` : nothing}
      ${offer.moderationReason ? html`<dl><dt>${t.reason}</dt><dd data-reason>${offer.moderationReason}</dd></dl>` : nothing}
      ${locked ? html`<p>${t.locked}</p>` : nothing}
    </section>`;
  }

  /** The preview of `description`, once its code is here (asked for on the first call; a failed fetch is asked again on the next). */
  #preview(title: string, description: string): TemplateResult | typeof nothing {
    if (this.preview) return this.preview.descriptionPreview(title, description);
    if (!this.#previewLoading) {
      this.#previewLoading = true;
      void import('./preview.ts').then(
        (m) => (this.preview = m),
        () => (this.#previewLoading = false),
      );
    }
    return nothing;
  }

  #formTemplate(me: Me, offer: Offer | null): TemplateResult {
    const t = this.#l10n.t;
    const f = this.#form;
    const p = this.parameters!;
    const values = f.data() as Partial<OfferFormValues>;
    const student = me.memberships.every((m) => m.role === 'student' || m.role === 'alumnus');
    const targets = (f.get('targetEntityIds') as string[] | undefined) ?? [];
    const toggle = (id: string) => (e: Event) => {
      const checked = (e.target as HTMLInputElement).checked;
      f.set('targetEntityIds', checked ? [...targets.filter((x) => x !== id), id] : targets.filter((x) => x !== id));
    };
    const targetsError = f.errors.get('targetEntityIds');
    const canResubmit = !offer || resubmittable.includes(offer.status);
    const draft = !offer || offer.status === 'draft';
    // What submission requires is marked from the shared schema's list (`required` marks the label and the control).
    const required = requiredToSubmit;
    // The company (a combobox) and the targets (checkboxes) are drawn here, not by `field()`.
    // Registering them with it (its template is not used) gives their errors the label the
    // person reads and a link in the summary, and an untouched company the value '' (the
    // schema's own message), never a field path or a missing key.
    void f.field({ name: 'companyId', label: t.company, required: required('companyId') });
    void f.field({ name: 'targetEntityIds', label: t.targets, required: required('targetEntityIds') });
    return html`<form part="form" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      <p part="required-note" class="hint" data-required-note>${t.requiredNote(draft)}</p>
      ${this.#company.render(
        { label: t.company, hint: t.companyHint, results: t.companyResults, missing: student ? t.companyMissingStudent : t.companyMissing, chosen: t.companyChosen },
        f.errors.get('companyId'),
        required('companyId'),
      )}
      ${f.field({ name: 'title', label: t.title, required: required('title'), maxlength: 150 })}
      ${f.field({ name: 'kind', label: t.kind, type: 'select', required: required('kind'), options: offerKinds.map((k) => ({ value: k, label: t.kinds[k] })) })}
      <fieldset part="targets" class=${targetsError ? 'invalid' : ''} aria-describedby=${targetsError ? 'targets-hint targets-error' : 'targets-hint'}>
        <legend>${t.targets}${required('targetEntityIds') ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</legend>
        <div class="hint" id="targets-hint">${t.targetsHint}</div>
        ${targetsError ? html`<div class="error" id="targets-error"><span aria-hidden="true">⚠ </span>${targetsError}</div>` : nothing}
        ${p.targets.map(
          (e, i) => html`<div class="field checkbox">
            <input type="checkbox" id=${i === 0 ? FormController.id('targetEntityIds') : `target-${e.id}`} name="targetEntityIds" value=${e.id}
              .checked=${targets.includes(e.id)} @change=${toggle(e.id)} />
            <label for=${i === 0 ? FormController.id('targetEntityIds') : `target-${e.id}`}>${e.name}</label>
          </div>`,
        )}
      </fieldset>
      ${f.field({ name: 'description', label: t.description, type: 'textarea', rows: 8, hint: t.descriptionHint, empty: 'omit', maxlength: 20000, required: required('description') })}
      ${values.description ? this.#preview(t.preview, values.description) : nothing}
      <div class="row">
        ${f.field({ name: 'location', label: t.location, empty: 'omit', maxlength: 200, required: required('location') })}
        ${f.field({ name: 'remote', label: t.remote, type: 'select', empty: 'omit', required: required('remote'), options: remotePolicies.map((r) => ({ value: r, label: t.remotes[r] })) })}
      </div>
      <div class="row">
        ${f.field({ name: 'startDate', label: t.startDate, type: 'date', empty: 'omit', required: required('startDate') })}
        ${f.field({ name: 'durationAmount', label: t.durationAmount, type: 'number', empty: 'omit', min: 1, step: 1, inputmode: 'numeric', required: required('durationAmount') })}
        ${f.field({ name: 'durationUnit', label: t.durationUnit, type: 'select', required: required('durationUnit'), options: [{ value: 'months', label: t.units.months }, { value: 'weeks', label: t.units.weeks }] })}
        ${f.field({ name: 'weeklyHours', label: t.weeklyHours, type: 'number', empty: 'omit', min: 1, max: 48, step: 0.5, inputmode: 'decimal', required: required('weeklyHours') })}
      </div>
      ${f.field({ name: 'stipendEuros', label: t.stipend, type: 'number', hint: t.stipendHint, empty: 'omit', min: 0, step: 0.01, inputmode: 'decimal', required: required('stipendEuros') })}
      ${this.#stipendHint(values, p)}
      ${f.field({ name: 'apply', label: t.apply, hint: t.applyHint, empty: 'omit', maxlength: 300, required: required('apply') })}
      ${f.field({ name: 'expiresOn', label: t.expiresOn, type: 'date', hint: t.expiresOnHint, empty: 'omit', required: required('expiresOn') })}
      ${offer ? nothing : this.#consents.render()}
      <div part="actions" class="actions" @click=${this.#pickIntent}>
        ${draft ? html`<button part="button" type="submit" data-intent="draft">${t.saveDraft}</button>` : nothing}
        ${f.submitButton(draft ? t.submit : canResubmit ? t.resubmit : t.saveChanges)}
      </div>
    </form>`;
  }

  /** The live legal hint: who owes what, computed with the server's yearly rate. */
  #stipendHint(values: Partial<OfferFormValues>, p: OfferParameters): TemplateResult {
    const t = this.#l10n.t;
    const req = stipendHintOf(values, p);
    const text = !req ? '' : req.owed ? t.stipendOwed(this.#l10n.money(req.minimumMonthlyCents), this.#l10n.money(req.hourlyRateCents), req.rateYear) : t.stipendNotOwed;
    return html`<p part="stipend-hint" class="hint rule-hint" role="status" aria-live="polite" data-stipend-minimum=${req?.owed ? formatEuros(req.minimumMonthlyCents) : ''}>${text}</p>`;
  }
}
