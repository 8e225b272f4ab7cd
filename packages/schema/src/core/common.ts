import * as v from 'valibot';

/** Ids are random UUIDs, never sequential (docs/architecture.md, "The API's shape"). */
export const IdSchema = v.pipe(v.string(), v.uuid());

/** A tenant slug: what the host site puts in the JWT's `iss`. */
export const SlugSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'validation.slug'),
);

export const EmailSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254),
  v.email(),
);

/** A required line of text: trimmed, not empty, bounded (the generic codes `validation.required` and `validation.tooLong` say so; the form's label names the field). */
export const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
export const OriginSchema = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'validation.origin'),
);

export const IsoDateTimeSchema = v.pipe(v.string(), v.isoTimestamp());

/**
 * Whether `YYYY-MM-DD` is a day of the calendar: not 2026-02-31 (which a
 * pattern lets through), and not in year 0, which has no day on PostgreSQL
 * (its dates run from 0001-01-01). Both engines store every day it accepts.
 */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00.000Z`);
  return s >= '0001' && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `limit=` of a list: a whole number from 1 to 100 (docs/architecture.md caps every list at 100). */
export const LimitSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/, 'list.limit'),
  v.transform(Number),
  v.number(),
  v.minValue(1, 'list.limit'),
  v.maxValue(100, 'list.limit'),
);

/** The `limit` and `cursor` entries every list query shares; spread them into the list's own query schema. */
// Pure: lets a bundler drop list schemas a page does not use (the portal's size budget).
/* @__NO_SIDE_EFFECTS__ */
export function listQueryEntries(options: { defaultLimit?: '10' | '20'; cursorMaxLength?: number } = {}) {
  return {
    limit: v.optional(LimitSchema, options.defaultLimit ?? '20'),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(options.cursorMaxLength ?? 200, 'list.cursor'))),
  };
}

/** A list page: `{ items, nextCursor }` (docs/architecture.md, "The API's shape"). */
export const ListQuerySchema = v.object(listQueryEntries());

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
