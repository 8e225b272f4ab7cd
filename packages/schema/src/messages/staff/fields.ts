/** How the staff catalogues word what they share: sizes, separators, tables. */
import type { Language } from '../format.ts';
import type { Separator } from './codes.ts';

/** A size in bytes: "12.3 KiB" / "12,3 Kio". */
export function size(language: Language, bytes: number): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, language === 'fr' ? 'Kio' : 'KiB'] : [bytes / 1024 / 1024, language === 'fr' ? 'Mio' : 'MiB'];
  const figure = value.toFixed(1);
  return `${language === 'fr' ? figure.replace('.', ',') : figure} ${unit}`;
}

/** `";"`, `","` or the word for tab. */
export const separatorName = (language: Language, s: Separator): string => (s === '\t' ? (language === 'fr' ? 'tabulation' : 'tab') : `"${s}"`);

/** Rows per table, aligned: the backup and restore commands' report. */
export function tableRows(tables: Record<string, number>): string[] {
  const names = Object.keys(tables);
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((n) => `  ${n.padEnd(width)}  ${String(tables[n]).padStart(8)}`);
}
