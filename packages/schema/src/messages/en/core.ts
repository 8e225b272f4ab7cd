/**
 * English words of the problem.*, network.*, validation.*, request.*, list.*, server.*, idempotency.*,
 * resource.*, tenant.* and import.* codes: an area of ../en.ts (../areas.ts).
 */
import type { ExpectedType, ProblemTitleKind } from '../codes.ts';
import { essentials } from '../essentials.ts';
import { count, oneOf } from '../format.ts';
import type { CatalogueArea } from '../areas.ts';

const titles: Record<ProblemTitleKind, string> = {
  validation: 'Invalid request',
  malformed: 'Malformed JSON',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  conflict: 'Conflict',
  preconditionFailed: 'Changed since you loaded it',
  preconditionRequired: 'If-Match required',
  tooLarge: 'Request too large',
  unsupportedMediaType: 'Unsupported media type',
  idempotencyMismatch: 'Idempotency key reused',
  tooManyRequests: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Temporarily unavailable',
  storageFull: 'Storage full',
};

const expected: Record<ExpectedType, string> = {
  text: 'Enter text.',
  number: 'Enter a number.',
  boolean: 'Answer yes or no (true or false).',
  list: 'A list is expected.',
  object: 'A group of fields is expected.',
  value: 'This value is not of the expected kind.',
};

const quoted = (items: readonly string[]) => items.map((o) => `“${o}”`);

export const core: CatalogueArea<'core'> = {
  'problem.title': ({ kind }) => titles[kind],
  'problem.unknown': () => essentials.en.unknown,
  'network.unreachable': () => essentials.en.network,

  'validation.invalid': () => 'This value is not valid.',
  'validation.required': () => 'This field is required.',
  'validation.unknownKey': () => 'This field is not expected here.',
  'validation.tooLong': ({ max }) => `At most ${count('en', max)} characters.`,
  'validation.tooShort': ({ min }) => `At least ${count('en', min)} characters.`,
  'validation.tooMany': ({ max }) => `At most ${count('en', max)} items.`,
  'validation.tooFew': ({ min }) => `At least ${count('en', min)} ${min === 1 ? 'item' : 'items'}.`,
  'validation.tooSmall': ({ min }) => `Enter ${count('en', min)} or more.`,
  'validation.tooBig': ({ max }) => `Enter ${count('en', max)} or less.`,
  'validation.outOfRange': ({ min, max }) => `Enter a value from ${count('en', min)} to ${count('en', max)}.`,
  'validation.integer': () => 'Enter a whole number.',
  'validation.email': () => 'Enter a valid email address, such as name@example.org.',
  'validation.url': () => 'Enter a full address, such as https://www.example.com.',
  'validation.date': () => 'Enter a date as YYYY-MM-DD.',
  'validation.dateNotReal': () => 'This date does not exist.',
  'validation.dateTime': () => 'Enter an ISO 8601 time, such as 2026-03-02T09:00:00Z.',
  'validation.id': () => 'Choose an item from the list.',
  'validation.format': () => 'This value is not in the expected format.',
  'validation.wrongType': ({ expected: e }) => expected[e],
  'validation.notOneOf': ({ options }) => (options.length === 1 ? `Only ${quoted(options)[0]} is accepted.` : `Choose ${oneOf('en', quoted(options))}.`),
  'validation.slug': () => 'Use 1 to 40 lowercase letters, digits or hyphens.',
  'validation.origin': () => 'An origin is a scheme, host and optional port, such as https://www.example.org (no path, no trailing slash).',
  'validation.siret': () => 'A SIRET is 14 digits with a valid check digit (Luhn).',
  'validation.siren': () => 'A SIREN is 9 digits with a valid check digit (Luhn).',
  'validation.uai': () => 'A UAI (formerly RNE) is 7 digits followed by a check letter, for example 0751717J.',
  'validation.website': () => 'A website address starts with https:// or http://.',
  'validation.emptyChange': () => 'Send at least one field to change.',
  // Fields of particular schemas.
  'validation.phone': () => 'Enter a phone number, such as +33 6 12 34 56 78.',
  'validation.country': () => 'Use the two-letter country code, such as FR or DE.',
  'validation.postalCode': () => 'Enter a postal code, such as 69007.',
  'validation.year': () => 'Enter a year from 1900 to 2100, such as 2019.',
  'tenant.keyId.format': () => 'A key id is 1 to 64 letters, digits, dots, hyphens or underscores.',
  'tenant.key.algorithm': () => 'The algorithm is HS256, EdDSA, RS256 or ES256.',
  'tenant.key.tooShort': () => 'A key is at least 32 characters (an HS256 secret or a PEM public key).',
  'import.year.format': () => 'A year is four digits, such as 2019.',
  'import.mapping.object': () => 'A mapping is an object such as { "Nom": "familyName" }.',
  'import.mapOption.format': () => 'A --map option is "Header=field", such as --map "Nom=familyName".',

  'request.invalid': () => 'Some fields are invalid: see errors.',
  'request.malformedJson': () => 'The request body is not valid JSON.',
  'request.tooLarge': ({ maxKiB }) => `The request body is larger than ${maxKiB} KiB.`,
  'request.notJson': () => 'Send the body as application/json.',
  'request.methodNotAllowed': ({ method, allowed }) => `${method} is not allowed here. Allowed: ${allowed.join(', ')}.`,
  'request.noRoute': ({ method, path }) => `There is nothing at ${method} ${path}.`,
  'request.tenantMismatch': () => 'The tenant named is not the one of your session: leave it out when signed in.',
  'list.cursor': () => 'Invalid cursor: use the nextCursor of the previous page, or start again from the first page.',
  'list.limit': ({ max }) => `limit is a whole number from 1 to ${max}.`,
  'server.internal': () => 'Something went wrong on our side. Nothing was saved; please try again.',
  'server.storageFull': () => 'The database is full; nothing was saved. Try again later — the operators have been told.',
  'server.busy': ({ seconds }) => `The database is busy; nothing was saved. Try again in ${seconds} seconds.`,
  'server.databaseUnreachable': ({ seconds }) => `The database cannot be reached at the moment; nothing was saved. Try again in ${seconds} seconds.`,
  'idempotency.raced': () => 'A request with the same Idempotency-Key was completed at the same time. Send it again to read its result.',
  'idempotency.reused': () =>
    'This Idempotency-Key was already used for a different request. Send a new key for a new request; reuse a key only to retry the very same request.',
  'idempotency.keyMissing': () => 'The Idempotency-Key header is required for this request.',
  'idempotency.keyHowTo': () => 'Send an Idempotency-Key header: a random value (such as a UUID) made once per form, and sent again unchanged on retry.',
  'idempotency.keyInvalid': () => 'The Idempotency-Key header is invalid.',
  'idempotency.keyFormat': () => 'Idempotency-Key is 1 to 200 characters among letters, digits and _ - : .',
  'resource.notFound': () => 'This resource does not exist, or you cannot see it.',
};
