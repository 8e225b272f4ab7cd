/**
 * The one CSV writer (RFC 4180 lines, CRLF ends) behind every CSV the API
 * answers: the consents CRM export, the data-export zip, the pledge export
 * and the streamed staff exports. Two formats: `rfc4180` (`,`, no BOM) for
 * the existing endpoints, `excelFr` (`;` and a UTF-8 BOM) for the exports a
 * French spreadsheet opens with a double click.
 *
 * A string cell that a spreadsheet would read as a formula (it starts with
 * `=`, `+`, `-`, `@`, tab or CR) gets a leading quote, so an exported name
 * can never run in the reader's Excel; numbers stay numbers (`-5`).
 */

export interface CsvFormat {
  readonly separator: ',' | ';' | '\t';
  /** A UTF-8 byte order mark before the header: Excel then reads accents right. */
  readonly bom: boolean;
}

export const rfc4180: CsvFormat = { separator: ',', bom: false };
export const excelFr: CsvFormat = { separator: ';', bom: true };

export const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * One cell. A cell holding either common separator is quoted whatever the
 * file's own, so it reads the same if a spreadsheet guesses the other one.
 * Objects and arrays are written as JSON.
 */
export function csvCell(value: unknown, separator: CsvFormat['separator'] = ','): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const mustQuote = /[",;\r\n]/.test(s) || s.includes(separator);
  return mustQuote ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Row at a time, for streaming: `header` (with the BOM when the format has one) first, then `line` per row. Both end with CRLF. */
export interface CsvEncoder {
  header(columns: readonly string[]): string;
  line(cells: readonly unknown[]): string;
}

export function csvEncoder(format: CsvFormat): CsvEncoder {
  const line = (cells: readonly unknown[]) => cells.map((c) => csvCell(c, format.separator)).join(format.separator) + EOL;
  return { header: (columns) => (format.bom ? BOM : '') + line(columns), line };
}

/**
 * A whole document from objects: the header names `columns` (by default
 * every key met, in order of appearance), one line per object.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[], format: CsvFormat = rfc4180): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const encoder = csvEncoder(format);
  let out = encoder.header(cols);
  for (const row of rows) out += encoder.line(cols.map((c) => row[c]));
  return out;
}
