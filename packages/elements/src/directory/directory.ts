import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DirectorySearchSchema, directoryQuery, type DirectoryQuery, type ProfileView } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { FormController } from '../forms/form-controller.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import type { PasserelleClient } from '../core/client.ts';
import { schoolsOf, type School } from '../offers/schools.ts';
import { focusFirstAdded, pageLimit, withPage } from '../core/paging.ts';
import { fr } from './translations.ts';
import { personCard } from './person-card.ts';
import { directoryStyles } from './directory.styles.ts';

/** A school to filter on, from the institution's entities (`GET /v1/offers/parameters`). */

/**
 * @tagname passerelle-directory
 * @summary The alumni directory: search by name, filter by school, class, employer, sector, city and availability; write to those who opened their address.
 *
 * Lists `GET /v1/profiles`, which answers each person as the signed-in
 * reader may see them and matches only on what the reader may see: a field
 * the owner keeps from the reader is neither shown nor searchable, and the
 * contact link appears only when the owner opened their email addresses to
 * the reader. The count, the search in progress and a failure are announced
 * in a polite live region; "Show more" follows the API's cursor and moves
 * focus to the first person it added.
 *
 * @event passerelle-error - The directory could not be read. `detail: { error, action: 'search-directory' }`.
 * @csspart filters - The search form.
 * @csspart results - The list of people.
 * @csspart person - One person of the list.
 * @csspart badges - What a person is available for (mentoring, talks, hiring interns).
 * @csspart contact - The link to write to a person.
 * @csspart empty - The advice shown when nobody matches.
 */
export class PasserelleDirectory extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, ...directoryStyles];

  /** How many people a page lists (1 to 100; "Show more" reads the next page). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private items: ProfileView[] | null = null;
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  /** A failure to read the directory, worded when drawn (a change of language rewords it). */
  @state() private loadError: ApiError | null = null;
  @state() private schools: School[] = [];
  /** The school filter (a native select: its empty choice reads "All schools"). */
  @state() private entity = '';

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  #loadedFor: string | null = null;
  #query: DirectoryQuery = {};
  /** Only the latest request may change the list: an older answer arriving late is dropped. */
  #ticket = 0;

  readonly #form = new FormController(this, {
    schema: DirectorySearchSchema,
    action: 'search-directory',
    // Not awaited: the form stays usable while the list loads, and failures show in the live region.
    submit: async (search) => {
      this.#query = { ...directoryQuery(search), ...(this.entity ? { entity: this.entity } : {}) };
      void this.#fetch();
    },
  });

  override updated(): void {
    const signedIn = this.session.signedIn;
    if (signedIn && this.#loadedFor !== signedIn.me.person.id) {
      this.#loadedFor = signedIn.me.person.id;
      this.#query = {};
      // After this update, not inside it: both change the state drawn.
      queueMicrotask(() => {
        void this.#loadSchools(signedIn.client);
        void this.#fetch();
      });
    }
  }

  async #loadSchools(client: PasserelleClient): Promise<void> {
    this.schools = await schoolsOf(client);
  }

  /** Reads the first page of the current search, or the next one after `cursor`. */
  async #fetch(cursor?: string): Promise<void> {
    const client = this.session.signedIn?.client;
    if (!client) return;
    const ticket = ++this.#ticket;
    this.loading = true;
    this.loadError = null;
    try {
      const page = await client.json(client.rpc.profiles.$get({ query: { ...this.#query, sort: 'name', limit: pageLimit(this.pageSize), cursor } }));
      if (ticket !== this.#ticket) return;
      this.items = withPage(this.items, cursor, page.items);
      this.nextCursor = page.nextCursor;
      this.loading = false;
      await focusFirstAdded(this, cursor, page.items[0], 'person-');
    } catch (error) {
      if (ticket !== this.#ticket) return;
      const e = error instanceof ApiError ? error : ApiError.network(error);
      this.loadError = e;
      this.loading = false;
      this.dispatchEvent(new PasserelleErrorEvent({ error: e, action: 'search-directory' }));
    }
  }

  #clear = (): void => {
    this.#form.reset({});
    this.entity = '';
    this.#query = {};
    void this.#fetch();
  };

  #retry = (): void => {
    void this.#fetch(this.items && this.items.length > 0 ? (this.nextCursor ?? undefined) : undefined);
  };

  #status(t: typeof fr): string {
    if (this.loading) return t.searching;
    if (this.loadError) return problemText(this.loadError, this);
    if (this.items === null) return '';
    return this.items.length === 0 ? t.none : t.found(this.items.length, this.nextCursor !== null);
  }

  override render() {
    const t = this.#l10n.t;
    return this.session.render(
      () => html`<h2 id="directory-title" tabindex="-1">${t.title}</h2>
        <p class="intro">${t.intro}</p>
        ${this.#filters(t)}
        <div part="status" class="status" role="status" aria-live="polite">${this.#status(t)}</div>
        ${this.loadError ? html`<button part="button" type="button" data-retry @click=${this.#retry}>${t.retry}</button>` : nothing}
        ${this.#results(t)}`,
    );
  }

  #filters(t: typeof fr): TemplateResult {
    const f = this.#form;
    return html`<form part="filters" class="filters" role="search" aria-labelledby="directory-title" novalidate @submit=${f.onSubmit}>
      ${f.summary()}
      ${f.field({ name: 'q', label: t.name, empty: 'omit', autocomplete: 'off', maxlength: 100 })}
      <fieldset class="group">
        <legend>${t.filters}</legend>
        <div class="grid">
          <div part="field" class="field">
            <label part="label" for="directory-school">${t.school}</label>
            <select part="input" id="directory-school" name="entity" .value=${this.entity} @change=${(e: Event) => (this.entity = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.entity === ''}>${t.anySchool}</option>
              ${this.schools.map((s) => html`<option value=${s.id} ?selected=${this.entity === s.id}>${s.name}</option>`)}
            </select>
          </div>
          ${f.field({ name: 'graduationYear', label: t.year, hint: t.yearHint, empty: 'omit', inputmode: 'numeric', autocomplete: 'off', maxlength: 4 })}
          ${f.field({ name: 'employer', label: t.employer, empty: 'omit', autocomplete: 'off', maxlength: 200 })}
          ${f.field({ name: 'sector', label: t.sector, empty: 'omit', autocomplete: 'off', maxlength: 100 })}
          ${f.field({ name: 'city', label: t.city, empty: 'omit', autocomplete: 'off', maxlength: 100 })}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>${t.availableFor}</legend>
        <div class="grid">${(['mentoring', 'talks', 'hiringInterns'] as const).map((k) => f.field({ name: k, type: 'checkbox', label: t.availability[k] }))}</div>
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
        ${items.map((p) => personCard(p, t))}
      </ul>
      ${this.nextCursor && !this.loadError
        ? html`<button part="button" type="button" data-more @click=${() => void this.#fetch(this.nextCursor ?? undefined)}>${t.more}</button>`
        : nothing}`;
  }
}
