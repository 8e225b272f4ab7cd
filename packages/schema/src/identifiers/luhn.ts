/**
 * The Luhn checksum used by INSEE for SIREN and SIRET numbers: from the
 * right, every second digit is doubled (minus 9 when it exceeds 9) and the
 * total must be a multiple of 10. Kept apart so SIREN and SIRET share it.
 */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum;
}

/** Whether a string of digits passes the Luhn check. */
export function passesLuhn(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnSum(digits) % 10 === 0;
}

/**
 * Removes every kind of whitespace, including the (narrow) no-break spaces
 * that French formatting puts in "356 000 000 00048", so that a number copied
 * from an invoice or a Kbis validates as typed.
 */
export function stripSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}
