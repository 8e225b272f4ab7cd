/**
 * valibot's issues as message codes, in one function: the server puts them
 * in a 400's `errors[]`, the elements show them next to their fields, both
 * in the reader's language. valibot's own English never reaches anyone.
 *
 * A schema names a specific code by giving it as the action's message
 * (`v.uuid('offer.company.fromList')`); any other issue gets the generic
 * code of its kind, with the parameters its requirement gives.
 */
import type * as v from 'valibot';
import type { ExpectedType, Message, MessageCode } from './codes.ts';

/** A dotted identifier such as `offer.company.fromList`: a code, never a sentence. */
export const looksLikeCode = (text: string): boolean => /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/.test(text);

/** What a wrong-type issue expected, from valibot's schema type (`strict_object` → object). */
const expectedOf = (type: string): ExpectedType =>
  type === 'string' ? 'text' : type === 'boolean' ? 'boolean' : /number|bigint/.test(type) ? 'number' : /array|tuple/.test(type) ? 'list' : /object|record/.test(type) ? 'object' : 'value';

/** Validation issues whose code says it all, by valibot's action type. */
const plain: Readonly<Record<string, MessageCode>> = {
  integer: 'validation.integer',
  safe_integer: 'validation.integer',
  email: 'validation.email',
  rfc_email: 'validation.email',
  url: 'validation.url',
  iso_date: 'validation.date',
  iso_timestamp: 'validation.dateTime',
  iso_date_time: 'validation.dateTime',
  uuid: 'validation.id',
  regex: 'validation.format',
};

// The parameters were chosen with the code here; TypeScript cannot check a code against its parameters through a string.
const said = (code: MessageCode, params: Record<string, unknown> = {}): Message => ({ code, params }) as Message;

/** `("a" | "b")` → `['a', 'b']`: the options valibot lists in `expected`. */
const optionsOf = (expected: string | null): string[] => [...(expected ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);

/** The generic code of an issue, from its kind, type and requirement. */
function genericMessage(issue: v.BaseIssue<unknown>): Message {
  const { type, expected } = issue;
  const requirement = (issue as { requirement?: unknown }).requirement;
  const n = typeof requirement === 'number' && Number.isFinite(requirement) ? requirement : undefined;
  const list = Array.isArray(issue.input);
  if (issue.kind === 'schema') {
    // A missing key, wherever it is: the object (or the variant's discriminator) says `received: undefined`.
    if (issue.received === 'undefined') return said('validation.required');
    if (expected === 'never') return said('validation.unknownKey');
    if (/^(picklist|enum|literal|variant)$/.test(type)) {
      const options = optionsOf(expected);
      return options.length > 0 ? said('validation.notOneOf', { options }) : said('validation.invalid');
    }
    return said('validation.wrongType', { expected: expectedOf(type) });
  }
  const code = plain[type];
  if (code) return said(code);
  if (type === 'min_length' || type === 'non_empty') {
    if (n === undefined || n <= 1) return list ? said('validation.tooFew', { min: 1 }) : said('validation.required');
    return said(list ? 'validation.tooFew' : 'validation.tooShort', { min: n });
  }
  if (n === undefined) return said('validation.invalid');
  if (type === 'max_length') return said(list ? 'validation.tooMany' : 'validation.tooLong', { max: n });
  if (type === 'min_value' || type === 'gt_value') return said('validation.tooSmall', { min: n });
  if (type === 'max_value' || type === 'lt_value') return said('validation.tooBig', { max: n });
  return said('validation.invalid');
}

/**
 * An issue a check added with its code's own parameters: a form that runs
 * rules returning `{ code, params }` (the offer rules) puts them on the issue
 * it adds, so that the issue is worded with its amounts and dates.
 */
export type IssueWithParams = v.BaseIssue<unknown> & { params?: Record<string, unknown> };

/**
 * The code of one issue: the schema's own code when its message is one,
 * else the generic code of its kind. A schema's code takes the parameters
 * the check put on the issue, else those of the issue's kind (none for a
 * check or a format).
 */
export function issueMessage(issue: IssueWithParams): Message {
  const generic = genericMessage(issue);
  if (!looksLikeCode(issue.message)) return generic;
  // A code named by a schema: its parameters are the check's own or those of the issue's kind, as the
  // catalogue entry for it expects (a code the catalogue lacks is shown as `problem.unknown`).
  return { code: issue.message as MessageCode, params: issue.params ?? generic.params } as Message;
}
