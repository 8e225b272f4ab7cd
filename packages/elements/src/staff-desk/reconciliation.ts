import { html, nothing, type TemplateResult } from 'lit';
import * as v from 'valibot';
import { PledgeImportSchema, type PledgeStatusTotal, type PledgeTotal, type PledgeTransfer } from '@passerelle/schema';
import { problemText, type ApiError } from '../core/api-error.ts';
import type { BodyOf, Rpc } from '../core/client.ts';
import { QueueController } from '../core/queue-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { issueWords, loadMessages, localesInUse, messageWords } from '../i18n/messages.ts';
import type { DeskContext, DeskPanel } from './desk-context.ts';
import { enGifts, frGifts } from './reconciliation.words.ts';

type Words = typeof frGifts;
type Report = BodyOf<Rpc['pledges']['import']['$post']>;

/** Why a line of the report is invalid, as a message code (absent from the other lines). */
const reasonOf = (line: Report['lines'][number]): { code: string; params: unknown } | null => ('code' in line ? { code: line.code, params: line.params } : null);

/** The report's bytes as text: UTF-8 when they are, else Windows-1252 (a spreadsheet's CSV on Windows). */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The desk's "Gifts and apprenticeship tax" tab: fetched with its words when the tab is first opened. */
export const reconciliationPanel = (c: DeskContext): DeskPanel => new Reconciliation(c);

/**
 * Reconciliation (issue 18 item 4): totals by campaign and status
 * (`GET /v1/pledges/totals`), the SOLTéA transfer report's import with what
 * became of each line (`POST /v1/pledges/import`), and the kept transfers to
 * match by hand, each with the open pledges it could settle
 * (`GET /v1/pledges/transfers`, `POST /v1/pledges/transfers/:id/match`).
 */
class Reconciliation implements DeskPanel {
  readonly #c: DeskContext;
  readonly #words: LocaleController<Words>;
  readonly #queue: QueueController<PledgeTransfer, Words>;
  #totals: { items: PledgeTotal[]; byStatus: PledgeStatusTotal[] } | null = null;
  #totalsError: ApiError | null = null;
  #report: Report | null = null;
  /** The file is missing (`true`), or the schema refused its text (its issue), or the API refused it. */
  #fileProblem: true | v.BaseIssue<unknown> | ApiError | null = null;
  #importing = false;
  /** Per kept transfer: the pledge chosen, and a refusal to show under its choice (`true`: none chosen). */
  #chosen = new Map<string, string>();
  #matchProblem = new Map<string, true | ApiError>();
  #matching = '';

  constructor(c: DeskContext) {
    this.#c = c;
    this.#words = new LocaleController(c.host, { fr: frGifts, en: enGifts });
    this.#queue = new QueueController<PledgeTransfer, Words>(c.host, {
      session: c.session,
      allowed: (me) => me.can['audit.read'] === true,
      page: (client, cursor) => client.json(client.rpc.pledges.transfers.$get({ query: { status: 'open', limit: '20', cursor } })),
      loadAction: 'load-transfers',
      heading: '#transfers-title',
    });
    this.reset(c.signedIn()?.me.person.id ?? null);
  }

  reset(who: string | null): void {
    this.#totals = null;
    this.#report = null;
    this.#fileProblem = null;
    this.#chosen.clear();
    this.#matchProblem.clear();
    this.#c.host.requestUpdate();
    if (who) void this.#readTotals();
  }

  async #readTotals(): Promise<void> {
    const client = this.#c.signedIn()?.client;
    if (!client) return;
    try {
      this.#totals = await client.json(client.rpc.pledges.totals.$get({ query: {} }));
      this.#totalsError = null;
    } catch (error) {
      this.#totalsError = this.#c.fail(error, 'read-totals');
    }
    this.#c.host.requestUpdate();
  }

  #import = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#c.signedIn()?.client;
    const file = (e.target as HTMLFormElement).querySelector<HTMLInputElement>('#report-file')?.files?.[0];
    if (!client || this.#importing) return;
    this.#report = null;
    this.#fileProblem = null;
    if (!file) this.#fileProblem = true;
    else {
      const csv = decode(await file.arrayBuffer());
      const checked = v.safeParse(PledgeImportSchema, { csv });
      if (!checked.success) {
        await loadMessages(localesInUse);
        this.#fileProblem = checked.issues[0];
      } else {
        this.#importing = true;
        this.#c.host.requestUpdate();
        try {
          this.#report = await client.json(client.rpc.pledges.import.$post({ json: { csv } }));
          if (this.#report.lines.some(reasonOf)) await loadMessages(localesInUse);
          void this.#readTotals();
          void this.#queue.reload();
        } catch (error) {
          this.#fileProblem = this.#c.fail(error, 'import-transfers');
        } finally {
          this.#importing = false;
        }
      }
    }
    this.#c.host.requestUpdate();
    await this.#c.focus(this.#fileProblem ? '#report-file' : '#report-outcome');
  };

  #match = (item: PledgeTransfer) => async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#c.signedIn()?.client;
    const pledgeId = this.#chosen.get(item.id);
    if (!client || this.#matching) return;
    this.#matchProblem.delete(item.id);
    if (!pledgeId) {
      this.#matchProblem.set(item.id, true);
      this.#c.host.requestUpdate();
      await this.#c.focus(`#candidates-${item.id} input`);
      return;
    }
    this.#matching = item.id;
    this.#c.host.requestUpdate();
    const company = item.candidates.find((p) => p.id === pledgeId)?.company?.name ?? this.#words.t.unknownCompany;
    const amount = this.#c.l10n.money(item.amountCents);
    try {
      const answer = await client.json(client.rpc.pledges.transfers[':id'].match.$post({ param: { id: item.id }, json: { pledgeId } }));
      await this.#queue.decided(item, (t) => t.matched(amount, company), { kind: 'pledge-transfer', answer });
      void this.#readTotals();
    } catch (error) {
      const problem = this.#queue.failed(error, 'match-transfer', false);
      // Matched by someone else meanwhile: it no longer belongs here.
      if (problem.status === 409 || problem.status === 404) this.#queue.remove(item.id);
      else this.#matchProblem.set(item.id, problem);
    } finally {
      this.#matching = '';
      this.#c.host.requestUpdate();
    }
  };

  /** A refusal in words: its first field's code when the API named one, else the problem's. */
  #said(problem: true | v.BaseIssue<unknown> | ApiError, missing: string): string {
    const locale = this.#c.l10n.locale;
    if (problem === true) return missing;
    if (!('status' in problem)) return issueWords(locale, problem);
    const field = problem.fieldErrors[0];
    return field ? messageWords(locale, field) : problemText(problem, this.#c.host);
  }

  render(): TemplateResult {
    const t = this.#words.t;
    return html`${this.#totalsSection(t)} ${this.#importSection(t)} ${this.#transfersSection(t)}`;
  }

  #totalsSection(t: Words): TemplateResult {
    const totals = this.#totals;
    const money = (cents: number) => this.#c.l10n.money(cents);
    return html`<section aria-labelledby="totals-title">
      <h3 id="totals-title">${t.totalsTitle}</h3>
      <p>${t.totalsIntro}</p>
      ${this.#totalsError
        ? html`<p role="alert" class="error">${problemText(this.#totalsError, this.#c.host)}</p>`
        : !totals
          ? html`<p>${this.#c.l10n.t.loading}</p>`
          : totals.byStatus.length === 0
            ? html`<p data-totals-empty>${t.totalsEmpty}</p>`
            : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="totals-caption">
                  <table part="totals" data-totals>
                    <caption id="totals-caption">${t.totalsCaption}</caption>
                    <thead><tr><th scope="col">${t.campaign}</th><th scope="col">${t.kind}</th><th scope="col">${t.status}</th><th scope="col">${t.count}</th><th scope="col">${t.promised}</th><th scope="col">${t.received}</th></tr></thead>
                    <tbody>
                      ${totals.byStatus.map(
                        (r) => html`<tr data-campaign=${r.campaignYear ?? ''} data-status=${r.status} data-kind=${r.kind}>
                          <th scope="row">${r.campaignYear ?? t.noCampaign}</th><td>${t.kinds[r.kind]}</td><td>${t.statuses[r.status]}</td>
                          <td class="number">${this.#c.l10n.number(r.count)}</td><td class="number">${money(r.promisedCents)}</td><td class="number">${money(r.receivedCents)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                <div class="scroll" tabindex="0" role="region" aria-labelledby="by-entity-caption">
                  <table part="totals">
                    <caption id="by-entity-caption">${t.byEntityCaption}</caption>
                    <thead><tr><th scope="col">${t.school}</th><th scope="col">${t.kind}</th><th scope="col">${t.count}</th><th scope="col">${t.promised}</th><th scope="col">${t.received}</th></tr></thead>
                    <tbody>
                      ${totals.items.map(
                        (r) => html`<tr><th scope="row">${r.name}</th><td>${t.kinds[r.kind]}</td><td class="number">${this.#c.l10n.number(r.count)}</td><td class="number">${money(r.promisedCents)}</td><td class="number">${money(r.receivedCents)}</td></tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`}
    </section>`;
  }

  #importSection(t: Words): TemplateResult {
    const problem = this.#fileProblem;
    const report = this.#report;
    return html`<section aria-labelledby="import-title">
      <h3 id="import-title">${t.importTitle}</h3>
      <p>${t.importIntro}</p>
      <form part="import" novalidate aria-labelledby="import-title" aria-busy=${this.#importing ? 'true' : 'false'} @submit=${this.#import}>
        <div part="field" class="field ${problem ? 'invalid' : ''}">
          <label part="label" for="report-file">${t.file}</label>
          <p part="hint" class="hint" id="report-file-hint">${t.fileHint}</p>
          <input part="input" id="report-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? 'report-file-hint report-file-error' : 'report-file-hint'} />
          ${problem ? html`<p part="field-error" class="error" id="report-file-error">${this.#said(problem, t.chooseFile)}</p>` : nothing}
        </div>
        <button part="button" class="primary" type="submit" aria-disabled=${this.#importing ? 'true' : 'false'}>${this.#importing ? t.importing : t.import}</button>
      </form>
      <div id="report-outcome" tabindex="-1" role="status" aria-live="polite">${report ? t.imported(report.received, report.lines.length) : ''}</div>
      ${report && report.lines.length > 0
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="outcome-caption">
            <table part="report" data-report>
              <caption id="outcome-caption">${t.outcomeCaption}</caption>
              <thead><tr><th scope="col">${t.line}</th><th scope="col">${t.outcome}</th></tr></thead>
              <tbody>
                ${report.lines.map(
                  (l) => {
                  const reason = reasonOf(l);
                  return html`<tr data-line=${l.line} data-outcome=${l.outcome}>
                    <th scope="row">${l.line}</th>
                    <td>${reason ? t.invalidBecause(messageWords(this.#c.l10n.locale, reason)) : t.outcomes[l.outcome]}</td>
                  </tr>`;
                },
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </section>`;
  }

  #transfersSection(t: Words): TemplateResult {
    const q = this.#queue;
    return html`<section aria-labelledby="transfers-title">
      <h3 id="transfers-title" tabindex="-1">${t.transfersTitle}</h3>
      <p>${t.transfersIntro}</p>
      <div role="status" aria-live="polite">${q.status?.(t) ?? ''}</div>
      <div role="alert">${q.error ? html`<p class="error">${problemText(q.error, this.#c.host)}</p>` : nothing}</div>
      ${q.items === null
        ? html`<p>${this.#c.l10n.t.loading}</p>`
        : q.items.length === 0
          ? html`<p data-transfers-empty>${t.transfersEmpty}</p>`
          : html`<p>${t.transfersCount(q.items.length)}</p>
              <ul part="transfers" class="queue">
                ${q.items.map((item) => this.#transfer(t, item))}
              </ul>
              ${q.nextCursor ? html`<button part="button" type="button" @click=${q.more}>${t.more}</button>` : nothing}`}
    </section>`;
  }

  #transfer(t: Words, item: PledgeTransfer): TemplateResult {
    const l10n = this.#c.l10n;
    const problem = this.#matchProblem.get(item.id);
    const errorId = `match-error-${item.id}`;
    return html`<li part="transfer" data-transfer=${item.id} data-status=${item.status}>
      <h4>${t.transfer(l10n.money(item.amountCents), this.#c.day(item.paidOn))}</h4>
      <p class="meta">${t.transferMeta(item.employerSiret, item.entity.name, item.line, l10n.date(item.importedAt))}</p>
      <p>${item.status === 'ambiguous' ? t.ambiguousSays : t.unmatchedSays}</p>
      ${item.candidates.length === 0
        ? html`<p data-no-candidate>${t.noCandidate}</p>`
        : html`<form novalidate @submit=${this.#match(item)}>
            <fieldset part="candidates" id=${`candidates-${item.id}`} class=${problem ? 'invalid' : ''} aria-describedby=${problem ? errorId : nothing}>
              <legend>${t.candidates}</legend>
              ${item.candidates.map((p) => {
                const id = `candidate-${item.id}-${p.id}`;
                const estimate = p.estimatedAmountCents === null ? t.noEstimate : t.estimate(l10n.money(p.estimatedAmountCents));
                return html`<div class="choice">
                  <input type="radio" id=${id} name="pledge" value=${p.id} .checked=${this.#chosen.get(item.id) === p.id} @change=${() => this.#chosen.set(item.id, p.id)} />
                  <label for=${id}>${t.candidate(p.company?.name ?? t.unknownCompany, String(p.campaignYear ?? '—'), estimate, l10n.date(p.createdAt))}</label>
                </div>`;
              })}
            </fieldset>
            ${problem ? html`<p part="field-error" class="error" id=${errorId}>${this.#said(problem, t.chooseCandidate)}</p>` : nothing}
            <button part="button" class="primary" type="submit" aria-disabled=${this.#matching === item.id ? 'true' : 'false'}>${t.match}</button>
          </form>`}
    </li>`;
  }
}
