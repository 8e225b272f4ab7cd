import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import { completeness, ProfilePatchSchema, profileSections, visibilityLevels, type ProfileSection, type ProfileView } from '@passerelle/schema';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { ApiError, problemText } from '../core/api-error.ts';
import { PasserelleErrorEvent, SavedEvent } from '../core/events.ts';
import { FormController } from '../forms/form-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { headers, type PasserelleClient } from '../core/client.ts';
import { FormConsents } from '../core/form-consents.ts';
import { changedKeys, findConflicts, formValues, patchOf, snapshotOf, snapshotOfPatch, toPatchShape, type ChangeKey, type Conflict, type Snapshot } from './model.ts';
import { profileSection } from './profile-section.ts';
import { RepeatedRows } from './repeated-rows.ts';
import type { StaffMode } from './staff-mode.ts';
import { fr } from './translations.ts';

/** The status line, written when drawn: a change of language rewrites it. */
type StatusLine = ((t: typeof fr) => string) | null;
import { profileEditorStyles } from './profile-editor.styles.ts';

/** `passerelle-saved` of the editor: the profile as saved and the names of the fields that changed. */
export class ProfileSavedEvent extends SavedEvent<ProfileView> {
  declare readonly detail: { kind: 'profile'; item: ProfileView; fields: ChangeKey[] };
  constructor(item: ProfileView, fields: ChangeKey[]) {
    const detail = { kind: 'profile' as const, item, fields };
    super(detail);
  }
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
 * Staff mode, with `person-id`: staff of the person's school (or an
 * administrator) correct someone else's profile (`GET` and
 * `PATCH /v1/profiles/:id`, the policy deciding field by field): the
 * school-owned fields (programme, school, class) are editable there and
 * become the institution's; who sees each field stays the owner's choice
 * and is not shown; there is no "still accurate". Its code and words are a
 * module fetched only then (staff-mode.ts).
 *
 * With `purposes`, the person's own profile form also asks for their
 * consent to those purposes (each one's current text, unticked), recorded
 * with the profile's save in one transaction, with the same proof as the
 * consent centre (never in staff mode: nobody consents for someone else).
 *
 * Below one's own profile, "My sign-in addresses": personal addresses, each
 * verified by a code sent to it, any of which signs the person in (they
 * outlive an institution's address closed after graduation).
 *
 * @attr purposes - Consent purposes to ask for, by key, separated by spaces (`"alumni-news events"`).
 * @event passerelle-saved - Saved. `detail: { kind: 'profile', item, fields }` (`fields`: the changed field names, `visibility.<field>` for a visibility).
 * @event passerelle-error - The API refused or failed. `detail: { error, action }`.
 * @csspart form - The form.
 * @csspart indicators - Completeness and freshness.
 * @csspart visibility-help - What each "who sees" choice means, said once above the sections.
 * @csspart section - Each section (identity, contact, education, career, availability).
 * @csspart conflict - The side-by-side view after a conflicting save.
 * @csspart confirm - The "still accurate" button.
 * @csspart status - The polite status line (saved, confirmed).
 * @csspart addresses - "My sign-in addresses": one's personal addresses and the form to add one.
 */
export class PasserelleProfileEditor extends PasserelleElement {
  static override styles = [...PasserelleElement.styles, profileEditorStyles];

  readonly #l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });

  /** Staff mode: the id of the person whose profile staff correct. Empty (the default): the signed-in person's own. */
  @property({ attribute: 'person-id' }) personId = '';
  /** Consent purposes to ask for in the person's own profile (keys, separated by spaces). */
  @property() purposes = '';
  /** "My sign-in addresses" (addresses.ts), fetched when one's own profile is first shown. */
  #addresses: import('./addresses.ts').AddressesSection | null = null;
  #addressesLoading = false;
  readonly #consents = new FormConsents(this, { purposes: () => (this.personId ? '' : this.purposes), client: () => this.session.signedIn?.client ?? null, component: 'passerelle-profile-editor' });
  #staff: StaffMode | null = null;

  /** The profile as the server last sent it. */
  @state() private _profile: ProfileView | null = null;
  @state() private _conflicts: Conflict[] = [];
  /** The view of a conflicting save (conflict-view.ts), fetched the first time a save meets one. */
  #conflictView: typeof import('./conflict-view.ts') | null = null;
  @state() private _status: StatusLine = null;
  @state() private _loadError: ApiError | null = null;
  #etag = '';
  #base: Snapshot = {};
  #loading = false;
  /** Whose profile this is: another person signed in (or nobody) empties the editor. */
  #person = '';

  readonly #form = new FormController(this, {
    // The shared schema, after turning the flat form into its shape: same checks, same messages as the server.
    schema: v.pipe(
      v.record(v.string(), v.unknown()),
      v.transform((data) => toPatchShape(data, this.#rows.counts)),
      ProfilePatchSchema,
    ),
    action: 'save-profile',
    submit: (output) => this.#save(output),
  });

  readonly #rows: RepeatedRows = new RepeatedRows(this, this.#form);

  /** The profile as last loaded or saved (read-only). */
  get profile(): ProfileView | null {
    return this._profile;
  }

  /** Whether the form holds changes not saved yet. */
  get dirty(): boolean {
    if (!this._profile) return false;
    return changedKeys(this.#base, snapshotOfPatch(toPatchShape(this.#form.data(), this.#rows.counts))).length > 0;
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

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const person = `${this.session.signedIn?.me.person.id ?? ''} ${this.personId}`;
    if (person !== this.#person) {
      this.#person = person;
      this.#forget();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.session.signedIn && !this._profile && !this.#loading && !this._loadError) void this.#load();
  }

  /** Nothing of the previous person's profile stays: neither on screen nor in the form, the ETag or the conflicts. */
  #forget(): void {
    this._profile = null;
    this._conflicts = [];
    this._status = null;
    this._loadError = null;
    this.#etag = '';
    this.#base = {};
    this.#loading = false;
    this.#staff = null;
    this.#form.reset();
  }

  get #client(): PasserelleClient {
    const signedIn = this.session.signedIn;
    if (!signedIn) throw new Error('Not signed in.');
    return signedIn.client;
  }

  async #load(): Promise<void> {
    const person = this.#person;
    // An answer for someone who is no longer signed in here is dropped.
    const stillTheirs = () => this.#person === person;
    this.#loading = true;
    try {
      const client = this.#client;
      const id = this.personId;
      const { res, staff } = id ? await import('./staff-mode.ts').then((m) => m.staffLoad(client, id)) : { res: await client.call(client.rpc.profiles.me.$get()), staff: null };
      if (stillTheirs()) {
        this.#staff = staff;
        this.#adopt(res.data, res.etag ?? '');
      }
    } catch (err) {
      if (!stillTheirs()) return;
      const error = err instanceof ApiError ? err : ApiError.network(err);
      this._loadError = error;
      this.dispatchEvent(new PasserelleErrorEvent({ error, action: 'load-profile' }));
    } finally {
      if (stillTheirs()) this.#loading = false;
    }
  }

  /** Takes the server's version as the new base, and shows it in the form. */
  #adopt(profile: ProfileView, etag: string, keep: Snapshot = {}): void {
    this._profile = profile;
    this.#etag = etag;
    this.#base = snapshotOf(profile);
    const { values, rows } = formValues({ ...this.#base, ...keep });
    this.#rows.counts = rows;
    this.#form.reset(values);
  }

  async #save(output: Record<string, unknown>): Promise<void> {
    const profile = this._profile;
    if (!profile) return;
    const t = this.#l10n.t;
    const mine = snapshotOfPatch(output);
    const keys = changedKeys(this.#base, mine);
    // In staff mode no choice is ever shown (`purposes` reads empty there), so none is sent.
    if (keys.length === 0 && !this.#consents.body().consents) {
      this._status = (t) => t.nothingToSave;
      return;
    }
    this._status = null;
    try {
      const client = this.#client;
      const res = await this.#consents.send((consents) => client.call(client.rpc.profiles[':id'].$patch({ param: { id: profile.id }, json: { ...patchOf(mine, keys), ...consents } }, headers({ ifMatch: this.#etag }))));
      this.#adopt(res.data, res.etag ?? '');
      this._conflicts = [];
      this._status = (t) => (keys.length > 0 ? t.saved(keys.length) : t.consentsSaved);
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
    const conflicts = findConflicts(this.#base, mine, myKeys, snapshotOf(current));
    const keep: Snapshot = {};
    for (const k of myKeys) keep[k] = mine[k];
    this.#adopt(current, etag, keep);
    if (conflicts.length === 0) {
      // Nothing overlaps: send mine again over the new version.
      await this.#save(snapshotToPatchOutput(keep));
      return;
    }
    const view = (this.#conflictView ??= await import('./conflict-view.ts'));
    this._conflicts = conflicts;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${view.CONFLICT_TITLE_ID}`)?.focus();
  }

  #choose(key: ChangeKey, choice: Conflict['choice']): void {
    this._conflicts = this._conflicts.map((c) => (c.key === key ? { ...c, choice } : c));
  }

  /** Applies the choices to the form and saves. */
  #applyChoices(): void {
    const keep: Snapshot = snapshotOfPatch(toPatchShape(this.#form.data(), this.#rows.counts));
    for (const c of this._conflicts) keep[c.key] = c.choice === 'mine' ? c.mine : c.theirs;
    if (this._profile) this.#adopt(this._profile, this.#etag, keep);
    this._conflicts = [];
    this.renderRoot.querySelector<HTMLFormElement>('form')?.requestSubmit();
  }

  async #confirm(): Promise<void> {
    const t = this.#l10n.t;
    try {
      const client = this.#client;
      const res = await client.call(client.rpc.profiles.me.confirm.$post());
      const unchanged = changedKeys(this.#base, snapshotOf(res.data)).length === 0;
      if (unchanged || !this.dirty) {
        // Keep what is being typed; the new ETag is safe only if the fields are those we based it on.
        const keep = this.dirty ? snapshotOfPatch(toPatchShape(this.#form.data(), this.#rows.counts)) : {};
        this.#adopt(res.data, res.etag ?? '', keep);
      } else if (this._profile) {
        // Changed elsewhere while dirty: keep the old ETag so the next save shows the conflict.
        this._profile = { ...this._profile, confirmedAt: res.data.confirmedAt, freshness: res.data.freshness };
      }
      this._status = (t) => t.confirmed;
    } catch (err) {
      const error = err instanceof ApiError ? err : ApiError.network(err);
      this.#form.showProblem(error);
      this.dispatchEvent(new PasserelleErrorEvent({ error, action: 'confirm-profile' }));
    }
  }

  override render() {
    return this.session.render(() => {
      const t = this.#l10n.t;
      if (this._loadError) return html`<p role="alert">${problemText(this._loadError, this)}</p>`;
      const profile = this._profile;
      if (!profile) return html`<p role="status">${t.loading}</p>`;
      return html`
        <h2>${this.#staff?.title(this.#l10n.locale, profile) ?? t.title}</h2>
        ${this.#indicators(profile)}
        ${this.#conflictView?.conflictView(t, this._conflicts, { choose: (key, choice) => this.#choose(key, choice), apply: () => this.#applyChoices() }) ?? nothing}
        ${this.#staff?.note(this.#l10n.locale) ?? this.#visibilityHelp()}
        <form part="form" novalidate aria-busy=${this.#form.busy ? 'true' : 'false'} @submit=${this.#form.onSubmit}>
          ${this.#form.summary()} ${this.#sections(profile)} ${this.#consents.render()}
          <div class="actions">
            ${this.#form.submitButton(t.save)}
            ${this.#staff ? nothing : html`<button part="button confirm" class="secondary" type="button" @click=${() => void this.#confirm()}>${t.confirm}</button>`}
            ${this.dirty ? html`<span class="muted">${t.unsaved}</span>` : nothing}
          </div>
          <p part="status" class="status" role="status">${this._status?.(t) ?? ''}</p>
        </form>
        ${this.personId ? nothing : this.#addressesSection()}
      `;
    });
  }

  #addressesSection(): TemplateResult | typeof nothing {
    if (this.#addresses) return this.#addresses.render();
    if (!this.#addressesLoading) {
      this.#addressesLoading = true;
      import('./addresses.ts').then(
        ({ AddressesSection }) => {
          this.#addresses = new AddressesSection(this, () => this.session.signedIn?.client ?? null);
          this.requestUpdate();
        },
        () => (this.#addressesLoading = false),
      );
    }
    return nothing;
  }

  #indicators(profile: ProfileView): TemplateResult {
    const t = this.#l10n.t;
    // Completeness follows what is typed; freshness is the server's (it moves on save or confirmation).
    const live = completeness(toPatchShape(this.#form.data(), this.#rows.counts));
    const fresh = profile.freshness ?? 0;
    const percent = (value: number) => this.#l10n.number(value / 100, { style: 'percent' });
    return html`<div part="indicators" class="indicators">
      <div class="indicator">
        <label for="completeness">${t.pair(t.completeness, percent(live))}</label>
        <progress id="completeness" max="100" .value=${live}>${percent(live)}</progress>
      </div>
      <div class="indicator">
        <label for="freshness">${t.pair(t.freshness, percent(fresh))}</label>
        <progress id="freshness" max="100" .value=${fresh}>${percent(fresh)}</progress>
        <span class="muted">${profile.confirmedAt ? t.confirmedOn(this.#l10n.date(profile.confirmedAt)) : t.neverConfirmed}</span>
      </div>
    </div>`;
  }

  /** What each "who sees" choice means, once, so that the choices themselves stay short enough for a phone. */
  #visibilityHelp(): TemplateResult {
    const t = this.#l10n.t;
    return html`<div part="visibility-help" class="visibility-help">
      <p>${t.visibilityIntro}</p>
      <dl>${visibilityLevels.map((level) => html`<div><dt>${t.visibility[level]}</dt> <dd>${t.visibilityMeaning[level]}</dd></div>`)}</dl>
    </div>`;
  }

  #sections(profile: ProfileView): TemplateResult[] {
    const ctx = {
      t: this.#l10n.t,
      form: this.#form,
      rows: this.#rows,
      profile,
      staff: !!this.#staff,
      schools: this.#staff?.schools ?? (this.session.signedIn?.me.memberships ?? []).flatMap((m) => (m.entityId && m.entityName ? [{ value: m.entityId, label: m.entityName }] : [])),
    };
    return (Object.keys(profileSections) as ProfileSection[]).map((section) => profileSection(ctx, section));
  }
}

/** Change keys back into the validated output's shape (fields + visibility). */
function snapshotToPatchOutput(snapshot: Snapshot): Record<string, unknown> {
  return patchOf(snapshot, Object.keys(snapshot) as ChangeKey[]);
}
