import { html, nothing, type TemplateResult } from 'lit';
import type { ProfileView } from '@passerelle/schema';
import type { fr } from './translations.ts';
import { displayName } from './display-name.ts';

const availabilityKeys = ['mentoring', 'talks', 'hiringInterns'] as const;

// The name is shared with the staff desk, which draws no person cards.
export { displayName };

/** The address to write to: the primary one, when the person opened their addresses to the reader (else the API leaves `emails` out). */
export function contactAddress(p: ProfileView): string | null {
  return p.emails?.find((e) => e.primary)?.address ?? p.emails?.[0]?.address ?? null;
}

/**
 * One person of the directory: only the fields the API answered (a field
 * the reader may not see is absent), so nothing here decides visibility.
 */
export function personCard(p: ProfileView, t: typeof fr): TemplateResult {
  const name = displayName(p) ?? t.hidden;
  const school = [p.educationEntityName, p.graduationYear ? t.classOf(p.graduationYear) : null].filter(Boolean).join(' · ');
  const job = p.jobTitle && p.employer ? t.jobAt(p.jobTitle, p.employer) : p.jobTitle || p.employer;
  const open = p.availability ? availabilityKeys.filter((k) => p.availability?.[k]) : [];
  const address = contactAddress(p);
  const facts: [string, TemplateResult | string][] = [];
  if (p.sector) facts.push([t.sector, p.sector]);
  if (p.workCity) facts.push([t.where, p.workCountry && p.workCountry !== 'FR' ? `${p.workCity} (${p.workCountry})` : p.workCity]);
  if (address) facts.push([t.email, html`<a part="contact" href=${`mailto:${address}`}><span class="visually-hidden">${t.writeTo(name)}</span>${address}</a>`]);
  return html`<li part="person" class="person card" data-person=${p.id}>
    <h3 id=${`person-${p.id}`} tabindex="-1">${name}</h3>
    ${school ? html`<p class="meta" data-school>${school}</p>` : nothing}
    ${job ? html`<p class="job" data-job>${job}</p>` : nothing}
    ${facts.length > 0 ? html`<dl class="facts">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>` : nothing}
    ${open.length > 0
      ? html`<ul part="badges" class="badges" aria-label=${t.availableFor}>${open.map((k) => html`<li class="badge" data-available=${k}>${t.badges[k]}</li>`)}</ul>`
      : nothing}
  </li>`;
}
