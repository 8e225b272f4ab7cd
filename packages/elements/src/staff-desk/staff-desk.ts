import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { AuditEntry, DuplicateFlag, ProfileView } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { QueueController } from '../core/queue-controller.ts';
import { displayName } from '../directory/display-name.ts';
import { queueStyles } from '../styles/queue.ts';
import { en, fr } from './translations.ts';
import { staffDeskStyles } from './staff-desk.styles.ts';

/** One possible duplicate to review: the flag, on the profile it was raised for. */
interface FlagItem {
  id: string;
  profile: ProfileView;
  flag: DuplicateFlag;
}

/** The fields compared side by side, in the order read. */
const compared = ['givenName', 'familyName', 'usageName', 'email', 'school', 'graduationYear', 'programme', 'employer', 'workCity'] as const;
type Compared = (typeof compared)[number];

function valueOf(p: ProfileView, key: Compared): string {
  if (key === 'email') return p.emails?.find((e) => e.primary)?.address ?? p.emails?.[0]?.address ?? '';
  if (key === 'school') return p.educationEntityName ?? '';
  const value = p[key];
  return value === undefined || value === null ? '' : String(value);
}

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : ApiError.network(error));

/**
 * @tagname passerelle-staff-desk
 * @summary The staff's desk for the schools they look after: find a person, review possible duplicates side by side, read the audit log.
 *
 * For people who may read the audit log (`audit.read`: staff of an entity,
 * administrators); the server scopes every list to their entities.
 *
 * - **Find a person**: `GET /v1/profiles?q=` (the directory's search, as staff
 *   see people); each person found opens their entries of the audit log.
 * - **Possible duplicates**: `GET /v1/profiles?flagged=true`, one item per
 *   flag (a shared queue, `core/queue-controller.ts`); "Compare" reads the
 *   other profile and shows both side by side, differences marked;
 *   "These are different people" resolves the flag
 *   (`POST /v1/profiles/:id/review-flags/:flagId/resolve`), announced in a
 *   live region, focus back on the heading.
 * - **Audit log**: `GET /v1/audit`, filtered by person, action (exact, or a
 *   prefix ending with a dot) and dates, newest first, "Show more" by cursor.
 *
 * @event passerelle-saved - A flag was resolved. `detail: { kind: 'duplicate-flag', item }` (the profile as staff now see it).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }` (`search-people`, `load-duplicates`, `compare-profiles`, `resolve-duplicate`, `read-audit`).
 * @csspart people - The people found.
 * @csspart duplicates - The list of possible duplicates.
 * @csspart duplicate - One possible duplicate.
 * @csspart comparison - The side-by-side table of two profiles.
 * @csspart audit-filters - The audit log's filter form.
 * @csspart audit - The audit log's entries.
 */
export class PasserelleStaffDesk extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, queueStyles, staffDeskStyles];

  readonly #l10n = new LocaleController(this, { fr, en });

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

  // Audit
  @state() private auditPerson: { id: string; name: string } | null = null;
  @state() private auditAction = '';
  @state() private auditFrom = '';
  @state() private auditTo = '';
  @state() private audit: AuditEntry[] | null = null;
  @state() private auditCursor: string | null = null;
  @state() private auditError: ApiError | null = null;
  #auditFor: string | null = null;
  #auditTicket = 0;

  override updated(): void {
    const signedIn = this.session.signedIn;
    const who = signedIn && signedIn.me.can['audit.read'] ? signedIn.me.person.id : null;
    if (who === this.#auditFor) return;
    this.#auditFor = who;
    // Someone else signed in: nothing of the previous person's desk stays.
    queueMicrotask(() => {
      this.people = null;
      this.auditPerson = null;
      this.openFlag = '';
      this.other = null;
      this.audit = null;
      if (who) void this.#readAudit();
    });
  }

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

  #showAuditOf = (person: ProfileView) => async (): Promise<void> => {
    this.auditPerson = { id: person.id, name: displayName(person) ?? this.#l10n.t.hidden };
    await this.#readAudit();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#audit-title')?.focus();
  };

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

  // ——— Audit

  async #readAudit(cursor?: string): Promise<void> {
    const client = this.session.signedIn?.client;
    if (!client) return;
    const ticket = ++this.#auditTicket;
    this.auditError = null;
    try {
      const query = {
        person: this.auditPerson?.id,
        action: this.auditAction || undefined,
        from: this.auditFrom || undefined,
        to: this.auditTo || undefined,
        limit: '20',
        cursor,
      };
      const page = await client.json(client.rpc.audit.$get({ query }));
      if (ticket !== this.#auditTicket) return;
      this.audit = cursor ? [...(this.audit ?? []), ...page.items] : page.items;
      this.auditCursor = page.nextCursor;
    } catch (error) {
      if (ticket !== this.#auditTicket) return;
      this.auditError = this.#fail(error, 'read-audit');
      if (!cursor) this.audit = [];
    }
  }

  #filterAudit = (e: Event): void => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    this.auditAction = text('action');
    this.auditFrom = text('from');
    this.auditTo = text('to');
    if (text('person') === '') this.auditPerson = null;
    void this.#readAudit();
  };

  #clearAudit = (): void => {
    this.auditPerson = null;
    this.auditAction = '';
    this.auditFrom = '';
    this.auditTo = '';
    void this.#readAudit();
  };

  // ——— Drawing

  override render() {
    const t = this.#l10n.t;
    return this.session.render(({ me }) => {
      if (!me.can['audit.read']) return html`<h2>${t.title}</h2><p data-not-allowed>${t.notAllowed}</p>`;
      return html`<h2>${t.title}</h2>
        <p class="intro">${t.intro}</p>
        ${this.#findSection(t)} ${this.#flagsSection(t)} ${this.#auditSection(t)}`;
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
                <button part="button" type="button" data-audit-of @click=${this.#showAuditOf(p)}>${t.auditOf(name)}</button>
              </li>`;
            })}
          </ul>`
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
    return html`<div class="scroll">
        <table part="comparison">
          <caption class="visually-hidden">${t.comparisonOf(displayName(item.profile) ?? t.hidden, displayName(other) ?? t.hidden)}</caption>
          <thead>
            <tr><th scope="col">${t.field}</th><th scope="col">${t.profileA}</th><th scope="col">${t.profileB}</th></tr>
          </thead>
          <tbody>
            ${compared.map((key) => {
              const a = valueOf(item.profile, key);
              const b = valueOf(other, key);
              const same = a !== '' && a.toLowerCase() === b.toLowerCase();
              return html`<tr data-field=${key} class=${same ? 'same' : ''}>
                <th scope="row">${t.fields[key]}</th><td>${a || t.notShown}</td><td>${b || t.notShown}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <button part="button" class="primary" type="button" data-resolve aria-disabled=${this.resolving === item.id ? 'true' : 'false'} @click=${this.#resolve(item)}>${t.resolve}</button>`;
  }

  #auditSection(t: typeof fr): TemplateResult {
    const entries = this.audit;
    return html`<section aria-labelledby="audit-title">
      <h3 id="audit-title" tabindex="-1">${t.auditTitle}</h3>
      <p>${t.auditIntro}</p>
      <form part="audit-filters" class="filters" aria-labelledby="audit-title" @submit=${this.#filterAudit}>
        <div part="field" class="field">
          <label part="label" for="audit-person">${t.person}</label>
          <select part="input" id="audit-person" name="person">
            <option value="" ?selected=${!this.auditPerson}>${t.anyone}</option>
            ${this.auditPerson ? html`<option value=${this.auditPerson.id} selected>${this.auditPerson.name}</option>` : nothing}
          </select>
        </div>
        <div part="field" class="field">
          <label part="label" for="audit-action">${t.action}</label>
          <input part="input" id="audit-action" name="action" autocomplete="off" maxlength="80" .value=${this.auditAction} />
        </div>
        <div part="field" class="field">
          <label part="label" for="audit-from">${t.from}</label>
          <input part="input" id="audit-from" name="from" type="date" .value=${this.auditFrom} />
        </div>
        <div part="field" class="field">
          <label part="label" for="audit-to">${t.to}</label>
          <input part="input" id="audit-to" name="to" type="date" .value=${this.auditTo} />
        </div>
        <div class="actions">
          <button part="button" type="submit">${t.apply}</button>
          <button part="button" type="button" @click=${this.#clearAudit}>${t.clear}</button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-audit-status>
        ${this.auditError ? problemText(this.auditError, this) : entries === null ? t.loading : entries.length === 0 ? t.auditEmpty : t.auditCount(entries.length, this.auditCursor !== null)}
      </div>
      ${entries && entries.length > 0
        ? html`<ol part="audit" class="queue audit">
            ${entries.map(
              (entry) => html`<li data-entry=${entry.id}>
                <dl>
                  <div><dt>${t.when}</dt><dd><time datetime=${entry.at}>${this.#l10n.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time></dd></div>
                  <div><dt>${t.who}</dt><dd>${entry.actor ? (entry.actor.displayName ?? t.hidden) : t.system}</dd></div>
                  <div><dt>${t.on}</dt><dd data-object>${t.objects[entry.objectType] ?? entry.objectType}</dd></div>
                  <div><dt>${t.what}</dt><dd><code data-action>${entry.action}</code></dd></div>
                  <div><dt>${t.origin}</dt><dd>${entry.origin ?? t.unknownOrigin}</dd></div>
                </dl>
              </li>`,
            )}
          </ol>
          ${this.auditCursor ? html`<button part="button" type="button" data-more-audit @click=${() => void this.#readAudit(this.auditCursor ?? undefined)}>${t.more}</button>` : nothing}`
        : nothing}
    </section>`;
  }
}
