import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { directive, Directive, type DirectiveResult } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type * as v from 'valibot';
import { ApiError } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from '../i18n/translations/fr.ts';
import { english } from '../i18n/translations/english.ts';
import { FieldRegistry, type FieldSpec, type FieldType } from './field-registry.ts';
import { check, issueOf, type KeptError } from './form-validation.ts';
import { issueWording, type IssueWording, type OwnWording } from './issue-wording.ts';

export type { FieldOption, FieldSpec, FieldType } from './field-registry.ts';

type Host = ReactiveControllerHost & HTMLElement;

export interface FormOptions<S extends v.GenericSchema> {
  /** The SAME valibot schema the server validates the request body with. */
  schema: S;
  /** Starting values, by dot path or nested. */
  initial?: Record<string, unknown>;
  /** Sends the valid output. Throw an ApiError to show the server's problem. */
  submit: (output: v.InferOutput<S>) => Promise<void>;
  /**
   * This form's own wording of some messages, per locale, keyed by the
   * schema's message (a code, or a sentence the schema still writes) or by a
   * problem's code; every other message is its code in the catalogue's words.
   */
  issues?: OwnWording;
  /** Names what was being attempted, for the `passerelle-error` event. */
  action?: string;
  /** Prefix of the control ids, when two forms of one element share field names (ids are then `<prefix>-field-<name>`). */
  idPrefix?: string;
}

let forms = 0;

/**
 * A form: its fields and error summary drawn, its submit run. It is made of
 * the values and what is drawn of them (`FieldRegistry`: a field not drawn
 * is left out of the body), validation with the shared valibot schema
 * (`check`), the errors it keeps by path with the server's refusals mapped
 * back onto fields, and the wording of errors by code in the form's
 * language (`issueWording`). Use one per `<form>`:
 *
 * ```ts
 * form = new FormController(this, { schema: CompanyCreateSchema, submit: (body) => … });
 * render() {
 *   return html`<form part="form" novalidate @submit=${this.form.onSubmit}>
 *     ${this.form.summary()} ${this.form.field({ name: 'name', label: t.name, required: true })}
 *     ${this.form.submitButton(t.save)}</form>`;
 * }
 * ```
 */
export class FormController<S extends v.GenericSchema> {
  readonly #host: Host;
  readonly #options: FormOptions<S>;
  readonly #l10n: LocaleController<typeof fr>;
  readonly #key = String(++forms);
  /** Values, and which fields the host draws (those it no longer draws are left out of the body). */
  readonly #fields = new FieldRegistry();
  /** Errors by path, as codes from the schema or the server (worded when drawn, so a language switch applies). */
  readonly #errors = new Map<string, KeptError>();
  readonly #wording: IssueWording;
  #problem: ApiError | null = null;
  #submitted = false;
  #busy = false;

  constructor(host: Host, options: FormOptions<S>) {
    this.#host = host;
    this.#options = options;
    this.#l10n = new LocaleController(host, { fr, en: english });
    this.#wording = issueWording(host, () => this.#l10n.locale, options.issues);
    host.addController(this.#fields);
    this.reset(options.initial);
  }

  /** True while the submit function runs; a second submit is ignored. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Current errors by field path (translated), without those of fields not drawn any more. */
  get errors(): ReadonlyMap<string, string> {
    const shown = [...this.#errors].filter(([path]) => this.#fields.applies(path));
    return new Map(shown.map(([path, issue]) => [path, this.#wording.words(issue)]));
  }

  /** The last refusal that is not about a particular field, if any. */
  get problem(): ApiError | null {
    return this.#problem;
  }

  /** The value of one field. */
  get(name: string): unknown {
    return this.#fields.values.get(name);
  }

  /** Sets a value (and re-validates that field once the form was submitted). */
  set(name: string, value: unknown): void {
    this.#fields.values.set(name, value);
    if (this.#submitted || this.#errors.has(name)) this.validateField(name);
    this.#host.requestUpdate();
  }

  /** Replaces every value and forgets errors. */
  reset(initial: Record<string, unknown> = {}): void {
    this.#fields.reset(initial);
    this.#errors.clear();
    this.#problem = null;
    this.#submitted = false;
    this.#host.requestUpdate();
  }

  /** The values as the schema expects them (nested, empties applied), without the fields not drawn any more. */
  data(): Record<string, unknown> {
    return this.#fields.data();
  }

  /** Validates everything; returns the issues as `{ path, message }` (message in the form's language). */
  validate(): { path: string; message: string }[] {
    return this.#check().issues.map((e) => ({ path: e.path, message: this.#wording.words(e) }));
  }

  /** Validates one field through the whole schema (so cross-field checks apply) and shows its first issue. */
  validateField(name: string): void {
    const issue = issueOf(this.#check().issues, name);
    if (issue) {
      this.#errors.set(name, issue);
      this.#wording.prepare();
    } else this.#errors.delete(name);
    this.#host.requestUpdate();
  }

  #check() {
    return check(this.#options.schema, this.#fields.data());
  }

  /** Puts server field errors (`errors[].path`) next to their fields; the rest goes to the summary. */
  showProblem(error: ApiError): void {
    this.#problem = error;
    for (const issue of error.fieldErrors) this.#errors.set(issue.path, issue);
    this.#wording.prepare();
    this.#host.requestUpdate();
  }

  /** `@submit` handler: validate, then call `submit` unless busy; focus the summary on failure. */
  readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#busy) return;
    this.#submitted = true;
    this.#problem = null;
    this.#errors.clear();
    const { issues, output } = this.#check();
    if (issues.length > 0) {
      // The first issue of each path.
      for (const issue of issues) if (!this.#errors.has(issue.path)) this.#errors.set(issue.path, issue);
      this.#wording.prepare();
      await this.#focusSummary();
      return;
    }
    this.#busy = true;
    this.#host.requestUpdate();
    try {
      await this.#options.submit(output as v.InferOutput<S>);
      this.#submitted = false;
    } catch (err) {
      const error = err instanceof ApiError ? err : ApiError.network(err);
      if (!(err instanceof ApiError)) console.error('[passerelle]', err);
      this.showProblem(error);
      this.#host.dispatchEvent(new PasserelleErrorEvent({ error, action: this.#options.action ?? 'submit' }));
      this.#busy = false;
      await this.#focusSummary();
      return;
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  };

  /** Moves focus to the error summary, once it is rendered. */
  async #focusSummary(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const root = this.#host.shadowRoot ?? this.#host;
    root.querySelector<HTMLElement>(`[data-error-summary="${this.#key}"]`)?.focus();
  }

  /** The id of a field's control, for links and `aria-describedby` (forms without `idPrefix`). */
  static id(name: string): string {
    return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  }

  /** The id of this form's control for a field. */
  id(name: string): string {
    return this.#options.idPrefix ? `${this.#options.idPrefix}-${FormController.id(name)}` : FormController.id(name);
  }

  /** A labelled native control with its hint and inline error. */
  field(spec: FieldSpec): TemplateResult {
    this.#fields.draw(spec);
    const t = this.#l10n.t.form;
    const type = spec.type ?? 'text';
    const id = this.id(spec.name);
    const raw = this.#errors.get(spec.name);
    const error = raw === undefined ? undefined : this.#wording.words(raw);
    const hintId = spec.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
    const value = this.#fields.values.get(spec.name);
    const invalid = error ? 'true' : undefined;
    const onChange = (e: Event) => this.set(spec.name, readValue(e.target as HTMLInputElement, type));
    const onBlur = (e: Event) => {
      const control = e.target as Element;
      // Blur also fires when a re-render removes the focused control (e.g. the next
      // step replaces this form): check later, and only if it is still there.
      queueMicrotask(() => {
        if (control.isConnected && !this.#busy && this.#fields.values.has(spec.name) && this.#fields.values.get(spec.name) !== '') this.validateField(spec.name);
      });
    };
    const label = html`<label part="label" for=${id}
      >${spec.label}${spec.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label
    >`;
    const hint = spec.hint ? html`<div part="hint" class="hint" id=${hintId!}>${spec.hint}</div>` : nothing;
    const message = error
      ? html`<div part="field-error" class="error" id=${errorId!}><span aria-hidden="true">⚠ </span>${error}</div>`
      : nothing;

    if (type === 'checkbox') {
      return html`<div part="field" class="field checkbox ${error ? 'invalid' : ''}">
        <input part="input" id=${id} name=${spec.name} type="checkbox" .checked=${live(value === true)}
          aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(describedBy)} ?disabled=${spec.disabled}
          ?required=${spec.required} @change=${onChange} />
        ${label} ${hint} ${message}
      </div>`;
    }
    const text = value === undefined || value === null ? '' : String(value);
    if (type === 'radio') {
      // A group: the fieldset's legend is the label; the first radio carries the id the summary links to.
      return html`<fieldset part="field" class="field radio ${error ? 'invalid' : ''}" aria-describedby=${ifDefined(describedBy)}
        ?disabled=${spec.disabled}>
        <legend part="label">${spec.label}${spec.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</legend>
        ${hint} ${message}
        ${(spec.options ?? []).map(
          (o, i) => html`<label part="option" class="option"
            ><input part="input" type="radio" id=${i === 0 ? id : `${id}-${i}`} name=${spec.name} value=${o.value}
              .checked=${live(o.value === text)} ?required=${spec.required} aria-invalid=${ifDefined(invalid)} @change=${onChange} />
            ${o.label}</label
          >`,
        )}
      </fieldset>`;
    }
    let control: TemplateResult;
    if (type === 'select') {
      // `?selected` gives the first render its choice (the options do not exist yet when
      // `.value` is set); `.value` keeps later resets right once the person has chosen.
      control = html`<select part="input" id=${id} name=${spec.name} .value=${live(text)} aria-invalid=${ifDefined(invalid)}
        aria-describedby=${ifDefined(describedBy)} ?disabled=${spec.disabled} ?required=${spec.required} @change=${onChange}
        autocomplete=${ifDefined(spec.autocomplete)}>
        <option value="" ?selected=${text === ''}>${t.choose}</option>
        ${(spec.options ?? []).map((o) => html`<option value=${o.value} ?selected=${o.value === text}>${o.label}</option>`)}
      </select>`;
    } else if (type === 'textarea') {
      control = html`<textarea part="input" id=${id} name=${spec.name} .value=${live(text)} rows=${spec.rows ?? 4}
        aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(describedBy)} ?disabled=${spec.disabled}
        ?required=${spec.required} maxlength=${ifDefined(spec.maxlength)} @input=${onChange} @blur=${onBlur}></textarea>`;
    } else {
      control = html`<input part="input" id=${id} name=${spec.name} type=${type} .value=${live(text)}
        aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(describedBy)} ?disabled=${spec.disabled}
        ?required=${spec.required} autocomplete=${ifDefined(spec.autocomplete)} inputmode=${ifDefined(spec.inputmode)}
        min=${ifDefined(spec.min)} max=${ifDefined(spec.max)} step=${ifDefined(spec.step)} maxlength=${ifDefined(spec.maxlength)}
        @input=${onChange} @blur=${onBlur} />`;
    }
    return html`<div part="field" class="field ${error ? 'invalid' : ''}">${label} ${hint} ${message} ${control}</div>`;
  }

  /**
   * The error summary: after a failed submit, a list of links to the fields
   * in error (and the server's message when it is not about a field). It
   * takes focus, so screen-reader and keyboard users land on it.
   *
   * It is drawn before the fields but lists those of the same render: Lit
   * commits it after `render()` has drawn every field, so a field that this
   * render hides is not listed.
   */
  summary(): DirectiveResult<typeof AfterFields> {
    return afterFields(() => this.#summary());
  }

  #summary(): TemplateResult | typeof nothing {
    const t = this.#l10n.t.form;
    const errors = [...this.#errors];
    const fieldItems = errors.filter(([name]) => this.#fields.drawnNow(name));
    const otherItems = errors.filter(([name]) => !this.#fields.isField(name));
    const problem = this.#problem;
    if (fieldItems.length === 0 && otherItems.length === 0 && !problem) return nothing;
    const title = fieldItems.length > 0 ? t.summaryTitle : t.problemTitle;
    const focusField = (name: string) => (e: Event) => {
      e.preventDefault();
      const root = this.#host.shadowRoot ?? this.#host;
      root.querySelector<HTMLElement>(`#${this.id(name)}`)?.focus();
    };
    const detail = problem && problem.fieldErrors.length === 0 ? this.#wording.words({ code: problem.code, params: problem.problem.params }) : null;
    const titleId = `error-summary-title-${this.#key}`;
    return html`<div part="error-summary" class="error-summary" data-error-summary=${this.#key} tabindex="-1" role="alert"
      aria-labelledby=${titleId}>
      <h2 id=${titleId} class="error-summary-title">${title}</h2>
      ${detail ? html`<p>${detail}</p>` : nothing}
      ${fieldItems.length > 0
        ? html`<p>${t.summaryIntro(fieldItems.length)}</p>
            <ul>
              ${fieldItems.map(
                ([name, error]) =>
                  html`<li><a part="error-link" href=${`#${this.id(name)}`} @click=${focusField(name)}
                      >${t.fieldError(this.#fields.drawnNow(name)!.label, this.#wording.words(error))}</a></li>`,
              )}
            </ul>`
        : nothing}
      ${otherItems.length > 0 ? html`<ul>${otherItems.map(([, issue]) => html`<li>${this.#wording.words(issue)}</li>`)}</ul>` : nothing}
    </div>`;
  }

  /**
   * The submit button. While busy it stays focusable (so focus is not lost)
   * but is `aria-disabled` and the submit handler ignores it.
   */
  submitButton(label: string): TemplateResult {
    return html`<button part="button submit" class="primary" type="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>
      ${this.#busy ? html`<span class="spinner" aria-hidden="true"></span>${this.#l10n.t.form.busy}` : label}
    </button>`;
  }
}

/** Draws its content when Lit commits the template, i.e. once the host's `render()` has run to its end. */
class AfterFields extends Directive {
  render(draw: () => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    return draw();
  }
}
const afterFields = directive(AfterFields);

function readValue(control: HTMLInputElement, type: FieldType): unknown {
  if (type === 'checkbox') return control.checked;
  if (type === 'number') return control.value === '' ? '' : Number(control.value);
  return control.value;
}
