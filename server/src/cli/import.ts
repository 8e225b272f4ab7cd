/**
 * `pnpm passerelle import people|companies FILE.csv --tenant <slug> [options]`:
 * the CLI face of `import/run.ts`. Paths are relative to where the command
 * was typed (`INIT_CWD`, set by pnpm), as DATABASE_URL is.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { importKinds, type ImportKind } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import type { CsvDelimiter, CsvEncoding } from '../csv/parse.ts';
import { ImportStructureError, readMapping } from '../import/source.ts';
import { runImport, type ImportSummary } from '../import/run.ts';
import { progressOn } from '../import/progress.ts';
import { CliInputError, tenantId } from './tenant.ts';

export const importUsage = `Usage: pnpm passerelle import <people|companies> FILE.csv --tenant <slug> [options]

  --map "Header=field"     map a column to a field (repeat it); headers that are field names map themselves
  --mapping FILE.json      the mapping as JSON, such as { "Nom": "familyName", "Promo": "graduationYear" }
  --entity "<name>"        people: the school of lines without an entity
  --encoding utf-8|windows-1252   force the encoding (default: UTF-8 if the file is valid UTF-8)
  --delimiter ";"|","|tab  force the separator (default: the header line's)
  --report PATH            the report (default: FILE.csv.report.csv)
  --dry-run                do everything and write the report, but change nothing in the database

People fields: externalId email givenName familyName usageName graduationYear programme entity role
               employer jobTitle sector phone workCity workCountry linkedinUrl
Company fields: name siret siren city website sector`;

const encodings: Record<string, CsvEncoding> = { 'utf-8': 'utf-8', utf8: 'utf-8', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', win1252: 'windows-1252' };
const delimiters: Record<string, CsvDelimiter> = { ';': ';', ',': ',', tab: '\t', '\t': '\t' };

export interface ImportIo {
  env: Record<string, string | undefined>;
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

/** Runs `import ...` and returns the summary to print; a refused command or file is a CliInputError (exit 2). */
export function importCommand(db: Db, args: string[], io: ImportIo = { env: process.env, stderr: process.stderr }): string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        tenant: { type: 'string' },
        map: { type: 'string', multiple: true },
        mapping: { type: 'string' },
        entity: { type: 'string' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        report: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new CliInputError(`${(err as Error).message}\n\n${importUsage}`);
  }
  const { values, positionals } = parsed;
  const [kind, file, ...extra] = positionals;
  if (values.help || !kind || !file || extra.length > 0 || !(importKinds as readonly string[]).includes(kind)) throw new CliInputError(importUsage);
  if (!values.tenant) throw new CliInputError(`Say which institution: --tenant <slug>.\n\n${importUsage}`);
  const encoding = values.encoding === undefined ? undefined : encodings[values.encoding.toLowerCase()];
  if (values.encoding !== undefined && !encoding) throw new CliInputError('--encoding is utf-8 or windows-1252.');
  const delimiter = values.delimiter === undefined ? undefined : delimiters[values.delimiter.toLowerCase()];
  if (values.delimiter !== undefined && !delimiter) throw new CliInputError('--delimiter is ";", "," or tab.');

  const here = (path: string) => resolve(io.env.INIT_CWD ?? process.cwd(), path);
  const tenant = tenantId(db, values.tenant);
  try {
    const summary = runImport(db, {
      kind: kind as ImportKind,
      tenantId: tenant,
      file: here(file),
      mapping: readMapping(kind as ImportKind, values.mapping && here(values.mapping), values.map ?? []),
      encoding,
      delimiter,
      report: values.report && here(values.report),
      dryRun: values['dry-run'] ?? false,
      entity: values.entity,
      progress: (total) => progressOn(io.stderr, total, 'lines'),
    });
    return summaryText(summary);
  } catch (err) {
    if (err instanceof ImportStructureError) throw new CliInputError(`Nothing was imported. ${err.message}`);
    throw err;
  }
}

const separatorName = (d: CsvDelimiter) => (d === '\t' ? 'tab' : `"${d}"`);

export function summaryText(s: ImportSummary): string {
  const perSecond = Math.round(s.lines / Math.max(s.ms / 1000, 0.001));
  const lines = [
    `${s.dryRun ? 'Dry run of the import' : 'Imported'} ${s.kind}: ${s.lines} lines in ${(s.ms / 1000).toFixed(1)} s (${perSecond} lines/s), ${s.encoding}, separator ${separatorName(s.delimiter)}.`,
    `  created ${s.counts.created}, updated ${s.counts.updated}, unchanged ${s.counts.unchanged}, flagged ${s.counts.flagged}, rejected ${s.counts.rejected}`,
    `  columns: ${Object.entries(s.columns)
      .map(([header, field]) => (header === field ? field : `${header} → ${field}`))
      .join(', ')}`,
  ];
  if (s.ignored.length) lines.push(`  ignored columns: ${s.ignored.join(', ')}`);
  lines.push(`  report: ${s.report}`);
  if (s.dryRun) lines.push('Dry run: nothing was written to the database.');
  return lines.join('\n');
}
