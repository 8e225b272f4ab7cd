import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ModerationReasonSchema, offerKinds, renderOfferMarkdown, type Offer, type OfferKind } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../core/api-error.ts';
import type { BodyOf, Rpc } from '../core/client.ts';
import { QueueController } from '../core/queue-controller.ts';
import { en, fr } from './translations.ts';
import { offerModerationStyles } from './offer-moderation.styles.ts';
import { offerDescriptionStyles } from '../offers/offer-styles.ts';
import { queueStyles } from '../styles/queue.ts';

/** An entity offers can be aimed at, as `GET /v1/offers/parameters` lists it. */
type Target = BodyOf<Rpc['offers']['parameters']['$get']>['targets'][number];

/** The verdicts that need a reason the author reads (the reason form's buttons). */
type ReasonedVerdict = 'reject' | 'request-changes';
/** A moderator's decision: publish, or reject / request changes with a reason. */
type Decision = { verdict: 'publish' } | { verdict: ReasonedVerdict; reason: string };

/**
 * @tagname passerelle-offer-moderation
 * @summary The staff's queue of submitted offers aimed at their schools: filter, open, publish, reject or request changes.
 *
 * Lists `GET /v1/offers?queue=true` (the server decides which offers the
 * person may moderate). Rejecting or requesting changes needs a message,
 * which the author reads in `<passerelle-offer-form>`. Each decision is
 * announced in a live region and focus returns to the queue's heading.
 *
 * @event passerelle-saved - A decision was recorded. `detail: { kind: 'offer', item }`.
 * @event passerelle-error - The API refused. `detail: { error, action }`.
 * @csspart filters - The filter form.
 * @csspart queue - The list of offers.
 * @csspart offer - One offer of the queue.
 * @csspart details - The opened offer.
 * @csspart preview - The rendered description.
 * @csspart actions - Publish, request changes and reject.
 */
export class PasserelleOfferModeration extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, queueStyles, offerDescriptionStyles, offerModerationStyles];

  @state() private targets: Target[] = [];
  @state() private kind: OfferKind | '' = '';
  @state() private entity = '';
  @state() private openId = '';

  readonly #l10n = new LocaleController(this, { fr, en });
  #verdict: ReasonedVerdict = 'reject';

  /** The offers to moderate; a failure to load is worded when drawn (in the live region, instead of the status). */
  readonly #queue = new QueueController<Offer, typeof fr>(this, {
    session: this.session,
    allowed: (me) => me.can['offer.moderate'] !== false,
    page: async (client, cursor) => {
      if (this.targets.length === 0) this.targets = (await client.json(client.rpc.offers.parameters.$get())).targets;
      return client.json(client.rpc.offers.$get({ query: { queue: 'true', kind: this.kind || undefined, entity: this.entity || undefined, limit: '20', cursor } }));
    },
    loadAction: 'load-queue',
    heading: '#queue-title',
  });

  readonly #reason = new FormController(this, {
    schema: ModerationReasonSchema,
    action: 'moderate-offer',
    submit: async ({ reason }) => this.#decide({ verdict: this.#verdict, reason }),
  });

  #filter = (e: Event): void => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    this.kind = (form.elements.namedItem('kind') as HTMLSelectElement).value as OfferKind | '';
    this.entity = (form.elements.namedItem('entity') as HTMLSelectElement).value;
    this.openId = '';
    void this.#queue.reload();
  };

  #toggle = (id: string) => async (): Promise<void> => {
    this.openId = this.openId === id ? '' : id;
    this.#reason.reset({});
    await this.updateComplete;
    if (this.openId) this.renderRoot.querySelector<HTMLElement>(`#details-${id} h4`)?.focus();
  };

  async #decide(decision: Decision): Promise<void> {
    const { client } = this.session.signedIn!;
    const offer = this.#queue.find(this.openId);
    if (!offer) return;
    const route = client.rpc.offers[':id'];
    const param = { id: offer.id };
    const data: Offer = await client.json(decision.verdict === 'publish' ? route.publish.$post({ param }) : route[decision.verdict].$post({ param, json: { reason: decision.reason } }));
    const { title } = offer;
    this.openId = '';
    await this.#queue.decided(
      offer,
      decision.verdict === 'publish' ? (t) => t.published(title) : decision.verdict === 'reject' ? (t) => t.rejected(title) : (t) => t.changesRequested(title),
      { kind: 'offer', answer: data },
    );
  }

  #publish = async (): Promise<void> => {
    try {
      await this.#decide({ verdict: 'publish' });
    } catch (error) {
      this.#reason.showProblem(this.#queue.failed(error, 'publish-offer', false));
    }
  };

  #pickVerdict = (e: Event): void => {
    const button = (e.target as Element).closest('button');
    if (button?.dataset.verdict) this.#verdict = button.dataset.verdict as ReasonedVerdict;
  };

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      if (me.can['offer.moderate'] === false) return html`<h2>${t.title}</h2><p>${t.notAllowed}</p>`;
      return html`<h2 id="queue-title" tabindex="-1">${t.title}</h2>
        <div role="status" aria-live="polite">${this.#queue.error ? problemText(this.#queue.error, this) : (this.#queue.status?.(t) ?? '')}</div>
        <form part="filters" class="filters" @submit=${this.#filter}>
          <div class="field">
            <label for="filter-kind">${t.kind}</label>
            <select id="filter-kind" name="kind">
              <option value="" ?selected=${this.kind === ''}>${t.all}</option>
              ${offerKinds.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${t.kinds[k]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="filter-entity">${t.entity}</label>
            <select id="filter-entity" name="entity">
              <option value="" ?selected=${this.entity === ''}>${t.all}</option>
              ${this.targets.map((e) => html`<option value=${e.id} ?selected=${this.entity === e.id}>${e.name}</option>`)}
            </select>
          </div>
          <button part="button" type="submit">${t.apply}</button>
        </form>
        ${this.#queue.items === null ? html`<p>${t.loading}</p>` : this.#list(this.#queue.items)}`;
    });
  }

  #list(items: Offer[]): TemplateResult {
    const t = this.#l10n.t;
    if (items.length === 0) return html`<p>${t.empty}</p>`;
    return html`<p>${t.count(items.length)}</p>
      <ul part="queue" class="queue">
        ${items.map((offer) => {
          const open = this.openId === offer.id;
          return html`<li part="offer" data-offer=${offer.id}>
            <h3>${offer.title}</h3>
            <p class="meta">${offer.company.name} · ${t.kinds[offer.kind]}${offer.submittedAt ? html` · ${t.submittedOn(this.#l10n.date(offer.submittedAt))}` : nothing}</p>
            <button part="button" type="button" data-open aria-expanded=${open ? 'true' : 'false'} aria-controls=${`details-${offer.id}`} aria-label=${open ? t.close : t.openLabel(offer.title)}
              @click=${this.#toggle(offer.id)}>${open ? t.close : t.open}</button>
            <div id=${`details-${offer.id}`} ?hidden=${!open}>${open ? this.#details(offer) : nothing}</div>
          </li>`;
        })}
      </ul>
      ${this.#queue.nextCursor ? html`<button part="button" type="button" @click=${this.#queue.more}>${t.loadMore}</button>` : nothing}`;
  }

  #details(offer: Offer): TemplateResult {
    const t = this.#l10n.t;
    const f = this.#reason;
    const names = offer.targetEntityIds.map((id) => this.targets.find((e) => e.id === id)?.name ?? id).join(', ');
    return html`<section part="details" aria-labelledby=${`details-title-${offer.id}`}>
      <h4 id=${`details-title-${offer.id}`} tabindex="-1" class="visually-hidden">${offer.title}</h4>
      <dl>
        <dt>${t.targets}</dt><dd>${names}</dd>
        ${offer.location ? html`<dt>${t.location}</dt><dd>${offer.location}${offer.remote ? ` (${t.remotes[offer.remote]})` : ''}</dd>` : nothing}
        ${offer.startDate ? html`<dt>${t.start}</dt><dd>${this.#l10n.date(offer.startDate)}</dd>` : nothing}
        ${offer.duration ? html`<dt>${t.duration}</dt><dd>${offer.duration.amount} ${t.units[offer.duration.unit]}${offer.weeklyHours ? `, ${t.hours(offer.weeklyHours)}` : ''}</dd>` : nothing}
        <dt>${t.stipend}</dt><dd>${offer.stipend ? this.#l10n.money(offer.stipend.amountCents) : t.noStipend}</dd>
        ${offer.apply ? html`<dt>${t.applyHow}</dt><dd>${offer.apply}</dd>` : nothing}
        ${offer.expiresOn ? html`<dt>${t.expires}</dt><dd>${this.#l10n.date(offer.expiresOn)}</dd>` : nothing}
      </dl>
      ${offer.description ? html`<div part="preview" class="preview">${unsafeHTML(renderOfferMarkdown(offer.description))}</div>` : nothing}
      <form novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
        ${f.summary()}
        ${f.field({ name: 'reason', label: t.reason, type: 'textarea', rows: 3, maxlength: 2000 })}
        <div part="actions" class="actions" @click=${this.#pickVerdict}>
          <button part="button" class="primary" type="button" data-publish @click=${this.#publish}>${t.publish}</button>
          <button part="button" type="submit" data-verdict="request-changes">${t.requestChanges}</button>
          <button part="button" type="submit" data-verdict="reject">${t.reject}</button>
        </div>
      </form>
    </section>`;
  }
}
