import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ConsentChannel, ConsentOverview, PurposeState } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent, SavedEvent } from '../core/events.ts';
import type { SignedIn } from '../core/session-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from './translations.ts';
import { consentCentreStyles } from './consent-centre.styles.ts';
import { purposeItem, type PurposeContext } from './purpose-item.ts';
import type { ConsentRights, RightsHost } from './rights.ts';

const COMPONENT = 'passerelle-consent-centre';

/** What the status line says, written when drawn: a change of language rewrites it. */
type StatusLine = ((t: typeof fr) => string) | null;

/**
 * @summary The person's consent centre: one row per purpose with a switch per
 * channel, "withdraw everything", the history of their choices with the text
 * they agreed to, their solicitation cap, and their GDPR rights (download
 * their data, ask for their account to be deleted).
 *
 * Works inside `<passerelle-portal>` or alone with `api`, `tenant` and an
 * identity token.
 *
 * @event passerelle-saved - A choice was recorded. `detail.kind`: `consent`
 *   (item: the purpose's state), `withdraw-all`, `solicitation-cap`, `export`
 *   (item: `{ format, bytes }`) or `erasure` (item: the request).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }`.
 *
 * @csspart header - Title, introduction and "withdraw everything".
 * @csspart withdraw-all - The "withdraw everything" button.
 * @csspart purpose - One purpose (its text, legal basis and switches).
 * @csspart switch - One channel's switch (a native checkbox with role=switch).
 * @csspart renewal - The prompt to confirm a consent whose text changed.
 * @csspart renewed - Says that the link of the reminder that signed the person in renewed this consent, and until when.
 * @csspart cap - The solicitation-cap form.
 * @csspart history - The history table.
 * @csspart data - The download section.
 * @csspart erasure - The account deletion section.
 * @csspart status - The live region that confirms each change.
 */
export class PasserelleConsentCentre extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, consentCentreStyles];

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });

  @state() private overview: ConsentOverview | null = null;
  @state() private loadFailed: ApiError | null = null;
  /** A consent change is on its way: the switches wait for it. */
  @state() private pending = false;
  @state() private status: StatusLine = null;
  /** The last refusal of a change, worded when drawn: a change of language rewords it. */
  @state() private problem: ApiError | null = null;

  /** The session the data was loaded for: a new session (another person) reloads. */
  #loadedFor: unknown = null;

  /**
   * The notices and lower sections (cap, history, download, erasure) with their forms and data:
   * src/consent-centre/rights.ts, fetched when the centre connects, while the session is opened.
   */
  #rights: ConsentRights | null = null;
  #rightsLoading: Promise<ConsentRights> | null = null;
  readonly #rightsHost: RightsHost = {
    host: this,
    l10n: this.#l10n,
    signedIn: () => this.#signedIn(),
    origin: () => this.#origin(),
    // Its sentence is already worded (rights.ts reads its own words): drawn as given.
    say: (message) => this.#say(message),
    fail: (error, action) => this.#fail(error, action),
    capSaved: (cap) => {
      if (this.overview) this.overview = { ...this.overview, solicitationCap: cap };
    },
    reload: () => this.#load(),
    pending: () => this.pending,
    choose: (purpose, channels) => void this.#choose(purpose, channels),
  };

  /** What each purpose's row reads (live, so a click while a change is on its way is ignored). */
  readonly #purposeContext: PurposeContext = {
    l10n: this.#l10n,
    pending: () => this.pending,
    choose: (purpose, channels) => void this.#choose(purpose, channels),
    notices: (purpose) => this.#rights?.notices(purpose) ?? nothing,
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const signedIn = this.session.signedIn;
    if (signedIn && signedIn.session !== this.#loadedFor) {
      this.#loadedFor = signedIn.session;
      // After this update, not inside it: loading changes state.
      void Promise.resolve().then(() => this.#load());
    }
  }

  #signedIn(): SignedIn {
    const s = this.session.signedIn;
    if (!s) throw ApiError.network(new Error('Not signed in.'));
    return s;
  }

  /** Where the choice is made, recorded with it as proof. */
  #origin() {
    return { page: location.href.slice(0, 500), component: COMPONENT };
  }

  #say(message: (t: typeof fr) => string): void {
    this.problem = null;
    // Clear first so that the same sentence twice is announced twice.
    this.status = null;
    void this.updateComplete.then(() => (this.status = message));
  }

  #fail(error: unknown, action: string): void {
    const apiError = error instanceof ApiError ? error : ApiError.network(error);
    this.status = null;
    this.problem = apiError;
    this.dispatchEvent(new PasserelleErrorEvent({ error: apiError, action }));
  }

  /** The lower sections' module, fetched once (again after a failure). */
  #loadRights(): Promise<ConsentRights> {
    this.#rightsLoading ??= import('./rights.ts').then(
      ({ ConsentRights }) => (this.#rights = new ConsentRights(this.#rightsHost)),
      (error: unknown) => {
        this.#rightsLoading = null;
        throw error;
      },
    );
    return this.#rightsLoading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetched while the session is opened; a failure is said (and tried again) by #load.
    this.#loadRights().catch(() => undefined);
  }

  async #load(): Promise<void> {
    const { client } = this.#signedIn();
    try {
      const [overview, rights] = await Promise.all([
        client.json(client.rpc.consents.$get()),
        this.#loadRights().then(async (rights) => {
          await rights.load(client);
          return rights;
        }),
      ]);
      this.overview = overview;
      this.loadFailed = null;
      rights.showCap(overview.solicitationCap.perMonth);
    } catch (error) {
      this.loadFailed = error instanceof ApiError ? error : ApiError.network(error);
      this.dispatchEvent(new PasserelleErrorEvent({ error: this.loadFailed, action: 'load-consents' }));
    }
  }

  async #choose(purpose: PurposeState, channels: Partial<Record<ConsentChannel, boolean>>): Promise<void> {
    if (this.pending) return;
    const { client } = this.#signedIn();
    this.pending = true;
    try {
      const res = await client.json(
        client.rpc.consents[':purpose'].$put({ param: { purpose: purpose.key }, json: { channels, version: purpose.version.hash, origin: this.#origin() } }),
      );
      if (this.overview) this.overview = { ...this.overview, purposes: this.overview.purposes.map((p) => (p.key === purpose.key ? res.purpose : p)) };
      this.#say(res.changed.length > 0 ? (t) => t.saved : (t) => t.nothingChanged);
      this.dispatchEvent(new SavedEvent({ kind: 'consent', item: res.purpose }));
      // The choice is recorded: free the switches before refreshing the history.
      this.pending = false;
      await this.#rights?.refreshHistory();
    } catch (error) {
      this.#fail(error, 'consent');
      // A 409 means the text changed under the person's eyes: show the new one.
      if (error instanceof ApiError && error.status === 409) await this.#load();
      else this.requestUpdate();
    } finally {
      this.pending = false;
    }
  }

  async #withdrawAll(): Promise<void> {
    if (this.pending) return;
    const { client } = this.#signedIn();
    this.pending = true;
    try {
      const res = await client.json(client.rpc.consents['withdraw-all'].$post({ json: { origin: this.#origin() } }));
      const { changed: _changed, ...overview } = res;
      this.overview = overview;
      this.#say((t) => t.withdrawnAll);
      this.dispatchEvent(new SavedEvent({ kind: 'withdraw-all', item: overview }));
      this.pending = false;
      await this.#rights?.refreshHistory();
    } catch (error) {
      this.#fail(error, 'withdraw-all');
    } finally {
      this.pending = false;
    }
  }

  override render() {
    return this.session.render(() => this.#content());
  }

  #content(): TemplateResult {
    const t = this.#l10n.t;
    if (this.loadFailed && !this.overview) {
      return html`<div role="alert" class="problem">${t.loadError} ${problemText(this.loadFailed, this)}</div>
        <button type="button" @click=${() => this.#load()}>${t.retry}</button>`;
    }
    const overview = this.overview;
    if (!overview) return html`<p role="status" part="status">${t.loading}</p>`;
    return html`
      <header part="header">
        <h2>${t.title}</h2>
        <p>${t.intro}</p>
      </header>
      <p part="status" class="status" role="status">${this.status?.(t) ?? ''}</p>
      ${this.problem ? html`<p class="problem" role="alert">${problemText(this.problem, this)}</p>` : nothing}
      <section aria-labelledby="purposes-title">
        <h3 id="purposes-title">${t.purposes}</h3>
        <div class="toolbar">
          <button part="withdraw-all" class="primary withdraw-all" type="button" aria-describedby="withdraw-all-hint"
            aria-disabled=${this.pending ? 'true' : 'false'} @click=${() => this.#withdrawAll()}>${t.withdrawAll}</button>
          <span id="withdraw-all-hint" class="muted">${t.withdrawAllHint}</span>
        </div>
        <ul class="purposes">
          ${overview.purposes.map((p) => purposeItem(this.#purposeContext, p))}
        </ul>
      </section>
      ${this.#rights?.render(overview) ?? nothing}
    `;
  }
}
