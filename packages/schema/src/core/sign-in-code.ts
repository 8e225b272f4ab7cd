import * as v from 'valibot';

/**
 * Sign-in codes sent by email. A short code is 6 digits. A long code is 12
 * characters of Crockford's base32 (60 bits: too many to guess), sent
 * instead while an address is paused after too many wrong codes; it is
 * shown in groups of four (`K7QF-M2XP-9DHR`) and accepted with or without
 * the dashes or spaces, in any case.
 */
export const LONG_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LONG_CODE_LENGTH = 12;

const SHORT_CODE = /^\d{6}$/;
const LONG_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/**
 * What the person typed, as stored codes are compared: without spaces or
 * dashes, upper case, and the letters Crockford reads as digits (O as 0,
 * I and L as 1) turned into those digits.
 */
export function normalizeSignInCode(typed: string): string {
  return typed
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const isLongSignInCode = (normalized: string): boolean => LONG_CODE.test(normalized);

/** `K7QFM2XP9DHR` → `K7QF-M2XP-9DHR`, as the email shows it. */
export const groupLongCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** A code as the person typed it: normalised, then 6 digits or 12 characters. */
export const SignInCodeSchema = v.pipe(
  v.string(),
  v.maxLength(40, 'auth.code.format'),
  v.transform(normalizeSignInCode),
  v.check((code) => SHORT_CODE.test(code) || LONG_CODE.test(code), 'auth.code.format'),
);
