/**
 * Amounts in French words, as a tax receipt writes them ("mille deux cent
 * trente euros"), in the traditional spelling: hyphens inside the tens
 * (dix-sept, quatre-vingt-deux), "et" before un and onze (vingt et un,
 * soixante et onze), "vingts" and "cents" plural only at the end of a number
 * or before million and milliard (quatre-vingts, deux cents, deux cents
 * millions, but quatre-vingt-un, deux cent mille), "mille" invariable.
 */

const units = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const tens = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** 0 < n < 100. `final`: nothing but a noun (million, milliard) or the end follows, so quatre-vingts keeps its s. */
function belowHundred(n: number, final: boolean): string {
  if (n < 20) return units[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t === 7) return u === 1 ? 'soixante et onze' : `soixante-${units[10 + u]}`;
  if (t === 8) return u === 0 ? (final ? 'quatre-vingts' : 'quatre-vingt') : `quatre-vingt-${units[u]}`;
  if (t === 9) return `quatre-vingt-${units[10 + u]}`;
  if (u === 0) return tens[t]!;
  return u === 1 ? `${tens[t]} et un` : `${tens[t]}-${units[u]}`;
}

/** 0 < n < 1000; `final` as above (false before mille). */
function belowThousand(n: number, final: boolean): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest ? belowHundred(rest, final) : '';
  if (h === 0) return tail;
  const hundreds = h === 1 ? 'cent' : `${units[h]} cent${!rest && final ? 's' : ''}`;
  return tail ? `${hundreds} ${tail}` : hundreds;
}

/** A whole number (0 to 999 999 999 999) in French words. */
export function numberInFrenchWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`numberInFrenchWords: ${n}`);
  if (n === 0) return units[0]!;
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const parts: string[] = [];
  if (billions) parts.push(`${belowThousand(billions, true)} milliard${billions > 1 ? 's' : ''}`);
  if (millions) parts.push(`${belowThousand(millions, true)} million${millions > 1 ? 's' : ''}`);
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)} mille`);
  if (rest) parts.push(belowThousand(rest, true));
  return parts.join(' ');
}

/**
 * An amount of cents in French words: "mille deux cent trente euros",
 * "un euro et cinq centimes", "cinquante centimes", "deux millions d’euros".
 */
export function euroAmountInFrenchWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`euroAmountInFrenchWords: ${cents}`);
  const euros = Math.floor(cents / 100);
  const c = cents % 100;
  const parts: string[] = [];
  if (euros > 0 || c === 0) {
    const words = numberInFrenchWords(euros);
    parts.push(/(million|milliard)s?$/.test(words) ? `${words} d’euros` : `${words} euro${euros > 1 ? 's' : ''}`);
  }
  if (c > 0) parts.push(`${numberInFrenchWords(c)} centime${c > 1 ? 's' : ''}`);
  return parts.join(' et ');
}

/** An amount in figures as a French receipt prints it: "1 230,00 €" (plain spaces, which every PDF font has). */
export function euroAmountInFigures(cents: number): string {
  const euros = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${euros},${String(cents % 100).padStart(2, '0')} €`;
}
