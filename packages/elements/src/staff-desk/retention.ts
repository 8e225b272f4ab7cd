import { html, nothing, type TemplateResult } from 'lit';
import type { InactivePerson, RetentionRule } from '@passerelle/schema';
import { problemText } from '../core/api-error.ts';
import { QueueController } from '../core/queue-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { DeskContext, DeskPanel } from './desk-context.ts';
import { enRetention, frRetention } from './retention.words.ts';

type Words = typeof frRetention;
type Item = InactivePerson & { id: string };

/** The desk's "Inactive people" tab: fetched with its words when the tab is first opened. */
export const retentionPanel = (c: DeskContext): DeskPanel => new Retention(c);

/**
 * Retention (issue 20 item 5): the people of the caller's schools who showed
 * no sign of life for the institution's number of years, with the rule that
 * lists them (`GET /v1/retention/inactive`), each with their schools and last
 * sign of life; anonymising one after a confirmation
 * (`POST /v1/retention/people/:personId/anonymise`, the erasure's own
 * machinery), announced, focus back on the heading.
 */
class Retention implements DeskPanel {
  readonly #c: DeskContext;
  readonly #words: LocaleController<Words>;
  readonly #queue: QueueController<Item, Words>;
  /** The rule the last page came with. */
  #rule: RetentionRule | null = null;
  /** The person whose confirmation is open, and the one being anonymised. */
  #confirming = '';
  #working = '';

  constructor(c: DeskContext) {
    this.#c = c;
    this.#words = new LocaleController(c.host, { fr: frRetention, en: enRetention });
    this.#queue = new QueueController<Item, Words>(c.host, {
      session: c.session,
      allowed: (me) => me.can['audit.read'] === true,
      page: async (client, cursor) => {
        const page = await client.json(client.rpc.retention.inactive.$get({ query: { limit: '20', cursor } }));
        this.#rule = page.rule;
        return { items: page.items.map((p) => ({ ...p, id: p.personId })), nextCursor: page.nextCursor };
      },
      loadAction: 'load-inactive-people',
      heading: '#retention-title',
    });
    c.host.requestUpdate();
  }

  reset(): void {
    // The queue loads again for whoever signed in; only what is open here is this panel's.
    this.#confirming = '';
    this.#working = '';
  }

  #name(item: Item): string {
    return item.displayName ?? this.#words.t.erased;
  }

  #open = (item: Item) => async (): Promise<void> => {
    this.#confirming = this.#confirming === item.id ? '' : item.id;
    this.#c.host.requestUpdate();
    if (this.#confirming) await this.#c.focus(`#anonymise-${item.id} [data-confirm]`);
  };

  #anonymise = (item: Item) => async (): Promise<void> => {
    const client = this.#c.signedIn()?.client;
    if (!client || this.#working) return;
    this.#working = item.id;
    this.#c.host.requestUpdate();
    const name = this.#name(item);
    try {
      const answer = await client.json(client.rpc.retention.people[':personId'].anonymise.$post({ param: { personId: item.personId } }));
      this.#confirming = '';
      await this.#queue.decided(item, (t) => t.anonymised(name), { kind: 'retention-anonymised', answer });
    } catch (error) {
      const problem = this.#queue.failed(error, 'anonymise-person');
      // Active again, or erased by someone else meanwhile: no longer listed.
      if (problem.status === 409 || problem.status === 404) this.#queue.remove(item.id);
    } finally {
      this.#working = '';
      this.#c.host.requestUpdate();
    }
  };

  render(): TemplateResult {
    const t = this.#words.t;
    const q = this.#queue;
    const rule = this.#rule;
    return html`<section aria-labelledby="retention-title">
      <h3 id="retention-title" tabindex="-1">${t.title}</h3>
      ${rule ? html`<p data-rule>${t.rule(this.#c.day(rule.inactiveSince), rule.inactiveYears, rule.source === 'default')}</p>` : nothing}
      <p class="meta">${t.cnil} ${t.excluded}</p>
      <div role="status" aria-live="polite">${q.status?.(t) ?? ''}</div>
      <div role="alert">${q.error ? html`<p class="error">${problemText(q.error, this.#c.host)}</p>` : nothing}</div>
      ${q.items === null
        ? html`<p>${this.#c.l10n.t.loading}</p>`
        : q.items.length === 0
          ? html`<p data-retention-empty>${t.empty}</p>`
          : html`<p data-retention-count>${t.count(q.items.length, q.nextCursor !== null)}</p>
              <ul part="inactive-people" class="queue">
                ${q.items.map((item) => this.#person(t, item))}
              </ul>
              ${q.nextCursor ? html`<button part="button" type="button" @click=${q.more}>${t.more}</button>` : nothing}`}
    </section>`;
  }

  #person(t: Words, item: Item): TemplateResult {
    const name = this.#name(item);
    const open = this.#confirming === item.id;
    const where = item.memberships.map((m) => `${m.entityName} (${t.roles[m.role] ?? m.role})`).join(' · ');
    return html`<li part="inactive-person" data-person=${item.id}>
      <h4>${name}</h4>
      ${where ? html`<p class="meta">${where}</p>` : nothing}
      <p data-last>${t.last(item.lastActivity.kind, this.#c.day(item.lastActivity.at.slice(0, 10)))}</p>
      <button part="button" type="button" data-anonymise aria-expanded=${open ? 'true' : 'false'} aria-controls=${`anonymise-${item.id}`} aria-label=${t.anonymiseLabel(name)}
        @click=${this.#open(item)}>${t.anonymise}</button>
      <div id=${`anonymise-${item.id}`} role="group" aria-labelledby=${`anonymise-title-${item.id}`} ?hidden=${!open}>
        ${open
          ? html`<p id=${`anonymise-title-${item.id}`}><strong>${t.confirmTitle}</strong></p>
              <p>${t.confirmBody}</p>
              <div class="actions">
                <button part="button" class="primary" type="button" data-confirm aria-disabled=${this.#working === item.id ? 'true' : 'false'} @click=${this.#anonymise(item)}>${t.confirm(name)}</button>
                <button part="button" type="button" @click=${this.#open(item)}>${t.cancel}</button>
              </div>`
          : nothing}
      </div>
    </li>`;
  }
}
