import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { DuplicateFlag, ProfileView } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { QueueController } from '../core/queue-controller.ts';
import { SessionShare } from '../core/session-share.ts';
import { displayName } from '../directory/display-name.ts';
import { queueStyles } from '../styles/queue.ts';
import { en, fr } from './translations.ts';
import { staffDeskStyles } from './staff-desk.styles.ts';
import { AuditLog } from './audit-log.ts';
import { tabList } from './tabs.ts';
import { comparisonTable } from './comparison.ts';
import type { DeskContext, DeskPanel } from './desk-context.ts';

/** The desk's tabs: people (find, duplicates, the audit log), gifts and apprenticeship tax, erasure requests, inactive people (retention). */
const tabs = ['people', 'gifts', 'erasure', 'retention'] as const;
type Tab = (typeof tabs)[number];

/** The panels in modules of their own, fetched when their tab is first opened (not in staff-desk.js: budgets.json). */
const panelModules = {
  gifts: () => import('./reconciliation.ts').then((m) => m.reconciliationPanel),
  erasure: () => import('./erasure-requests.ts').then((m) => m.erasurePanel),
  retention: () => import('./retention.ts').then((m) => m.retentionPanel),
};

/** One possible duplicate to review: the flag, on the profile it was raised for. */
interface FlagItem {
  id: string;
  profile: ProfileView;
  flag: DuplicateFlag;
}

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : ApiError.network(error));

/**
 * @tagname passerelle-staff-desk
 * @summary The staff's desk for the schools they look after: find a person and correct their profile, review possible duplicates side by side, read the audit log, reconcile gifts and apprenticeship tax, process erasure requests, review and anonymise inactive people.
 *
 * For people who may read the audit log (`audit.read`: staff of an entity,
 * administrators); the server scopes every list to their entities. Its parts
 * are tabs (arrow keys, Home and End move between them); a tab other than
 * the first is a module of its own, fetched when it is first opened.
 *
 * **People and log**
 * - **Find a person**: `GET /v1/profiles?q=` (the directory's search, as staff
 *   see people); each person found opens their entries of the audit log, and,
 *   where the server shows them with the staff view (the policy's audience
 *   `staff`: their school's staff, administrators), their profile for
 *   correction in `<passerelle-profile-editor person-id>` (fetched when first
 *   opened; school-owned fields editable, saved with `PATCH /v1/profiles/:id`).
 *   Used alone, the desk gives that editor its own session.
 * - **Possible duplicates**: `GET /v1/profiles?flagged=true`, one item per
 *   flag (a shared queue, `core/queue-controller.ts`); "Compare" reads the
 *   other profile and shows both side by side, differences marked;
 *   "These are different people" resolves the flag
 *   (`POST /v1/profiles/:id/review-flags/:flagId/resolve`), announced in a
 *   live region, focus back on the heading.
 * - **Audit log**: `GET /v1/audit`, filtered by person, action (exact, or a
 *   prefix ending with a dot) and dates, newest first, "Show more" by cursor.
 *
 * **Gifts and apprenticeship tax** (`reconciliation.ts`)
 * - **Totals** by campaign, kind and status, and by school: `GET /v1/pledges/totals`.
 * - **Import a SOLTéA transfer report** (a CSV file, UTF-8 or Windows-1252):
 *   `POST /v1/pledges/import`, then what became of each line.
 * - **Transfers to match**: the lines no pledge, or several, matched
 *   (`GET /v1/pledges/transfers`), each with the open pledges it could settle;
 *   staff choose one (`POST /v1/pledges/transfers/:id/match`), announced,
 *   focus back on the heading.
 *
 * **Erasure requests** (`erasure-requests.ts`)
 * - The pending requests of the people of the reader's schools, the nearest
 *   due date first (`GET /v1/erasure-requests?status=pending`), each with its
 *   due date, one month after the request (GDPR art. 12(3)), and how far it
 *   is or how late; processing one after a confirmation
 *   (`POST /v1/erasure-requests/:id/process`), announced, focus back on the
 *   heading; then the processed ones, latest first (administrators: once
 *   erased, a person belongs to no school).
 *
 * **Inactive people** (`retention.ts`)
 * - The people of the reader's schools with no sign of life for the
 *   institution's number of years, with the rule in words
 *   (`GET /v1/retention/inactive`), each with their schools and last sign of
 *   life; anonymising one after a confirmation
 *   (`POST /v1/retention/people/:personId/anonymise`, the erasure's own
 *   machinery), announced, focus back on the heading.
 *
 * @event passerelle-saved - A flag was resolved, a transfer matched, an erasure request processed, an inactive person anonymised. `detail: { kind: 'duplicate-flag' | 'pledge-transfer' | 'erasure-request' | 'retention-anonymised', item }` (the profile as staff now see it; the transfer as now matched; the request as now processed; what the anonymisation did).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }` (`search-people`, `load-duplicates`, `compare-profiles`, `resolve-duplicate`, `read-audit`, `load-panel`, `read-totals`, `import-transfers`, `load-transfers`, `match-transfer`, `load-erasure-requests`, `process-erasure`, `load-inactive-people`, `anonymise-person`).
 * @csspart tabs - The row of tabs.
 * @csspart tab - One tab.
 * @csspart panel - The panel of a tab.
 * @csspart people - The people found.
 * @csspart correction - The profile opened for correction, with its editor.
 * @csspart duplicates - The list of possible duplicates.
 * @csspart duplicate - One possible duplicate.
 * @csspart comparison - The side-by-side table of two profiles.
 * @csspart audit-filters - The audit log's filter form.
 * @csspart audit - The audit log's entries.
 * @csspart totals - A table of totals (by campaign and status, by school).
 * @csspart import - The transfer report's import form.
 * @csspart report - What became of each line of the imported report.
 * @csspart transfers - The transfers to match.
 * @csspart transfer - One transfer to match.
 * @csspart candidates - The pledges a transfer could settle, to choose from.
 * @csspart erasure-requests - The pending erasure requests.
 * @csspart erasure-request - One pending erasure request.
 * @csspart erasure-done - The processed erasure requests.
 * @csspart inactive-people - The inactive people to review.
 * @csspart inactive-person - One inactive person.
 */
export class PasserelleStaffDesk extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, queueStyles, staffDeskStyles];

  readonly #l10n = new LocaleController(this, { fr, en });
  readonly #context: DeskContext = {
    host: this,
    l10n: this.#l10n,
    session: this.session,
    signedIn: () => this.session.signedIn,
    fail: (error, action) => this.#fail(error, action),
    focus: async (selector) => {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    },
    day: (date) => this.#l10n.date(date, { dateStyle: 'long', timeZone: 'UTC' }),
  };
  readonly #audit = new AuditLog(this.#context);
  readonly #panels = new Map<Tab, DeskPanel>();
  // Used alone, the profile editor opened inside the desk gets the desk's own session.
  readonly #share = new SessionShare(this, this.session);
  #for: string | null = null;

  @state() private tab: Tab = 'people';
  /** The person whose profile is open for correction (the profile editor in staff mode). */
  @state() private correcting: { id: string; name: string } | null = null;
  @state() private panelError: ApiError | null = null;

  // Find a person
  @state() private people: ProfileView[] | null = null;
  @state() private searching = false;
  @state() private searchError: ApiError | null = null;

  // Duplicates
  @state() private openFlag = '';
  @state() private other: ProfileView | null = null;
  @state() private compareError: ApiError | null = null;
  @state() private resolving = '';

  readonly #flags: QueueController<FlagItem, typeof fr> = new QueueController<FlagItem, typeof fr>(this, {
    session: this.session,
    allowed: (me) => me.can['audit.read'] === true,
    page: async (client, cursor): Promise<{ items: FlagItem[]; nextCursor: string | null }> => {
      const page = await client.json(client.rpc.profiles.$get({ query: { flagged: 'true', sort: 'name', limit: '20', cursor } }));
      // A flag is listed under both its profiles when the reader looks after both: shown once, under the first.
      const seen = new Set<string>(cursor ? (this.#flags.items ?? []).map((item) => item.id) : []);
      const items = page.items.flatMap((profile) => (profile.reviewFlags ?? []).map((flag) => ({ id: flag.id, profile, flag })));
      return { items: items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id))), nextCursor: page.nextCursor };
    },
    loadAction: 'load-duplicates',
    heading: '#flags-title',
  });

  override updated(): void {
    const signedIn = this.session.signedIn;
    const who = signedIn && signedIn.me.can['audit.read'] ? signedIn.me.person.id : null;
    if (who === this.#for) return;
    this.#for = who;
    // Someone else signed in: nothing of the previous person's desk stays.
    queueMicrotask(() => {
      this.people = null;
      this.correcting = null;
      this.openFlag = '';
      this.other = null;
      this.#audit.reset(who);
      for (const panel of this.#panels.values()) panel.reset(who);
    });
  }

  /** Opens a tab; a panel in a module of its own is fetched the first time. */
  #choose = async (tab: Tab): Promise<void> => {
    this.tab = tab;
    const load = panelModules[tab as keyof typeof panelModules] as (() => Promise<(c: DeskContext) => DeskPanel>) | undefined;
    if (load && !this.#panels.has(tab)) {
      try {
        this.#panels.set(tab, (await load())(this.#context));
      } catch (error) {
        this.panelError = this.#fail(error, 'load-panel');
      }
    }
    this.requestUpdate();
    await this.updateComplete;
  };

  #fail(error: unknown, action: string): ApiError {
    const e = asApiError(error);
    this.dispatchEvent(new PasserelleErrorEvent({ error: e, action }));
    return e;
  }

  // ——— Find a person

  #search = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.session.signedIn?.client;
    const q = (new FormData(e.target as HTMLFormElement).get('q') as string | null)?.trim() ?? '';
    if (!client || !q) return;
    this.searching = true;
    this.searchError = null;
    try {
      const page = await client.json(client.rpc.profiles.$get({ query: { q, sort: 'name', limit: '20' } }));
      this.people = page.items;
    } catch (error) {
      this.searchError = this.#fail(error, 'search-people');
      this.people = null;
    } finally {
      this.searching = false;
    }
  };

  /** Opens the person's profile in the profile editor's staff mode (its code fetched the first time), focus on its heading. */
  #correct = (person: ProfileView) => async (): Promise<void> => {
    try {
      await import('../profile-editor/define.ts');
    } catch (error) {
      this.searchError = this.#fail(error, 'load-panel');
      return;
    }
    this.correcting = { id: person.id, name: displayName(person) ?? this.#l10n.t.hidden };
    await this.#context.focus('#correction-title');
  };

  #closeCorrection = async (): Promise<void> => {
    const id = this.correcting?.id;
    this.correcting = null;
    await this.#context.focus(`[data-person="${id}"] [data-correct]`);
  };

  #showAuditOf = (person: ProfileView) => (): Promise<void> => this.#audit.showPerson({ id: person.id, name: displayName(person) ?? this.#l10n.t.hidden });

  // ——— Duplicates

  #compare = (item: FlagItem) => async (): Promise<void> => {
    if (this.openFlag === item.id) {
      this.openFlag = '';
      return;
    }
    const client = this.session.signedIn?.client;
    if (!client) return;
    this.openFlag = item.id;
    this.other = null;
    this.compareError = null;
    try {
      this.other = await client.json(client.rpc.profiles[':id'].$get({ param: { id: item.flag.otherProfileId } }));
    } catch (error) {
      this.compareError = this.#fail(error, 'compare-profiles');
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#comparison-${item.id}`)?.focus();
  };

  #resolve = (item: FlagItem) => async (): Promise<void> => {
    const client = this.session.signedIn?.client;
    if (!client || this.resolving) return;
    this.resolving = item.id;
    const t = this.#l10n.t;
    const a = displayName(item.profile) ?? t.hidden;
    const b = (this.other && displayName(this.other)) ?? t.hidden;
    try {
      const answer = await client.json(client.rpc.profiles[':id']['review-flags'][':flagId'].resolve.$post({ param: { id: item.profile.id, flagId: item.flag.id } }));
      this.openFlag = '';
      await this.#flags.decided(item, (t) => t.resolved(a, b), { kind: 'duplicate-flag', answer });
    } catch (error) {
      const e = this.#flags.failed(error, 'resolve-duplicate');
      // Resolved by someone else meanwhile: it no longer belongs in the queue.
      if (e.status === 409 || e.status === 404) this.#flags.remove(item.id);
    } finally {
      this.resolving = '';
    }
  };

  // ——— Drawing

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      if (!me.can['audit.read']) return html`<h2>${t.title}</h2><p data-not-allowed>${t.notAllowed}</p>`;
      const panel = (tab: Tab, content: () => unknown) =>
        html`<div part="panel" role="tabpanel" id=${`panel-${tab}`} aria-labelledby=${`tab-${tab}`} ?hidden=${this.tab !== tab}>${content()}</div>`;
      const lazy = (tab: Tab) => () =>
        this.#panels.get(tab)?.render() ?? (this.tab !== tab ? nothing : this.panelError ? html`<p role="alert" class="error">${problemText(this.panelError, this)}</p>` : html`<p>${t.loading}</p>`);
      return html`<h2>${t.title}</h2>
        <p class="intro">${t.intro}</p>
        ${tabList(t.sections, tabs.map((key) => ({ key, label: t.tabs[key] })), this.tab, this.#choose)}
        ${panel('people', () => [this.#findSection(t), this.#flagsSection(t), this.#audit.render()])} ${panel('gifts', lazy('gifts'))} ${panel('erasure', lazy('erasure'))} ${panel('retention', lazy('retention'))}`;
    });
  }

  #findSection(t: typeof fr): TemplateResult {
    const people = this.people;
    return html`<section aria-labelledby="find-title">
      <h3 id="find-title">${t.findTitle}</h3>
      <form role="search" aria-labelledby="find-title" class="inline" @submit=${this.#search}>
        <div part="field" class="field">
          <label part="label" for="find-q">${t.name}</label>
          <input part="input" id="find-q" name="q" type="search" autocomplete="off" maxlength="100" required />
        </div>
        <button part="button" type="submit">${t.search}</button>
      </form>
      <div role="status" aria-live="polite">
        ${this.searching ? t.searching : this.searchError ? problemText(this.searchError, this) : people ? t.found(people.length) : ''}
      </div>
      ${people && people.length > 0
        ? html`<ul part="people" class="queue">
            ${people.map((p) => {
              const name = displayName(p) ?? t.hidden;
              const school = [p.educationEntityName, p.graduationYear ? t.classOf(p.graduationYear) : null].filter(Boolean).join(' · ');
              return html`<li data-person=${p.id}>
                <h4>${name}</h4>
                ${school ? html`<p class="meta">${school}</p>` : nothing}
                <div class="actions">
                  <button part="button" type="button" data-audit-of @click=${this.#showAuditOf(p)}>${t.auditOf(name)}</button>
                  ${p.visibility ? html`<button part="button" type="button" data-correct @click=${this.#correct(p)}>${t.correct(name)}</button>` : nothing}
                </div>
              </li>`;
            })}
          </ul>`
        : nothing}
      ${this.correcting
        ? html`<section part="correction" class="correction" aria-labelledby="correction-title">
            <h4 id="correction-title" tabindex="-1">${t.correcting(this.correcting.name)}</h4>
            <passerelle-profile-editor person-id=${this.correcting.id}></passerelle-profile-editor>
            <button part="button" type="button" data-close-correction @click=${this.#closeCorrection}>${t.closeCorrection}</button>
          </section>`
        : nothing}
    </section>`;
  }

  #flagsSection(t: typeof fr): TemplateResult {
    const q = this.#flags;
    return html`<section aria-labelledby="flags-title">
      <h3 id="flags-title" tabindex="-1">${t.flagsTitle}</h3>
      <div role="status" aria-live="polite">${q.status?.(t) ?? ''}</div>
      <div role="alert">${q.error ? html`<p class="error">${problemText(q.error, this)}</p>` : nothing}</div>
      ${q.items === null
        ? html`<p>${t.loading}</p>`
        : q.items.length === 0
          ? html`<p data-empty>${t.flagsEmpty}</p>`
          : html`<p>${t.flagsCount(q.items.length)}</p>
              <ul part="duplicates" class="queue">
                ${q.items.map((item) => this.#flag(t, item))}
              </ul>
              ${q.nextCursor ? html`<button part="button" type="button" @click=${q.more}>${t.more}</button>` : nothing}`}
    </section>`;
  }

  #flag(t: typeof fr, item: FlagItem): TemplateResult {
    const name = displayName(item.profile) ?? t.hidden;
    const open = this.openFlag === item.id;
    return html`<li part="duplicate" data-flag=${item.id}>
      <h4>${name}</h4>
      <p class="meta">${t.reasons[item.flag.reason]} · ${t.flaggedOn(this.#l10n.date(item.flag.createdAt))}</p>
      <button part="button" type="button" data-compare aria-expanded=${open ? 'true' : 'false'} aria-controls=${`comparison-${item.id}`}
        aria-label=${open ? t.closeCompare : t.compareLabel(name)} @click=${this.#compare(item)}>${open ? t.closeCompare : t.compare}</button>
      <div id=${`comparison-${item.id}`} tabindex="-1" ?hidden=${!open}>${open ? this.#comparison(t, item) : nothing}</div>
    </li>`;
  }

  #comparison(t: typeof fr, item: FlagItem): TemplateResult {
    if (this.compareError) return html`<p role="alert" class="error">${problemText(this.compareError, this)}</p>`;
    const other = this.other;
    if (!other) return html`<p>${t.loading}</p>`;
    return html`${comparisonTable(t, item.profile, other)}
      <button part="button" class="primary" type="button" data-resolve aria-disabled=${this.resolving === item.id ? 'true' : 'false'} @click=${this.#resolve(item)}>${t.resolve}</button>`;
  }
}
