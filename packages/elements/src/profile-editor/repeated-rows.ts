import type { ReactiveControllerHost } from 'lit';
import { FormController } from '../forms/form-controller.ts';
import type { RowCounts } from './model.ts';

/** The form fields the repeated groups use (a flat dot path per part of a row). */
export interface RowsForm {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Parts of one row of each repeated group (`emails.0.address`, `previousPositions.0.employer`…). */
export const rowParts = {
  emails: ['address'],
  previousPositions: ['employer', 'jobTitle', 'startYear', 'endYear'],
} as const;

/** At most this many email addresses (the shared schema's limit). */
export const MAX_EMAILS = 5;

/**
 * The editor's repeated groups — email addresses and previous positions: how
 * many rows the form shows, adding a row (focus goes to its first field) and
 * removing one (the following rows move up, the primary email follows its
 * address).
 */
export class RepeatedRows {
  counts: RowCounts = { emails: 1, positions: 0 };
  readonly #host: Host;
  readonly #form: RowsForm;

  constructor(host: Host, form: RowsForm) {
    this.#host = host;
    this.#form = form;
  }

  addEmail(): void {
    this.counts = { ...this.counts, emails: this.counts.emails + 1 };
    this.#form.set(`emails.${this.counts.emails - 1}.address`, '');
    void this.#focusLater(`emails.${this.counts.emails - 1}.address`);
  }

  addPosition(): void {
    const i = this.counts.positions;
    this.counts = { ...this.counts, positions: i + 1 };
    for (const part of rowParts.previousPositions) this.#form.set(`previousPositions.${i}.${part}`, '');
    void this.#focusLater(`previousPositions.${i}.employer`);
  }

  /** Removes a repeated row by shifting the following rows up. */
  remove(group: keyof typeof rowParts, index: number): void {
    const form = this.#form;
    const parts = rowParts[group];
    const count = group === 'emails' ? this.counts.emails : this.counts.positions;
    for (let i = index; i < count - 1; i++) for (const p of parts) form.set(`${group}.${i}.${p}`, form.get(`${group}.${i + 1}.${p}`) ?? '');
    for (const p of parts) form.set(`${group}.${count - 1}.${p}`, '');
    if (group === 'emails') {
      const primary = Number(form.get('emailPrimary') ?? 0);
      form.set('emailPrimary', String(primary === index ? 0 : primary > index ? primary - 1 : primary));
      this.counts = { ...this.counts, emails: Math.max(1, count - 1) };
    } else this.counts = { ...this.counts, positions: count - 1 };
    this.#host.requestUpdate();
  }

  async #focusLater(name: string): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`#${FormController.id(name)}`)?.focus();
  }
}
