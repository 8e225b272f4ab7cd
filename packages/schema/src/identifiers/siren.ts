import * as v from 'valibot';
import { passesLuhn, stripSpaces } from './luhn.ts';

/** The message code of an invalid SIREN, next to the field and in the API's validation errors. */
export const SIREN_MESSAGE = 'validation.siren';

/** A SIREN as people type it ("356 000 000") → its 9 digits. */
export function normaliseSiren(s: string): string {
  return stripSpaces(s);
}

/**
 * A SIREN (company identifier from INSEE's Sirene register) is 9 digits whose
 * last digit is a Luhn check digit. Spaces are accepted, anything else is not.
 */
export function isValidSiren(s: string): boolean {
  const siren = normaliseSiren(s);
  return /^\d{9}$/.test(siren) && passesLuhn(siren);
}

/** Validates and outputs the normalised 9-digit SIREN. */
export const SirenSchema = v.pipe(v.string(), v.transform(normaliseSiren), v.check(isValidSiren, SIREN_MESSAGE));
