import { html, nothing, type TemplateResult } from 'lit';
import { isSchoolOwned, profileSections, visibilityLevels, type ProfileFieldKey, type ProfileSection, type ProfileView } from '@passerelle/schema';
import type { FieldOption, FieldSpec } from '../forms/form-controller.ts';
import { MAX_EMAILS, type RepeatedRows, type RowsForm } from './repeated-rows.ts';
import type { fr } from './translations.ts';

/** What a section needs to draw its fields. */
export interface SectionContext {
  t: typeof fr;
  form: RowsForm & { field(spec: FieldSpec): TemplateResult };
  rows: RepeatedRows;
  profile: ProfileView;
  /** The schools the person may name as their education (from their memberships; in staff mode, the institution's). */
  schools: FieldOption[];
  /** Staff correcting someone else's profile: school-owned fields editable, who sees each field not theirs to choose. */
  staff: boolean;
}

/**
 * One section of the profile (identity, contact, education, career,
 * availability): each field with its own "who sees it" selector beside it;
 * education recorded by the institution shown read-only.
 */
export function profileSection(ctx: SectionContext, section: ProfileSection): TemplateResult {
  const id = `section-${section}`;
  return html`<section part="section" class="part" aria-labelledby=${id}>
    <h3 id=${id}>${ctx.t.sections[section]}</h3>
    ${profileSections[section].map((key) => fieldRow(ctx, key))}
  </section>`;
}

function visibility({ t, form, staff }: SectionContext, key: ProfileFieldKey): TemplateResult | typeof nothing {
  if (staff) return nothing;
  return form.field({
    name: `visibility.${key}`,
    type: 'select',
    label: t.visibilityOf(t.fields[key]),
    options: visibilityLevels.map((level) => ({ value: level, label: t.visibility[level] })),
  });
}

function fieldRow(ctx: SectionContext, key: ProfileFieldKey): TemplateResult {
  const { t, form, profile } = ctx;
  const label = t.fields[key];
  if (isSchoolOwned(key) && profile.educationLocked && !ctx.staff) {
    const value = key === 'educationEntityId' ? profile.educationEntityName : profile[key];
    const hintId = `readonly-${key}-hint`;
    return html`<div class="row">
      <div class="readonly" part="field">
        <div class="label" id=${`readonly-${key}`}>${label}</div>
        <p class="value" aria-labelledby=${`readonly-${key}`} aria-describedby=${hintId}>${value ?? t.notSet}</p>
        <p class="muted" id=${hintId}>${t.schoolOwned}</p>
      </div>
      ${visibility(ctx, key)}
    </div>`;
  }
  const simple = (spec: Omit<FieldSpec, 'name' | 'label'> = {}) => html`<div class="row">
    ${form.field({ name: key, label, empty: 'null', ...spec })} ${visibility(ctx, key)}
  </div>`;
  switch (key) {
    case 'givenName':
    case 'familyName':
      return simple({ required: true, empty: '', autocomplete: key === 'givenName' ? 'given-name' : 'family-name', maxlength: 100 });
    case 'usageName':
      return simple({ maxlength: 100 });
    case 'phone':
      return simple({ type: 'tel', autocomplete: 'tel', inputmode: 'tel' });
    case 'bio':
      return simple({ type: 'textarea', rows: 4, maxlength: 600 });
    case 'preferredLanguage':
      return simple({ type: 'select', empty: '', options: (['fr', 'en'] as const).map((l) => ({ value: l, label: t.languages[l] })) });
    case 'graduationYear':
      return simple({ type: 'number', inputmode: 'numeric', min: 1900, max: 2100, step: 1 });
    case 'educationEntityId':
      return simple({ type: 'select', options: ctx.schools });
    case 'workCountry':
      return simple({ autocomplete: 'country', maxlength: 2 });
    case 'linkedinUrl':
      return simple({ type: 'url', autocomplete: 'url', inputmode: 'url' });
    case 'emails':
      return emails(ctx);
    case 'address':
      return address(ctx);
    case 'previousPositions':
      return positions(ctx);
    case 'availability':
      return html`<fieldset class="group"><legend>${label}</legend>
        ${(['mentoring', 'talks', 'hiringInterns'] as const).map((k) => form.field({ name: `availability.${k}`, type: 'checkbox', label: t[k] }))}
        ${visibility(ctx, key)}
      </fieldset>`;
    default:
      return simple({ maxlength: 200 });
  }
}

function emails(ctx: SectionContext): TemplateResult {
  const { t, form, rows } = ctx;
  const count = rows.counts.emails;
  const indexes = Array.from({ length: count }, (_, i) => i);
  return html`<fieldset class="group"><legend>${t.fields.emails}</legend>
    ${indexes.map(
      (i) => html`<div class="row">
        ${form.field({ name: `emails.${i}.address`, type: 'email', label: t.email(i + 1), autocomplete: i === 0 ? 'email' : 'off', inputmode: 'email' })}
        ${count > 1 ? html`<div><button type="button" class="link" @click=${() => rows.remove('emails', i)}>${t.removeEmail(i + 1)}</button></div>` : nothing}
      </div>`,
    )}
    ${count > 1
      ? form.field({ name: 'emailPrimary', type: 'select', label: t.primaryEmail, options: indexes.map((i) => ({ value: String(i), label: String(form.get(`emails.${i}.address`) || t.email(i + 1)) })) })
      : nothing}
    ${count < MAX_EMAILS ? html`<p><button type="button" class="link" @click=${() => rows.addEmail()}>${t.addEmail}</button></p>` : nothing}
    ${visibility(ctx, 'emails')}
  </fieldset>`;
}

function address(ctx: SectionContext): TemplateResult {
  const { t, form } = ctx;
  return html`<fieldset class="group"><legend>${t.fields.address}</legend>
    ${form.field({ name: 'address.street', label: t.street, autocomplete: 'street-address' })}
    ${form.field({ name: 'address.postalCode', label: t.postalCode, autocomplete: 'postal-code' })}
    ${form.field({ name: 'address.city', label: t.city, autocomplete: 'address-level2' })}
    ${form.field({ name: 'address.country', label: t.country, autocomplete: 'country', maxlength: 2 })}
    ${visibility(ctx, 'address')}
  </fieldset>`;
}

function positions(ctx: SectionContext): TemplateResult {
  const { t, form, rows } = ctx;
  return html`<fieldset class="group"><legend>${t.fields.previousPositions}</legend>
    ${Array.from({ length: rows.counts.positions }, (_, i) => {
      const n = (part: string) => `previousPositions.${i}.${part}`;
      return html`<fieldset class="group"><legend>${t.position(i + 1)}</legend>
        ${form.field({ name: n('employer'), label: t.positionEmployer })}
        ${form.field({ name: n('jobTitle'), label: t.positionTitle })}
        ${form.field({ name: n('startYear'), type: 'number', label: t.startYear, inputmode: 'numeric', min: 1900, max: 2100 })}
        ${form.field({ name: n('endYear'), type: 'number', label: t.endYear, inputmode: 'numeric', min: 1900, max: 2100 })}
        <button type="button" class="link" @click=${() => rows.remove('previousPositions', i)}>
          ${t.removePosition(i + 1)}
        </button>
      </fieldset>`;
    })}
    <p><button type="button" class="link" @click=${() => rows.addPosition()}>${t.addPosition}</button></p>
    ${visibility(ctx, 'previousPositions')}
  </fieldset>`;
}
