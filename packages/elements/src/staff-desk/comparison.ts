import { html, type TemplateResult } from 'lit';
import type { ProfileView } from '@passerelle/schema';
import { displayName } from '../directory/display-name.ts';
import type { fr } from './translations.ts';

/** The fields compared side by side, in the order read. */
const compared = ['givenName', 'familyName', 'usageName', 'email', 'school', 'graduationYear', 'programme', 'employer', 'workCity'] as const;
type Compared = (typeof compared)[number];

function valueOf(p: ProfileView, key: Compared): string {
  if (key === 'email') return p.emails?.find((e) => e.primary)?.address ?? p.emails?.[0]?.address ?? '';
  if (key === 'school') return p.educationEntityName ?? '';
  const value = p[key];
  return value === undefined || value === null ? '' : String(value);
}

/** Two profiles flagged as possible duplicates, field by field; a row whose values agree is marked `same`. */
export function comparisonTable(t: typeof fr, a: ProfileView, b: ProfileView): TemplateResult {
  return html`<div class="scroll">
    <table part="comparison">
      <caption class="visually-hidden">${t.comparisonOf(displayName(a) ?? t.hidden, displayName(b) ?? t.hidden)}</caption>
      <thead>
        <tr><th scope="col">${t.field}</th><th scope="col">${t.profileA}</th><th scope="col">${t.profileB}</th></tr>
      </thead>
      <tbody>
        ${compared.map((key) => {
          const x = valueOf(a, key);
          const y = valueOf(b, key);
          const same = x !== '' && x.toLowerCase() === y.toLowerCase();
          return html`<tr data-field=${key} class=${same ? 'same' : ''}>
            <th scope="row">${t.fields[key]}</th><td>${x || t.notShown}</td><td>${y || t.notShown}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
