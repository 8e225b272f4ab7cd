import type { ReactiveController } from 'lit';

export type FieldType = 'text' | 'email' | 'number' | 'select' | 'radio' | 'textarea' | 'checkbox' | 'date' | 'tel' | 'url' | 'password';

export interface FieldOption {
  value: string;
  label: string;
}

/** How to draw one field. `name` is the dot path of the value in the schema (`career.jobTitle`). */
export interface FieldSpec {
  name: string;
  label: string;
  type?: FieldType;
  hint?: string;
  /** Choices of a `select` or `radio` group. */
  options?: readonly FieldOption[];
  /** Marks the label and sets `required` (validity itself comes from the schema). */
  required?: boolean;
  /** What an empty text means to the schema: `''` (default), left out (`omit`), or `null`. */
  empty?: '' | 'omit' | 'null';
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text' | 'url';
  min?: number | string;
  max?: number | string;
  step?: number | string;
  rows?: number;
  maxlength?: number;
  disabled?: boolean;
}

/**
 * A form's values and what its host draws of them, following the host's
 * renders as one of its controllers. Fields drawn by the render in progress
 * (`#drawing`) and by the last complete render (`#drawn`) are the same
 * between renders; a read in the middle of a render (`data()` for a live
 * preview) falls back on the last complete one for the fields not drawn yet.
 *
 * A field the form drew before but not in its last render (the other branch
 * of a choice) is not applicable: its value is kept for when it comes back,
 * but it is neither sent nor checked. Values never drawn as fields (`kind`,
 * prefilled constants) always apply.
 */
export class FieldRegistry implements ReactiveController {
  /** The values by dot path, drawn or not. */
  readonly values = new Map<string, unknown>();
  #drawing = new Map<string, FieldSpec>();
  #drawn = new Map<string, FieldSpec>();
  /** Every field this form has drawn: one of them missing from the last render is not applicable. */
  #everDrawn = new Set<string>();

  /** A render starts: fields are drawn anew. */
  hostUpdate(): void {
    this.#drawing = new Map();
  }

  /** A render is complete: what it drew is what is on screen. */
  hostUpdated(): void {
    this.#drawn = this.#drawing;
  }

  /**
   * Notes a field as drawn by this render. A drawn field always has a value,
   * so an untouched one is "empty", not "missing" (the schema then says
   * "Name is required." rather than "Invalid key").
   */
  draw(spec: FieldSpec): void {
    this.#drawing.set(spec.name, spec);
    this.#everDrawn.add(spec.name);
    if (!this.values.has(spec.name)) this.values.set(spec.name, spec.type === 'checkbox' ? false : '');
  }

  /** The field as drawn by the render in progress only (what the summary of that render may list). */
  drawnNow(name: string): FieldSpec | undefined {
    return this.#drawing.get(name);
  }

  /** Whether the form ever drew this path as a field (else an error on it is not about a field). */
  isField(name: string): boolean {
    return this.#everDrawn.has(name);
  }

  /** Whether a value belongs in the body (see the class comment). */
  applies(name: string): boolean {
    return !this.#everDrawn.has(name) || this.#spec(name) !== undefined;
  }

  #spec(name: string): FieldSpec | undefined {
    return this.#drawing.get(name) ?? this.#drawn.get(name);
  }

  /** Replaces every value, by dot path or nested. */
  reset(initial: Record<string, unknown>): void {
    this.values.clear();
    flatten(initial, '', this.values);
  }

  /** The values as the schema expects them (nested, empties applied), without the fields not drawn any more. */
  data(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of this.values) {
      if (!this.applies(name)) continue;
      const empty = this.#spec(name)?.empty;
      if (value === '' && empty === 'omit') continue;
      setPath(out, name, value === '' && empty === 'null' ? null : value);
    }
    return out;
  }
}

function flatten(value: Record<string, unknown>, prefix: string, out: Map<string, unknown>): void {
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) flatten(item as Record<string, unknown>, path, out);
    else out.set(path, item);
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (next !== null && typeof next === 'object' ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
