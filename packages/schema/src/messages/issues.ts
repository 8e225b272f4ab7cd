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

const wrongTypes: Record<string, ExpectedType> = {
  string: 'text',
  number: 'number',
  bigint: 'number',
  boolean: 'boolean',
  array: 'list',
  tuple: 'list',
  strict_tuple: 'list',
  object: 'object',
  strict_object: 'object',
  loose_object: 'object',
  object_with_rest: 'object',
  record: 'object',
};

/** `("a" | "b")` → `['a', 'b']`: the options valibot lists in `expected`. */
function optionsOf(expected: string | null): string[] {
  return [...(expected ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

const asNumber = (requirement: unknown): number | undefined => (typeof requirement === 'number' && Number.isFinite(requirement) ? requirement : undefined);

/** The generic code of an issue, from its type and requirement. */
function genericMessage(issue: v.BaseIssue<unknown>): Message {
  const { type, expected, received } = issue;
  const requirement = asNumber((issue as { requirement?: unknown }).requirement);
  const list = Array.isArray(issue.input);
  if (issue.kind === 'schema') {
    // A missing key, wherever it is: the object (or the variant's discriminator) says `received: undefined`.
    if (received === 'undefined') return { code: 'validation.required', params: {} };
    if (expected === 'never') return { code: 'validation.unknownKey', params: {} };
    if (type === 'picklist' || type === 'enum' || type === 'literal' || type === 'variant') {
      const options = optionsOf(expected);
      return options.length > 0 ? { code: 'validation.notOneOf', params: { options } } : { code: 'validation.invalid', params: {} };
    }
    return { code: 'validation.wrongType', params: { expected: wrongTypes[type] ?? 'value' } };
  }
  switch (type) {
    case 'min_length':
    case 'non_empty':
      if (requirement === undefined || requirement <= 1) return list ? { code: 'validation.tooFew', params: { min: 1 } } : { code: 'validation.required', params: {} };
      return list ? { code: 'validation.tooFew', params: { min: requirement } } : { code: 'validation.tooShort', params: { min: requirement } };
    case 'max_length':
      if (requirement === undefined) break;
      return list ? { code: 'validation.tooMany', params: { max: requirement } } : { code: 'validation.tooLong', params: { max: requirement } };
    case 'min_value':
    case 'gt_value':
      return requirement === undefined ? { code: 'validation.invalid', params: {} } : { code: 'validation.tooSmall', params: { min: requirement } };
    case 'max_value':
    case 'lt_value':
      return requirement === undefined ? { code: 'validation.invalid', params: {} } : { code: 'validation.tooBig', params: { max: requirement } };
    case 'integer':
    case 'safe_integer':
      return { code: 'validation.integer', params: {} };
    case 'email':
    case 'rfc_email':
      return { code: 'validation.email', params: {} };
    case 'url':
      return { code: 'validation.url', params: {} };
    case 'iso_date':
      return { code: 'validation.date', params: {} };
    case 'iso_timestamp':
    case 'iso_date_time':
      return { code: 'validation.dateTime', params: {} };
    case 'uuid':
      return { code: 'validation.id', params: {} };
    case 'regex':
      return { code: 'validation.format', params: {} };
  }
  return { code: 'validation.invalid', params: {} };
}

/**
 * The code of one issue: the schema's own code when its message is one,
 * else the generic code of its kind. A schema's code takes the parameters
 * of the issue's kind (none for a check or a format).
 */
export function issueMessage(issue: v.BaseIssue<unknown>): Message {
  const generic = genericMessage(issue);
  if (!looksLikeCode(issue.message)) return generic;
  // A code named by a schema: its parameters are those of the issue's kind, as the catalogue
  // entry for it expects (a code the catalogue lacks is shown as `problem.unknown`).
  return { code: issue.message as MessageCode, params: generic.params } as Message;
}
