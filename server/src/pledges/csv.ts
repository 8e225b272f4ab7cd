/**
 * CSV in: the SOLTéA transfer report staff import. Small and strict; no
 * dependency. (CSV out is `server/src/csv/write.ts`.)
 */
import type { Message } from '@passerelle/schema/messages';
import { isValidSiret, isValidUai, normaliseSiret, normaliseUai } from '@passerelle/schema';
import { CsvSyntaxError, parseCsvRecords, sniffDelimiter } from '../csv/parse.ts';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

/** Column names accepted in the report, French or English. */
const headerNames: Record<'siret' | 'uai' | 'amount' | 'date', string[]> = {
  siret: ['siret', 'siret employeur', 'employer siret'],
  uai: ['uai', 'code uai', 'rne'],
  amount: ['amount', 'montant', 'montant verse', 'amount paid', 'montant (eur)', 'amount (eur)'],
  date: ['date', 'date de versement', 'date du versement', 'payment date', 'paid on'],
};

export interface ReportLine {
  line: number;
  siret: string;
  uai: string;
  amountCents: number;
  date: string;
}
/** A line that cannot be read, by number, and why as a message code (its content is not echoed). */
export type InvalidLine = { line: number; said: Message };
export type ReportParse = { lines: ReportLine[]; invalid: InvalidLine[] } | { error: Message };

/** Euros as written in a French or English spreadsheet: "1 234,56", "1234.56", "1,234.56 €". */
export function parseEuros(s: string): number | null {
  let t = s.replace(/[\s\u00a0\u202f€]|EUR/gi, '');
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** `YYYY-MM-DD` or `DD/MM/YYYY`. */
export function parseDate(s: string): string | null {
  const t = s.trim();
  let iso: string | null = null;
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (fr) iso = `${fr[3]}-${fr[2]}-${fr[1]}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Reads the transfer report: a header row naming SIRET, UAI, amount and date
 * columns (any order, `;` `,` or tab separated), then one line per transfer.
 * Invalid lines are reported by number; their content is not echoed.
 */
export function parseTransferReport(text: string): ReportParse {
  let records;
  try {
    records = parseCsvRecords(text, sniffDelimiter(text));
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { error: { code: 'pledge.report.unreadable', params: { line: err.line } } };
    throw err;
  }
  const header = (records[0]?.cells ?? []).map(fold);
  const column = (k: keyof typeof headerNames) => header.findIndex((h) => headerNames[k].includes(h));
  const cols = { siret: column('siret'), uai: column('uai'), amount: column('amount'), date: column('date') };
  const missing = Object.entries(cols).filter(([, i]) => i < 0).map(([k]) => k);
  if (missing.length) return { error: { code: 'pledge.report.columns', params: { missing } } };
  const lines: ReportLine[] = [];
  const invalid: InvalidLine[] = [];
  for (const { line, cells: r } of records.slice(1)) {
    const siret = normaliseSiret(r[cols.siret] ?? '');
    const uai = normaliseUai(r[cols.uai] ?? '');
    const amountCents = parseEuros(r[cols.amount] ?? '');
    const date = parseDate(r[cols.date] ?? '');
    if (!isValidSiret(siret)) invalid.push({ line, said: { code: 'pledge.report.line.siret', params: {} } });
    else if (!isValidUai(uai)) invalid.push({ line, said: { code: 'pledge.report.line.uai', params: {} } });
    else if (amountCents === null || amountCents <= 0 || amountCents > 10_000_000_000) invalid.push({ line, said: { code: 'pledge.report.line.amount', params: {} } });
    else if (!date) invalid.push({ line, said: { code: 'pledge.report.line.date', params: {} } });
    else lines.push({ line, siret, uai, amountCents, date });
  }
  return { lines, invalid };
}
