import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import * as v from 'valibot';
import {
  completeness,
  isSchoolOwned,
  ProfilePatchSchema,
  profileSections,
  visibilityLevels,
  type ProfileFieldKey,
  type ProfileView,
} from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { ApiError } from '../core/api-error.ts';
import { PasserelleErrorEvent, SavedEvent } from '../core/events.ts';
import { FormController, type FieldSpec } from '../forms/form-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { PasserelleClient } from '../core/client.ts';
import { changedKeys, formValues, patchOf, snapshotOf, snapshotOfPatch, stable, toPatchShape, type ChangeKey, type RowCounts, type Snapshot } from './model.ts';
import { en, fr, issues } from './translations.ts';
import { profileEditorStyles } from './profile-editor.styles.ts';

/** `passerelle-saved` of the editor: the profile as saved and the names of the fields that changed. */
export class ProfileSavedEvent extends SavedEvent<ProfileView> {
  declare readonly detail: { kind: 'profile'; item: ProfileView; fields: ChangeKey[] };
  constructor(item: ProfileView, fields: ChangeKey[]) {
    const detail = { kind: 'profile' as const, item, fields };
    super(detail);
  }
}

/** One field both versions of which the person must choose between, after a 412. */
interface Conflict {
  key: ChangeKey;
  mine: unknown;
  theirs: unknown;
  choice: 'mine' | 'theirs';
}

/**
 * @summary The signed-in person edits their profile: identity, contact,
 * education, career, availability — and who sees each field.
 *
 * Saves only what changed, with `If-Match`. When the profile was saved
 * elsewhere meanwhile (412), shows both versions side by side and lets the
 * person keep theirs or take the saved one, field by field; nothing typed is
 * lost. Education recorded by the institution is shown read-only. Warns
 * before leaving with unsaved changes.
 *
 * @event passerelle-saved - Saved. `detail: { kind: 'profile', item, fields }` (`fields`: the changed field names, `visibility.<field>` for a visibility).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }`.
 * @csspart form - The form.
 * @csspart indicators - Completeness and freshness.
 * @csspart section - Each section (identity, contact, education, career, availability).
 * @csspart conflict - The side-by-side view after a conflicting save.
 * @csspart confirm - The "still accurate" button.
 * @csspart status - The polite status line (saved, confirmed).
 */
export class PasserelleProfileEditor extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, profileEditorStyles];

  readonly #l10n = new LocaleController(this, { fr, en });

  /** The profile as the server last sent it. */
  @state() private _profile: ProfileView | null = null;
  @state() private _conflicts: Conflict[] = [];
  @state() private _status = '';
  @state() private _loadError: ApiError | null = null;
  #etag = '';
  #base: Snapshot = {};
  #rows: RowCounts = { emails: 1, positions: 0 };
  #loading = false;

  readonly #form = new FormController(this, {
    // The shared schema, after turning the flat form into its shape: same checks, same messages as the server.
    schema: v.pipe(
      v.record(v.string(), v.unknown()),
      v.transform((data) => toPatchShape(data, this.#rows)),
      ProfilePatchSchema,
    ),
    issues,
    action: 'save-profile',
    submit: (output) => this.#save(output),
  });

  /** The profile as last loaded or saved (read-only). */
  get profile(): ProfileView | null {
    return this._profile;
  }

  /** Whether the form holds changes not saved yet. */
  get dirty(): boolean {
    if (!this._profile) return false;
    return changedKeys(this.#base, snapshotOfPatch(toPatchShape(this.#form.data(), this.#rows))).length > 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#beforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#beforeUnload);
  }

  readonly #beforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    event.preventDefault();
    // Older browsers need returnValue set to show their "leave page?" prompt.
    event.returnValue = '';
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.session.signedIn && !this._profile && !this.#loading && !this._loadError) void this.#load();
  }

  get #client(): PasserelleClient {
    const signedIn = this.session.signedIn;
    if (!signedIn) throw new Error('Not signed in.');
    return signedIn.client;
  }

  async #load(): Promise<void> {
    this.#loading = true;
    try {
      const res = await this.#client.request<ProfileView>('GET', '/profiles/me');
      this.#adopt(res.data, res.etag ?? '');
    } catch (err) {
      const error = err instanceof ApiError ? err : ApiError.network(err);
      this._loadError = error;
      this.dispatchEvent(new PasserelleErrorEvent({ error, action: 'load-profile' }));
    } finally {
      this.#loading = false;
    }
  }

  /** Takes the server's version as the new base, and shows it in the form. */
  #adopt(profile: ProfileView, etag: string, keep: Snapshot = {}): void {
    this._profile = profile;
    this.#etag = etag;
    this.#base = snapshotOf(profile);
    const { values, rows } = formValues({ ...this.#base, ...keep });
    this.#rows = rows;
    this.#form.reset(values);
  }

  async #save(output: Record<string, unknown>): Promise<void> {
    const profile = this._profile;
    if (!profile) return;
    const t = this.#l10n.t;
    const mine = snapshotOfPatch(output);
    const keys = changedKeys(this.#base, mine);
    if (keys.length === 0) {
      this._status = t.nothingToSave;
      return;
    }
    this._status = '';
    try {
      const res = await this.#client.request<ProfileView>('PATCH', `/profiles/${profile.id}`, { json: patchOf(mine, keys), ifMatch: this.#etag });
      this.#adopt(res.data, res.etag ?? '');
      this._conflicts = [];
      this._status = t.saved(keys.length);
      this.dispatchEvent(new ProfileSavedEvent(res.data, keys));
    } catch (err) {
      // 412: the problem carries the current version and its ETag.
      if (!(err instanceof ApiError) || err.status !== 412) throw err;
      const current = err.problem.current as ProfileView | undefined;
      const etag = err.problem.etag;
      if (!current || typeof etag !== 'string') throw err;
      await this.#conflict(mine, keys, current, etag);
    }
  }

  /**
   * Someone saved in between. Fields only they changed are taken as saved;
   * fields only I changed stay mine; fields we both changed differently are
   * listed for the person to choose — meanwhile the form keeps what they typed.
   */
  async #conflict(mine: Snapshot, myKeys: ChangeKey[], current: ProfileView, etag: string): Promise<void> {
    const theirs = snapshotOf(current);
    const conflicts = myKeys.filter((k) => stable(theirs[k]) !== stable(mine[k]) && stable(theirs[k]) !== stable(this.#base[k]));
    const keep: Snapshot = {};
    for (const k of myKeys) keep[k] = mine[k];
    this.#adopt(current, etag, keep);
    if (conflicts.length === 0) {
      // Nothing overlaps: send mine again over the new version.
      await this.#save(snapshotToPatchOutput(keep));
      return;
    }
    this._conflicts = conflicts.map((key) => ({ key, mine: mine[key], theirs: theirs[key], choice: 'mine' }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
  }

  #choose(key: ChangeKey, choice: 'mine' | 'theirs'): void {
    this._conflicts = this._conflicts.map((c) => (c.key === key ? { ...c, choice } : c));
  }

  /** Applies the choices to the form and saves. */
  #applyChoices(): void {
    const keep: Snapshot = snapshotOfPatch(toPatchShape(this.#form.data(), this.#rows));
    for (const c of this._conflicts) keep[c.key] = c.choice === 'mine' ? c.mine : c.theirs;
    if (this._profile) this.#adopt(this._profile, this.#etag, keep);
    this._conflicts = [];
    this.renderRoot.querySelector<HTMLFormElement>('form')?.requestSubmit();
  }

  async #confirm(): Promise<void> {
    const t = this.#l10n.t;
    try {
      const res = await this.#client.request<ProfileView>('POST', '/profiles/me/confirm', { json: {} });
      const unchanged = changedKeys(this.#base, snapshotOf(res.data)).length === 0;
      if (unchanged || !this.dirty) {
        // Keep what is being typed; the new ETag is safe only if the fields are those we based it on.
        const keep = this.dirty ? snapshotOfPatch(toPatchShape(this.#form.data(), this.#rows)) : {};
        this.#adopt(res.data, res.etag ?? '', keep);
      } else if (this._profile) {
        // Changed elsewhere while dirty: keep the old ETag so the next save shows the conflict.
        this._profile = { ...this._profile, confirmedAt: res.data.confirmedAt, freshness: res.data.freshness };
      }
      this._status = t.confirmed;
    } catch (err) {
      const error = err instanceof ApiError ? err : ApiError.network(err);
      this.#form.showProblem(error);
      this.dispatchEvent(new PasserelleErrorEvent({ error, action: 'confirm-profile' }));
    }
  }

  #addEmail(): void {
    this.#rows = { ...this.#rows, emails: this.#rows.emails + 1 };
    this.#form.set(`emails.${this.#rows.emails - 1}.address`, '');
    void this.#focusLater(`emails.${this.#rows.emails - 1}.address`);
  }

  #addPosition(): void {
    const i = this.#rows.positions;
    this.#rows = { ...this.#rows, positions: i + 1 };
    for (const part of ['employer', 'jobTitle', 'startYear', 'endYear']) this.#form.set(`previousPositions.${i}.${part}`, '');
    void this.#focusLater(`previousPositions.${i}.employer`);
  }

  /** Removes a repeated row by shifting the following rows up. */
  #removeRow(group: 'emails' | 'previousPositions', parts: readonly string[], index: number): void {
    const count = group === 'emails' ? this.#rows.emails : this.#rows.positions;
    for (let i = index; i < count - 1; i++) for (const p of parts) this.#form.set(`${group}.${i}.${p}`, this.#form.get(`${group}.${i + 1}.${p}`) ?? '');
    for (const p of parts) this.#form.set(`${group}.${count - 1}.${p}`, '');
    if (group === 'emails') {
      const primary = Number(this.#form.get('emailPrimary') ?? 0);
      this.#form.set('emailPrimary', String(primary === index ? 0 : primary > index ? primary - 1 : primary));
      this.#rows = { ...this.#rows, emails: Math.max(1, count - 1) };
    } else this.#rows = { ...this.#rows, positions: count - 1 };
    this.requestUpdate();
  }

  async #focusLater(name: string): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${FormController.id(name)}`)?.focus();
  }

  override render() {
    return this.session.render(() => {
      const t = this.#l10n.t;
      if (this._loadError) return html`<p role="alert">${this._loadError.problem.detail}</p>`;
      const profile = this._profile;
      if (!profile) return html`<p role="status">${t.loading}</p>`;
      return html`
        <h2>${t.title}</h2>
        ${this.#indicators(profile)} ${this.#conflictView()}
        <form part="form" novalidate aria-busy=${this.#form.busy ? 'true' : 'false'} @submit=${this.#form.onSubmit}>
          ${this.#form.summary()} ${(Object.keys(profileSections) as (keyof typeof profileSections)[]).map((s) => this.#section(s, profile))}
          <div class="actions">
            ${this.#form.submitButton(t.save)}
            <button part="button confirm" class="secondary" type="button" @click=${() => void this.#confirm()}>${t.confirm}</button>
            ${this.dirty ? html`<span class="muted">${t.unsaved}</span>` : nothing}
          </div>
          <p part="status" class="status" role="status">${this._status}</p>
        </form>
      `;
    });
  }

  #indicators(profile: ProfileView): TemplateResult {
    const t = this.#l10n.t;
    // Completeness follows what is typed; freshness is the server's (it moves on save or confirmation).
    const live = completeness(toPatchShape(this.#form.data(), this.#rows));
    const fresh = profile.freshness ?? 0;
    return html`<div part="indicators" class="indicators">
      <div class="indicator">
        <label for="completeness">${t.completeness} : ${this.#l10n.number(live)} %</label>
        <progress id="completeness" max="100" .value=${live}>${live} %</progress>
      </div>
      <div class="indicator">
        <label for="freshness">${t.freshness} : ${this.#l10n.number(fresh)} %</label>
        <progress id="freshness" max="100" .value=${fresh}>${fresh} %</progress>
        <span class="muted">${profile.confirmedAt ? t.confirmedOn(this.#l10n.date(profile.confirmedAt)) : t.neverConfirmed}</span>
      </div>
    </div>`;
  }

  #section(section: keyof typeof profileSections, profile: ProfileView): TemplateResult {
    const t = this.#l10n.t;
    const id = `section-${section}`;
    return html`<section part="section" class="part" aria-labelledby=${id}>
      <h3 id=${id}>${t.sections[section]}</h3>
      ${profileSections[section].map((key) => this.#fieldRow(key, profile))}
    </section>`;
  }

  #visibility(key: ProfileFieldKey): TemplateResult {
    const t = this.#l10n.t;
    return this.#form.field({
      name: `visibility.${key}`,
      type: 'select',
      label: t.visibilityOf(t.fields[key]),
      options: visibilityLevels.map((level) => ({ value: level, label: t.visibility[level] })),
    });
  }

  #fieldRow(key: ProfileFieldKey, profile: ProfileView): TemplateResult {
    const t = this.#l10n.t;
    const label = t.fields[key];
    if (isSchoolOwned(key) && profile.educationLocked) {
      const value = key === 'educationEntityId' ? profile.educationEntityName : profile[key];
      const hintId = `readonly-${key}-hint`;
      return html`<div class="row">
        <div class="readonly" part="field">
          <div class="label" id=${`readonly-${key}`}>${label}</div>
          <p class="value" aria-labelledby=${`readonly-${key}`} aria-describedby=${hintId}>${value ?? t.notSet}</p>
          <p class="muted" id=${hintId}>${t.schoolOwned}</p>
        </div>
        ${this.#visibility(key)}
      </div>`;
    }
    const simple = (spec: Omit<FieldSpec, 'name' | 'label'> = {}) => html`<div class="row">
      ${this.#form.field({ name: key, label, empty: 'null', ...spec })} ${this.#visibility(key)}
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
      case 'educationEntityId': {
        const schools = (this.session.signedIn?.me.memberships ?? []).flatMap((m) => (m.entityId && m.entityName ? [{ value: m.entityId, label: m.entityName }] : []));
        return simple({ type: 'select', options: schools });
      }
      case 'workCountry':
        return simple({ autocomplete: 'country', maxlength: 2 });
      case 'linkedinUrl':
        return simple({ type: 'url', autocomplete: 'url', inputmode: 'url' });
      case 'emails':
        return this.#emails();
      case 'address':
        return this.#address();
      case 'previousPositions':
        return this.#positions();
      case 'availability':
        return html`<fieldset class="group"><legend>${label}</legend>
          ${(['mentoring', 'talks', 'hiringInterns'] as const).map((k) => this.#form.field({ name: `availability.${k}`, type: 'checkbox', label: t[k] }))}
          ${this.#visibility(key)}
        </fieldset>`;
      default:
        return simple({ maxlength: 200 });
    }
  }

  #emails(): TemplateResult {
    const t = this.#l10n.t;
    const rows = Array.from({ length: this.#rows.emails }, (_, i) => i);
    return html`<fieldset class="group"><legend>${t.fields.emails}</legend>
      ${rows.map(
        (i) => html`<div class="row">
          ${this.#form.field({ name: `emails.${i}.address`, type: 'email', label: t.email(i + 1), autocomplete: i === 0 ? 'email' : 'off', inputmode: 'email' })}
          ${this.#rows.emails > 1
            ? html`<div><button type="button" class="link" @click=${() => this.#removeRow('emails', ['address'], i)}>${t.removeEmail(i + 1)}</button></div>`
            : nothing}
        </div>`,
      )}
      ${this.#rows.emails > 1
        ? this.#form.field({ name: 'emailPrimary', type: 'select', label: t.primaryEmail, options: rows.map((i) => ({ value: String(i), label: String(this.#form.get(`emails.${i}.address`) || t.email(i + 1)) })) })
        : nothing}
      ${this.#rows.emails < 5 ? html`<p><button type="button" class="link" @click=${() => this.#addEmail()}>${t.addEmail}</button></p>` : nothing}
      ${this.#visibility('emails')}
    </fieldset>`;
  }

  #address(): TemplateResult {
    const t = this.#l10n.t;
    return html`<fieldset class="group"><legend>${t.fields.address}</legend>
      ${this.#form.field({ name: 'address.street', label: t.street, autocomplete: 'street-address' })}
      ${this.#form.field({ name: 'address.postalCode', label: t.postalCode, autocomplete: 'postal-code' })}
      ${this.#form.field({ name: 'address.city', label: t.city, autocomplete: 'address-level2' })}
      ${this.#form.field({ name: 'address.country', label: t.country, autocomplete: 'country', maxlength: 2 })}
      ${this.#visibility('address')}
    </fieldset>`;
  }

  #positions(): TemplateResult {
    const t = this.#l10n.t;
    return html`<fieldset class="group"><legend>${t.fields.previousPositions}</legend>
      ${Array.from({ length: this.#rows.positions }, (_, i) => {
        const n = (part: string) => `previousPositions.${i}.${part}`;
        return html`<fieldset class="group"><legend>${t.position(i + 1)}</legend>
          ${this.#form.field({ name: n('employer'), label: t.positionEmployer })}
          ${this.#form.field({ name: n('jobTitle'), label: t.positionTitle })}
          ${this.#form.field({ name: n('startYear'), type: 'number', label: t.startYear, inputmode: 'numeric', min: 1900, max: 2100 })}
          ${this.#form.field({ name: n('endYear'), type: 'number', label: t.endYear, inputmode: 'numeric', min: 1900, max: 2100 })}
          <button type="button" class="link" @click=${() => this.#removeRow('previousPositions', ['employer', 'jobTitle', 'startYear', 'endYear'], i)}>
            ${t.removePosition(i + 1)}
          </button>
        </fieldset>`;
      })}
      <p><button type="button" class="link" @click=${() => this.#addPosition()}>${t.addPosition}</button></p>
      ${this.#visibility('previousPositions')}
    </fieldset>`;
  }

  #display(key: ChangeKey, value: unknown): string {
    const t = this.#l10n.t;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t.empty;
    if (key.startsWith('visibility.')) return t.visibility[value as keyof typeof t.visibility] ?? String(value);
    if (key === 'emails') return (value as { address: string; primary: boolean }[]).map((e) => (e.primary ? `${e.address} (${t.primaryEmail})` : e.address)).join(', ');
    if (key === 'address') {
      const a = value as { street: string; postalCode: string; city: string; country: string };
      return `${a.street}, ${a.postalCode} ${a.city}, ${a.country}`;
    }
    if (key === 'previousPositions') return (value as { employer: string; jobTitle: string }[]).map((p) => `${p.jobTitle} — ${p.employer}`).join('; ');
    if (key === 'availability') {
      const a = value as Record<'mentoring' | 'talks' | 'hiringInterns', boolean>;
      return (['mentoring', 'talks', 'hiringInterns'] as const).map((k) => `${t[k]} : ${a[k] ? t.yes : t.no}`).join('; ');
    }
    if (key === 'preferredLanguage') return t.languages[value as 'fr' | 'en'] ?? String(value);
    return String(value);
  }

  #conflictView(): TemplateResult | typeof nothing {
    if (this._conflicts.length === 0) return nothing;
    const t = this.#l10n.t;
    const labelOf = (key: ChangeKey) =>
      key.startsWith('visibility.') ? t.visibilityOf(t.fields[key.slice('visibility.'.length) as ProfileFieldKey]) : t.fields[key as ProfileFieldKey];
    return html`<section part="conflict" class="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title" tabindex="-1">${t.conflictTitle}</h3>
      <p>${t.conflictIntro}</p>
      ${this._conflicts.map((c, i) => {
        const name = `conflict-${i}`;
        return html`<fieldset class="group" data-conflict=${c.key}>
          <legend>${labelOf(c.key)}</legend>
          <div class="versions">
            <div>
              <h4>${t.yours}</h4>
              <p data-version="mine">${this.#display(c.key, c.mine)}</p>
              <div class="choice">
                <input type="radio" id=${`${name}-mine`} name=${name} .checked=${c.choice === 'mine'} @change=${() => this.#choose(c.key, 'mine')} />
                <label for=${`${name}-mine`}>${t.keepMine}</label>
              </div>
            </div>
            <div>
              <h4>${t.theirs}</h4>
              <p data-version="theirs">${this.#display(c.key, c.theirs)}</p>
              <div class="choice">
                <input type="radio" id=${`${name}-theirs`} name=${name} .checked=${c.choice === 'theirs'} @change=${() => this.#choose(c.key, 'theirs')} />
                <label for=${`${name}-theirs`}>${t.takeTheirs}</label>
              </div>
            </div>
          </div>
        </fieldset>`;
      })}
      <button part="button" class="primary" type="button" @click=${() => this.#applyChoices()}>${t.applyChoices}</button>
    </section>`;
  }
}

/** Change keys back into the validated output's shape (fields + visibility). */
function snapshotToPatchOutput(snapshot: Snapshot): Record<string, unknown> {
  return patchOf(snapshot, Object.keys(snapshot) as ChangeKey[]);
}
