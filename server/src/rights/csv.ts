/**
 * CSV (RFC 4180) for the CRM and for the data export. A cell that a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with
 * a quote (strings only: numbers stay numbers), so that an exported name cannot run in the reader's Excel.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [cols.map(cell).join(',')];
  for (const row of rows) lines.push(cols.map((c) => cell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
