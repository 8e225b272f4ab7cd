/**
 * The file side of an import: read and decode the CSV, then turn the column
 * mapping into "target field → column index". Anything wrong with the file's
 * shape (not the content of a line) is an `ImportStructureError`: nothing is
 * written.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { ImportMapOptionSchema, fieldIssues, importFieldsOf, importMappingSchema, searchKey, type ImportKind, type ImportMapping } from '@passerelle/schema';
import { CsvSyntaxError, readCsv, type CsvDelimiter, type CsvEncoding, type CsvRecord } from '../csv/parse.ts';
import { staffMessage, staffWords, type StaffMessage } from '@passerelle/schema/messages/staff';

/** The file or the mapping cannot be imported as a whole: `said` is why, which the CLI words in its language (the message is English, for logs). */
export class ImportStructureError extends Error {
  constructor(readonly said: StaffMessage) {
    super(staffWords('en', said));
  }
}

export interface ImportSource {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The header line's cells, trimmed. */
  headers: string[];
  /** Target field → index of its column. */
  columns: Map<string, number>;
  /** Headers no field reads. */
  ignored: string[];
  /** The separator tried when the header line had one column only (most often one we did not recognise); else null. */
  oneColumn: CsvDelimiter | null;
  records: CsvRecord[];
}

/** The mapping from `--mapping <file.json>` and `--map Header=field` options (the options win). */
export function readMapping(kind: ImportKind, mappingFile: string | undefined, mapOptions: readonly string[]): ImportMapping {
  let fromFile: unknown = {};
  if (mappingFile) {
    let text: string;
    try {
      text = readFileSync(mappingFile, 'utf8');
    } catch {
      throw new ImportStructureError(staffMessage('import.mapping.unreadable', { file: mappingFile }));
    }
    try {
      fromFile = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new ImportStructureError(staffMessage('import.mapping.notJson', { file: mappingFile }));
    }
  }
  const fromOptions: Record<string, string> = {};
  for (const option of mapOptions) {
    const parsed = v.safeParse(ImportMapOptionSchema, option);
    if (!parsed.success) throw new ImportStructureError(staffMessage('import.mapping.option', { error: fieldIssues(parsed.issues)[0]! }));
    fromOptions[parsed.output[0]] = parsed.output[1];
  }
  const merged = typeof fromFile === 'object' && fromFile !== null && !Array.isArray(fromFile) ? { ...fromFile, ...fromOptions } : fromFile;
  const result = v.safeParse(importMappingSchema(importFieldsOf[kind]), merged);
  if (!result.success) throw new ImportStructureError(staffMessage('import.mapping.invalid', { errors: fieldIssues(result.issues) }));
  return result.output;
}

/**
 * Which column feeds which field. A header named in the mapping goes to its
 * target; a header that already is a field name (case aside) feeds that
 * field unless the mapping gives the field another column. Headers are
 * compared trimmed, then case- and accent-insensitively ("Prenom" finds
 * "Prénom").
 */
export function resolveColumns(kind: ImportKind, headers: readonly string[], mapping: ImportMapping): { columns: Map<string, number>; ignored: string[] } {
  const fields: readonly string[] = importFieldsOf[kind];
  const trimmed = headers.map((h) => h.trim());
  const folded = trimmed.map(searchKey);
  const find = (name: string) => {
    const exact = trimmed.indexOf(name.trim());
    return exact >= 0 ? exact : folded.indexOf(searchKey(name));
  };
  const columns = new Map<string, number>();
  const missing: string[] = [];
  for (const [header, field] of Object.entries(mapping)) {
    const index = find(header);
    if (index < 0) missing.push(header);
    else if (columns.has(field)) throw new ImportStructureError(staffMessage('import.mapping.twoColumns', { field, first: trimmed[columns.get(field)!]!, second: trimmed[index]! }));
    else columns.set(field, index);
  }
  if (missing.length) throw new ImportStructureError(staffMessage('import.mapping.missingColumns', { missing, headers: trimmed }));
  const used = new Set(columns.values());
  trimmed.forEach((header, index) => {
    if (used.has(index)) return;
    const field = fields.find((f) => f.toLowerCase() === header.toLowerCase());
    if (field && !columns.has(field)) {
      columns.set(field, index);
      used.add(index);
    }
  });
  if (columns.size === 0) throw new ImportStructureError(staffMessage('import.mapping.noColumn', { fields: [...fields] }));
  return { columns, ignored: trimmed.filter((h, i) => !used.has(i) && h !== '') };
}

/** Reads the file, decodes it, finds its columns. */
export function readImportSource(
  kind: ImportKind,
  path: string,
  options: { encoding?: CsvEncoding; delimiter?: CsvDelimiter; mapping: ImportMapping },
): ImportSource {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new ImportStructureError(staffMessage('import.file.unreadable', { path }));
  }
  let file;
  try {
    file = readCsv(bytes, options);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new ImportStructureError(staffMessage('import.file.unclosedQuote', { path, line: err.line }));
    throw err;
  }
  if (!file.header) throw new ImportStructureError(staffMessage('import.file.empty', { path }));
  const { columns, ignored } = resolveColumns(kind, file.header.cells, options.mapping);
  // One column is most often a separator we did not recognise: the summary says which one we tried.
  const oneColumn = file.header.cells.length === 1 && !options.delimiter ? file.delimiter : null;
  return { encoding: file.encoding, delimiter: file.delimiter, headers: file.header.cells.map((h) => h.trim()), columns, ignored, oneColumn, records: file.records };
}

/** The mapped, non-empty cells of a record, trimmed, by field: the input of the row schema. */
export function cellsByField(record: CsvRecord, columns: ReadonlyMap<string, number>): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [field, index] of columns) {
    const cell = record.cells[index]?.trim();
    if (cell) input[field] = cell;
  }
  return input;
}
