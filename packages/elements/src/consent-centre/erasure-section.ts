import { html, nothing, type TemplateResult } from 'lit';
import type { ErasureRequestSchema } from '@passerelle/schema';
import type { FormController } from '../forms/form-controller.ts';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { frRights } from './translations.rights.ts';

/** What `GET /v1/me/erasure` lists. */
export interface ErasureRequest {
  id: string;
  status: 'pending' | 'processed';
  requestedAt: string;
  processedAt: string | null;
}

/**
 * The right to erasure: what is deleted at once, later, and what is kept;
 * then either the pending request or the form to ask for one.
 */
export function erasureSection(
  l10n: LocaleController<typeof frRights>,
  requests: readonly ErasureRequest[],
  form: FormController<typeof ErasureRequestSchema>,
): TemplateResult {
  const t = l10n.t;
  const pendingRequest = requests.find((r) => r.status === 'pending');
  const processed = requests.find((r) => r.status === 'processed');
  const list = (items: readonly string[]) => html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
  return html`<section part="erasure" class="erasure" aria-labelledby="erasure-title">
    <h3 id="erasure-title">${t.erasure.title}</h3>
    <p>${t.erasure.intro}</p>
    <h4>${t.erasure.atOnceTitle}</h4>
    ${list(t.erasure.atOnce)}
    <h4>${t.erasure.laterTitle}</h4>
    ${list(t.erasure.later)}
    <h4>${t.erasure.keptTitle}</h4>
    ${list(t.erasure.kept)}
    ${pendingRequest
      ? html`<p class="notice" data-erasure="pending">${t.erasure.pending(l10n.date(pendingRequest.requestedAt))}</p>`
      : html`${processed ? html`<p class="muted">${t.erasure.processed(l10n.date(processed.processedAt ?? processed.requestedAt))}</p>` : nothing}
          <form novalidate aria-busy=${form.busy ? 'true' : 'false'} @submit=${form.onSubmit}>
            ${form.summary()}
            ${form.field({ name: 'confirm', type: 'checkbox', label: t.erasure.confirm, required: true })}
            ${form.field({ name: 'note', type: 'textarea', label: t.erasure.note, empty: 'omit', rows: 3, maxlength: 1000 })}
            ${form.submitButton(t.erasure.submit)}
          </form>`}
  </section>`;
}
