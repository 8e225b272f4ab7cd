/** How the staff catalogues word what they share: sizes, separators, tables. */
import type { Language } from '../format.ts';
import type { HostKeyRow, Separator } from './codes.ts';

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

/** Cells aligned in columns, two spaces apart (the last column is not padded): the lists of the tenant commands. */
export function aligned(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]!.length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

/** A date and time as operators read it in a terminal: `2026-03-01 14:05` (UTC, as stored). */
const minute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** A host key's cells in `tenant key list`: kid, algorithm, added, revoked (— when live). */
export const keyCells = (k: HostKeyRow): string[] => [k.kid, k.alg, minute(k.createdAt), k.revokedAt ? minute(k.revokedAt) : '—'];
