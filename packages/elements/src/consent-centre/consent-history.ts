import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentEventView } from '@passerelle/schema';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';
import type { frRights } from './translations.rights.ts';

/** The history table: one row per choice, with the text the person agreed to (or withdrew from). */
export function historySection(l10n: LocaleController<typeof fr>, words: LocaleController<typeof frRights>, history: readonly ConsentEventView[]): TemplateResult {
  const t = { ...words.t, channels: l10n.t.channels };
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
