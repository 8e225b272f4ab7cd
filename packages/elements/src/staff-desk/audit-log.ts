import { html, nothing, type TemplateResult } from 'lit';
import type { AuditEntry } from '@passerelle/schema';
import { problemText, type ApiError } from '../core/api-error.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * The desk's audit log: `GET /v1/audit` filtered by person, action (exact,
 * or a prefix ending with a dot) and dates, newest first, "Show more" by
 * cursor. A person found by the desk's search opens their entries.
 */
export class AuditLog {
  readonly #c: DeskContext;
  person: { id: string; name: string } | null = null;
  #action = '';
  #from = '';
  #to = '';
  #entries: AuditEntry[] | null = null;
  #cursor: string | null = null;
  #error: ApiError | null = null;
  #ticket = 0;

  constructor(c: DeskContext) {
    this.#c = c;
  }

  /** Nothing of the previous reader's log stays; the log is read again for `who` (none: nobody allowed). */
  reset(who: string | null): void {
    this.person = null;
    this.#entries = null;
    this.#c.host.requestUpdate();
    if (who) void this.read();
  }

  /** Opens the entries by or about this person, focus on the log's heading. */
  async showPerson(person: { id: string; name: string }): Promise<void> {
    this.person = person;
    await this.read();
    await this.#c.focus('#audit-title');
  }

  async read(cursor?: string): Promise<void> {
    const client = this.#c.signedIn()?.client;
    if (!client) return;
    const ticket = ++this.#ticket;
    this.#error = null;
    try {
      const query = { person: this.person?.id, action: this.#action || undefined, from: this.#from || undefined, to: this.#to || undefined, limit: '20', cursor };
      const page = await client.json(client.rpc.audit.$get({ query }));
      if (ticket !== this.#ticket) return;
      this.#entries = cursor ? [...(this.#entries ?? []), ...page.items] : page.items;
      this.#cursor = page.nextCursor;
    } catch (error) {
      if (ticket !== this.#ticket) return;
      this.#error = this.#c.fail(error, 'read-audit');
      if (!cursor) this.#entries = [];
    } finally {
      this.#c.host.requestUpdate();
    }
  }

  #filter = (e: Event): void => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    this.#action = text('action');
    this.#from = text('from');
    this.#to = text('to');
    if (text('person') === '') this.person = null;
    void this.read();
  };

  #clear = (): void => {
    this.person = null;
    this.#action = '';
    this.#from = '';
    this.#to = '';
    void this.read();
  };

  render(): TemplateResult {
    const { t } = this.#c.l10n;
    const entries = this.#entries;
    return html`<section aria-labelledby="audit-title">
      <h3 id="audit-title" tabindex="-1">${t.auditTitle}</h3>
      <p>${t.auditIntro}</p>
      <form part="audit-filters" class="filters" aria-labelledby="audit-title" @submit=${this.#filter}>
        <div part="field" class="field">
          <label part="label" for="audit-person">${t.person}</label>
          <select part="input" id="audit-person" name="person">
            <option value="" ?selected=${!this.person}>${t.anyone}</option>
            ${this.person ? html`<option value=${this.person.id} selected>${this.person.name}</option>` : nothing}
          </select>
        </div>
        <div part="field" class="field">
          <label part="label" for="audit-action">${t.action}</label>
          <input part="input" id="audit-action" name="action" autocomplete="off" maxlength="80" .value=${this.#action} />
        </div>
        <div part="field" class="field">
          <label part="label" for="audit-from">${t.from}</label>
          <input part="input" id="audit-from" name="from" type="date" .value=${this.#from} />
        </div>
        <div part="field" class="field">
          <label part="label" for="audit-to">${t.to}</label>
          <input part="input" id="audit-to" name="to" type="date" .value=${this.#to} />
        </div>
        <div class="actions">
          <button part="button" type="submit">${t.apply}</button>
          <button part="button" type="button" @click=${this.#clear}>${t.clear}</button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-audit-status>
        ${this.#error ? problemText(this.#error, this.#c.host) : entries === null ? t.loading : entries.length === 0 ? t.auditEmpty : t.auditCount(entries.length, this.#cursor !== null)}
      </div>
      ${entries && entries.length > 0
        ? html`<ol part="audit" class="queue audit">
              ${entries.map((entry) => this.#entry(entry))}
            </ol>
            ${this.#cursor ? html`<button part="button" type="button" data-more-audit @click=${() => void this.read(this.#cursor ?? undefined)}>${t.more}</button>` : nothing}`
        : nothing}
    </section>`;
  }

  #entry(entry: AuditEntry): TemplateResult {
    const l10n = this.#c.l10n;
    const t = l10n.t;
    return html`<li data-entry=${entry.id}>
      <dl>
        <div><dt>${t.when}</dt><dd><time datetime=${entry.at}>${l10n.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time></dd></div>
        <div><dt>${t.who}</dt><dd>${entry.actor ? (entry.actor.displayName ?? t.hidden) : t.system}</dd></div>
        <div><dt>${t.on}</dt><dd data-object>${t.objects[entry.objectType] ?? entry.objectType}</dd></div>
        <div><dt>${t.what}</dt><dd><code data-action>${entry.action}</code></dd></div>
        <div><dt>${t.origin}</dt><dd>${entry.origin ?? t.unknownOrigin}</dd></div>
      </dl>
    </li>`;
  }
}
