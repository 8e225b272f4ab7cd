import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { ApiError } from '../core/api-error.ts';
import { PasserelleErrorEvent, SavedEvent } from '../core/events.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { ConsentChoices, purposeKeys } from './choices.ts';
import { fr } from './translations.ts';

const COMPONENT = 'passerelle-consent-inline';

/**
 * `<passerelle-consent-inline>` — the consent to one or more purposes inside
 * a host site's own form (a registration, an event sign-up): each purpose's
 * current text with a box per channel, unticked unless the person already
 * agreed to that text. When the form around it is sent (its `submit`
 * event), the boxes the person changed are recorded through the consent API
 * with the same proof as the consent centre (the text's version, the time,
 * the checked origin, the page and this component), then the boxes show
 * what is recorded. A host that sends its form by script calls `record()`.
 *
 * The offer, pledge and profile forms take a `purposes` attribute and ask
 * the same way, recording the choices in the same transaction as their own
 * save.
 *
 * @attr purpose - One purpose's key, such as `events`.
 * @attr purposes - Several keys, separated by spaces, such as `"alumni-news events"`.
 *
 * @event passerelle-saved - The choices were recorded. `detail: { kind: 'consent', item: FormConsent[] }` (what was recorded).
 * @event passerelle-error - They could not be. `detail: { error, action: 'consent' }`.
 *
 * @csspart consents - The choices.
 * @csspart consent - One purpose: its text and boxes.
 * @csspart consents-error - Said when the choices could not be loaded, with a retry button.
 */
export class PasserelleConsentInline extends PasserelleElement {
  @property() purpose = '';
  @property() purposes = '';
  @state() private said: 'recorded' | 'notRecorded' | '' = '';

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  readonly #choices = new ConsentChoices(this, {
    purposes: () => purposeKeys(this.purpose, this.purposes),
    client: () => this.session.signedIn?.client ?? null,
    component: COMPONENT,
    heading: false,
  });
  #form: HTMLFormElement | null = null;
  readonly #onSubmit = (): void => void this.record();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#form = this.closest('form');
    this.#form?.addEventListener('submit', this.#onSubmit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#form?.removeEventListener('submit', this.#onSubmit);
    this.#form = null;
  }

  /**
   * Records the boxes changed since they were shown (what sending the form
   * around it does). The requests are `keepalive`: a form that leaves the
   * page when it is sent does not cut them.
   */
  async record(): Promise<void> {
    const client = this.session.signedIn?.client;
    const changes = this.#choices.changes();
    if (!client || changes.length === 0) return;
    try {
      for (const { purpose, ...choice } of changes) {
        await client.json(client.rpc.consents[':purpose'].$put({ param: { purpose }, json: choice }, { init: { keepalive: true } }));
      }
      this.said = 'recorded';
      this.dispatchEvent(new SavedEvent({ kind: 'consent', item: changes }));
    } catch (error) {
      this.said = 'notRecorded';
      this.dispatchEvent(new PasserelleErrorEvent({ error: error instanceof ApiError ? error : ApiError.network(error), action: 'consent' }));
    }
    await this.#choices.reload();
  }

  override render() {
    const t = this.#l10n.t;
    return this.session.render(
      () => html`${this.#choices.render()}
        <p part="status" role="status" class=${this.said ? '' : 'visually-hidden'}>${this.said ? t[this.said] : nothing}</p>`,
    );
  }
}
