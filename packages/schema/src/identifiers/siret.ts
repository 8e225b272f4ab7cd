import * as v from 'valibot';
import { passesLuhn, stripSpaces } from './luhn.ts';

/** The message code of an invalid SIRET, next to the field and in the API's validation errors. */
export const SIRET_MESSAGE = 'validation.siret';

/**
 * La Poste's SIREN. Its thousands of post offices outgrew the 5-digit NIC
 * space that Luhn leaves, so INSEE numbers them with another rule: the sum of
 * the 14 digits is a multiple of 5.
 */
export const LA_POSTE_SIREN = '356000000';

/** A SIRET as people type it ("356 000 000 00048") → its 14 digits. */
export function normaliseSiret(s: string): string {
  return stripSpaces(s);
}

/** The SIREN part (first 9 digits) of a normalised SIRET. */
export function sirenOfSiret(siret: string): string {
  return normaliseSiret(siret).slice(0, 9);
}

/**
 * A SIRET (one establishment of a company) is the 9-digit SIREN followed by a
 * 5-digit NIC, and the whole 14 digits pass Luhn. La Poste's establishments
 * are the published exception: they are valid when their digits add up to a
 * multiple of 5. Its head office (35600000000048) passes Luhn, so for La Poste
 * either rule is accepted.
 */
export function isValidSiret(s: string): boolean {
  const siret = normaliseSiret(s);
  if (!/^\d{14}$/.test(siret)) return false;
  if (passesLuhn(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const d of digits) sum += Number(d);
  return sum;
}

/** Validates and outputs the normalised 14-digit SIRET. */
export const SiretSchema = v.pipe(v.string(), v.transform(normaliseSiret), v.check(isValidSiret, SIRET_MESSAGE));
