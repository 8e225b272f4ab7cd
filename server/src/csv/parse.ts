/**
 * Reading CSV files as French spreadsheet tools write them: UTF-8 with or
 * without a BOM, or Windows-1252 (Excel's "CSV (séparateur : point-virgule)"),
 * `;` `,` or tab separated, RFC 4180 quoting with embedded newlines. The one
 * CSV parser of the server (the SOLTéA report and the CRM import use it).
 */

export const csvEncodings = ['utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export const csvDelimiters = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** One record and the physical line (1-based) where it starts, for messages that point into the file. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A quoted cell that never closes: everything after it would be swallowed into one cell. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`Line ${line}: a quoted cell is never closed (a " is missing).`);
  }
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (where it differs from
 * Latin-1; 0x81 0x8D 0x8F 0x90 0x9D are unassigned and kept as they are).
 * Node 20's `TextDecoder('windows-1252')` decodes these bytes as Latin-1
 * control characters (nodejs/node#56542), so the euro sign, curly quotes and
 * "œ" are put right here. (Index = byte − 0x80; the benchmark encodes with it.)
 */
export const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const fixCp1252 = (text: string) => text.replace(/[\u0080-\u009f]/g, (ch) => cp1252High[ch.charCodeAt(0) - 0x80]!);

/**
 * Bytes to text. Without `forced`: a UTF-8 BOM or valid UTF-8 means UTF-8,
 * anything else is Windows-1252 (in which every byte is a character, so it
 * never fails). The BOM is not part of the text.
 */
export function decodeCsv(bytes: Uint8Array, forced?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let encoding: CsvEncoding = forced ?? 'utf-8';
  let text: string;
  if (forced) text = new TextDecoder(forced).decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      encoding = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  // TextDecoder drops a UTF-8 BOM by itself; a forced Windows-1252 reading of one would show "ï»¿".
  if (encoding === 'windows-1252') text = fixCp1252(bom ? text.slice(3) : text);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

/**
 * The separator of the header line: whichever of `;` `,` tab appears most
 * often outside quotes (`;` on a tie, as French spreadsheets write it).
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(csvDelimiters.map((d) => [d, 0]));
  let quoted = false;
  const first = text.search(/[^\r\n\ufeff]/);
  for (let i = Math.max(first, 0); i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvDelimiter = ';';
  for (const d of csvDelimiters) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const newlines = /\r\n|\r|\n/g;
const countNewlines = (s: string) => s.match(newlines)?.length ?? 0;

/**
 * Parses RFC 4180 CSV: a cell starting with `"` runs to the closing quote
 * (`""` is a quote, separators and newlines are text); CRLF, LF and CR end a
 * record. Records whose cells are all blank are skipped. Throws
 * `CsvSyntaxError` for a quote that never closes.
 */
export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  const endOfCell = (from: number) => {
    let k = from;
    while (k < n) {
      const ch = text[k];
      if (ch === delimiter || ch === '\n' || ch === '\r') break;
      k++;
    }
    return k;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text[i] === '"') {
        let j = i + 1;
        cell = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvSyntaxError(line);
          cell += text.slice(j, q);
          if (text[q + 1] === '"') {
            cell += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        line += countNewlines(cell);
        // Lenient like spreadsheets: text after the closing quote belongs to the cell.
        const k = endOfCell(j);
        cell += text.slice(j, k);
        i = k;
      } else {
        const k = endOfCell(i);
        cell = text.slice(i, k);
        i = k;
      }
      cells.push(cell);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
      else if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
  }
  return records;
}

/** The cells of each non-blank record (see `parseCsvRecords`). */
export function parseCsv(text: string, delimiter: string): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.cells);
}

export interface CsvFile {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The first non-blank record. */
  header: CsvRecord | undefined;
  /** The records after the header. */
  records: CsvRecord[];
}

/** A whole file: decoded, its separator sniffed (unless forced), parsed, split into header and records. */
export function readCsv(bytes: Uint8Array, options: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {}): CsvFile {
  const { text, encoding } = decodeCsv(bytes, options.encoding);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const [header, ...records] = parseCsvRecords(text, delimiter);
  return { encoding, delimiter, header, records };
}
