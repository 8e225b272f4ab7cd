/** Formatting shared by the catalogues: numbers, money and lists as each language writes them. */
export type Language = 'fr' | 'en';

/** Cents as euros: "682,50 €" in French, "682.50 €" in English (the figure the rules' messages always used). */
export function euros(language: Language, cents: number): string {
  if (language === 'en') return `${(cents / 100).toFixed(2)} €`;
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A number as the language writes it: "1 000" / "1,000". */
export function count(language: Language, n: number): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}

/** "a, b or c" / "a, b ou c". */
export function oneOf(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${language === 'fr' ? 'ou' : 'or'} ${items.at(-1)}`;
}
