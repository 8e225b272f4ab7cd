import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentEventView } from '@passerelle/schema';
import type { PasserelleClient } from '../core/client.ts';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';

/** History pages fetched at most (100 choices each). */
const HISTORY_PAGES = 10;

/** The person's consent choices, oldest first (at most `HISTORY_PAGES` pages of 100). */
export async function loadHistory(client: PasserelleClient): Promise<ConsentEventView[]> {
  const items: ConsentEventView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const query: { limit: string; cursor?: string } = { limit: '100' };
    if (cursor) query.cursor = cursor;
    const res = await client.json(client.rpc.consents.history.$get({ query }));
    items.push(...(res.items as ConsentEventView[]));
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return items.reverse();
}

/** The history table: one row per choice, with the text the person agreed to (or withdrew from). */
export function historySection(l10n: LocaleController<typeof fr>, history: readonly ConsentEventView[]): TemplateResult {
  const t = l10n.t;
  const locale = l10n.locale;
  return html`<section part="history" aria-labelledby="history-title">
    <h3 id="history-title">${t.history.title}</h3>
    ${history.length === 0
      ? html`<p class="muted">${t.history.empty}</p>`
      : html`<table>
          <caption>${t.history.caption}</caption>
          <thead>
            <tr><th scope="col">${t.history.date}</th><th scope="col">${t.history.purpose}</th><th scope="col">${t.history.channel}</th><th scope="col">${t.history.choice}</th><th scope="col">${t.history.text}</th></tr>
          </thead>
          <tbody>
            ${history.map(
              (e) => html`<tr data-event=${e.id}>
                <td><time datetime=${e.at}>${l10n.date(e.at, { dateStyle: 'medium', timeStyle: 'short' })}</time></td>
                <td>${e.version.title[locale]}</td>
                <td>${t.channels[e.channel]}</td>
                <td>${e.granted ? t.history.granted : t.history.withdrawn}${e.actor.kind === 'staff' ? html` (${t.history.byStaff})` : nothing}</td>
                <td><details><summary>${t.history.version(e.version.hash.slice(0, 8))}</summary><p>${e.version.description[locale]}</p></details></td>
              </tr>`,
            )}
          </tbody>
        </table>`}
  </section>`;
}
