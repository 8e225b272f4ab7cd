/**
 * The file side of an import: read and decode the CSV, then turn the column
 * mapping into "target field → column index". Anything wrong with the file's
 * shape (not the content of a line) is an `ImportStructureError`: nothing is
 * written.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { ImportMapOptionSchema, fieldErrors, importFieldsOf, importMappingSchema, searchKey, type ImportKind, type ImportMapping } from '@passerelle/schema';
import { CsvSyntaxError, readCsv, type CsvDelimiter, type CsvEncoding, type CsvRecord } from '../csv/parse.ts';
import { cliWords } from './outcome.ts';

/** The file or the mapping cannot be imported as a whole. */
export class ImportStructureError extends Error {}

export interface ImportSource {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The header line's cells, trimmed. */
  headers: string[];
  /** Target field → index of its column. */
  columns: Map<string, number>;
  /** Headers no field reads. */
  ignored: string[];
  records: CsvRecord[];
}

const describe = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

/** The mapping from `--mapping <file.json>` and `--map Header=field` options (the options win). */
export function readMapping(kind: ImportKind, mappingFile: string | undefined, mapOptions: readonly string[]): ImportMapping {
  let fromFile: unknown = {};
  if (mappingFile) {
    let text: string;
    try {
      text = readFileSync(mappingFile, 'utf8');
    } catch {
      throw new ImportStructureError(`Cannot read the mapping file ${mappingFile}.`);
    }
    try {
      fromFile = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new ImportStructureError(`The mapping file ${mappingFile} is not JSON, such as { "Nom": "familyName" }.`);
    }
  }
  const fromOptions: Record<string, string> = {};
  for (const option of mapOptions) {
    const parsed = v.safeParse(ImportMapOptionSchema, option);
    if (!parsed.success) throw new ImportStructureError(parsed.issues[0].message);
    fromOptions[parsed.output[0]] = parsed.output[1];
  }
  const merged = typeof fromFile === 'object' && fromFile !== null && !Array.isArray(fromFile) ? { ...fromFile, ...fromOptions } : fromFile;
  const result = v.safeParse(importMappingSchema(importFieldsOf[kind]), merged);
  if (!result.success) {
    const lines = fieldErrors(result.issues).map((e) => (e.path ? `column "${e.path}": ${cliWords(e)}` : cliWords(e)));
    throw new ImportStructureError(`Invalid column mapping:\n  ${lines.join('\n  ')}`);
  }
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
    else if (columns.has(field)) throw new ImportStructureError(`Two columns are mapped to ${field} ("${trimmed[columns.get(field)!]}" and "${trimmed[index]}"): keep one.`);
    else columns.set(field, index);
  }
  if (missing.length) {
    throw new ImportStructureError(
      `The mapping names ${missing.length === 1 ? 'a column' : 'columns'} the file does not have: ${missing.map((m) => `"${m}"`).join(', ')}. The file's columns are: ${trimmed.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  const used = new Set(columns.values());
  trimmed.forEach((header, index) => {
    if (used.has(index)) return;
    const field = fields.find((f) => f.toLowerCase() === header.toLowerCase());
    if (field && !columns.has(field)) {
      columns.set(field, index);
      used.add(index);
    }
  });
  if (columns.size === 0) {
    throw new ImportStructureError(`No column of the file feeds a field. Map them, such as --map "Nom=familyName"; the fields are: ${fields.join(', ')}.`);
  }
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
    throw new ImportStructureError(`Cannot read ${path}: check the path (relative paths start where you typed the command).`);
  }
  let file;
  try {
    file = readCsv(bytes, options);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new ImportStructureError(`${path}: ${err.message}`);
    throw err;
  }
  if (!file.header) throw new ImportStructureError(`${path} is empty: the first line names the columns.`);
  const { columns, ignored } = resolveColumns(kind, file.header.cells, options.mapping);
  if (file.header.cells.length === 1 && !options.delimiter) {
    // One column is most often a separator we did not recognise; say which one we tried.
    ignored.push(`(one column read with the separator ${describe(file.delimiter)}; force another with --delimiter)`);
  }
  return { encoding: file.encoding, delimiter: file.delimiter, headers: file.header.cells.map((h) => h.trim()), columns, ignored, records: file.records };
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
