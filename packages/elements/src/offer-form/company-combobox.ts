import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface CompanyOption {
  id: string;
  name: string;
  siret?: string | null;
}

export interface ComboboxOptions {
  /** The id of the input (the form's field id, so the error summary can focus it). */
  id: string;
  /** Fetches the matches for what was typed. */
  search: (q: string) => Promise<CompanyOption[]>;
  /** Called with the chosen company, or null when the text no longer names it. */
  onChoose: (company: CompanyOption | null) => void;
  /** Wait after the last keystroke before searching. */
  debounceMs?: number;
}

interface Labels {
  label: string;
  hint: string;
  results: (n: number) => string;
  missing: string;
  chosen: (name: string) => string;
}

/**
 * The company typeahead, following the WAI-ARIA combobox pattern with a
 * listbox popup: the input is `role=combobox` with `aria-expanded`,
 * `aria-controls` and `aria-activedescendant`; Down/Up move through the
 * options, Enter chooses, Escape closes (or clears when already closed), and
 * the number of results is announced in a polite live region. It renders in
 * the host's shadow root so that the label, the error summary's link and
 * `aria-activedescendant` all resolve in one tree.
 */
export class CompanyCombobox implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ComboboxOptions;
  #text = '';
  #results: CompanyOption[] = [];
  #open = false;
  #active = -1;
  #searched = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;
  #chosen: CompanyOption | null = null;

  constructor(host: ReactiveControllerHost, options: ComboboxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The company currently chosen. */
  get chosen(): CompanyOption | null {
    return this.#chosen;
  }

  /** Shows a company as chosen (e.g. when editing an existing offer). */
  choose(company: CompanyOption | null): void {
    this.#chosen = company;
    this.#text = company?.name ?? '';
    this.#open = false;
    this.#active = -1;
    this.#host.requestUpdate();
  }

  #listboxId(): string {
    return `${this.#options.id}-listbox`;
  }

  #optionId(index: number): string {
    return `${this.#options.id}-option-${index}`;
  }

  #onInput = (e: Event): void => {
    this.#text = (e.target as HTMLInputElement).value;
    if (this.#chosen && this.#text !== this.#chosen.name) {
      this.#chosen = null;
      this.#options.onChoose(null);
    }
    clearTimeout(this.#timer);
    const q = this.#text.trim();
    if (q === '') {
      this.#results = [];
      this.#open = false;
      this.#searched = false;
      this.#host.requestUpdate();
      return;
    }
    this.#timer = setTimeout(() => void this.#search(q), this.#options.debounceMs ?? 150);
    this.#host.requestUpdate();
  };

  async #search(q: string): Promise<void> {
    const request = ++this.#request;
    let results: CompanyOption[];
    try {
      results = await this.#options.search(q);
    } catch {
      results = [];
    }
    // A slower answer to an older query must not replace a newer one.
    if (request !== this.#request) return;
    this.#results = results;
    this.#searched = true;
    this.#open = true;
    this.#active = -1;
    this.#host.requestUpdate();
  }

  #select(index: number): void {
    const company = this.#results[index];
    if (!company) return;
    this.choose(company);
    this.#options.onChoose(company);
  }

  #onKeydown = (e: KeyboardEvent): void => {
    const count = this.#results.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.#open && count > 0) this.#open = true;
        if (count > 0) this.#active = (this.#active + 1) % count;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.#open && count > 0) this.#open = true;
        if (count > 0) this.#active = this.#active <= 0 ? count - 1 : this.#active - 1;
        break;
      case 'Enter':
        // Choosing an option must not submit the form.
        if (this.#open && this.#active >= 0) {
          e.preventDefault();
          this.#select(this.#active);
          return;
        }
        break;
      case 'Escape':
        if (this.#open) {
          e.preventDefault();
          this.#open = false;
          this.#active = -1;
        } else if (this.#text !== '') {
          e.preventDefault();
          this.#text = '';
          this.#results = [];
          this.#searched = false;
          if (this.#chosen) {
            this.#chosen = null;
            this.#options.onChoose(null);
          }
        }
        break;
      case 'Tab':
        this.#open = false;
        break;
      default:
        return;
    }
    this.#host.requestUpdate();
  };

  #onBlur = (): void => {
    // Let a click on an option land before closing.
    setTimeout(() => {
      this.#open = false;
      this.#host.requestUpdate();
    }, 150);
  };

  /** The label, input, listbox, live region and the given error. */
  render(labels: Labels, error: string | undefined, required = true): TemplateResult {
    const id = this.#options.id;
    const expanded = this.#open && this.#results.length > 0;
    const hintId = `${id}-hint`;
    const errorId = error ? `${id}-error` : undefined;
    const missingId = `${id}-missing`;
    const showMissing = this.#searched && this.#results.length === 0 && !this.#chosen;
    const describedBy = [hintId, showMissing ? missingId : undefined, errorId].filter(Boolean).join(' ');
    return html`<div part="field company" class="field combobox ${error ? 'invalid' : ''}">
      <label part="label" for=${id}>${labels.label}${required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
      <div part="hint" class="hint" id=${hintId}>${labels.hint}</div>
      ${error ? html`<div part="field-error" class="error" id=${errorId!}><span aria-hidden="true">⚠ </span>${error}</div>` : nothing}
      <div class="combobox-wrap">
        <input
          part="input"
          id=${id}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${this.#listboxId()}
          aria-activedescendant=${ifDefined(expanded && this.#active >= 0 ? this.#optionId(this.#active) : undefined)}
          aria-invalid=${ifDefined(error ? 'true' : undefined)}
          aria-describedby=${describedBy}
          aria-required=${required ? 'true' : 'false'}
          .value=${live(this.#text)}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @blur=${this.#onBlur}
        />
        <ul part="listbox" id=${this.#listboxId()} role="listbox" aria-label=${labels.label} ?hidden=${!expanded}>
          ${this.#results.map(
            (c, i) => html`<li
              id=${this.#optionId(i)}
              role="option"
              part=${i === this.#active ? 'option active-option' : 'option'}
              class=${i === this.#active ? 'active' : ''}
              aria-selected=${i === this.#active ? 'true' : 'false'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.#select(i)}
            >
              <span class="name">${c.name}</span>${c.siret ? html` <span class="siret">${c.siret}</span>` : nothing}
            </li>`,
          )}
        </ul>
      </div>
      ${showMissing ? html`<p part="company-missing" class="missing" id=${missingId}>${labels.missing}</p>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.#chosen ? labels.chosen(this.#chosen.name) : this.#searched ? labels.results(this.#results.length) : ''}
      </div>
    </div>`;
  }
}
