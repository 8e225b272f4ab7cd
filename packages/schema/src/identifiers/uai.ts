import * as v from 'valibot';

/** The message code of an invalid UAI, next to the field and in the API's validation errors. */
export const UAI_MESSAGE = 'validation.uai';

/** The 23 check letters: the alphabet without I, O and Q, which read like digits. */
export const UAI_CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A UAI as people type it (" 0751717j ") → upper case, no spaces. */
export function normaliseUai(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** The check letter of 7 digits: the letter at (the 7-digit number mod 23). */
export function uaiCheckLetter(sevenDigits: string): string {
  return UAI_CHECK_LETTERS.charAt(Number(sevenDigits) % 23);
}

/**
 * A UAI (Unité administrative immatriculée, the Education ministry's
 * identifier of a school or university, formerly RNE) is 7 digits and a check
 * letter. It is how an institution is recognised in national data sets.
 */
export function isValidUai(s: string): boolean {
  const uai = normaliseUai(s);
  const match = /^(\d{7})([A-Z])$/.exec(uai);
  return match !== null && match[1] !== undefined && uaiCheckLetter(match[1]) === match[2];
}

/** Validates and outputs the normalised UAI. */
export const UaiSchema = v.pipe(v.string(), v.transform(normaliseUai), v.check(isValidUai, UAI_MESSAGE));
