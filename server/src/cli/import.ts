/**
 * `pnpm passerelle import people|companies FILE.csv --tenant <slug> [options]`:
 * the CLI face of `import/run.ts`. Paths are relative to where the command
 * was typed (`INIT_CWD`, set by pnpm), as DATABASE_URL is.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { importKinds, type ImportKind } from '@passerelle/schema';
import { sayIn, staffWords, type StaffParamsOf } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import type { CsvDelimiter, CsvEncoding } from '../csv/parse.ts';
import { ImportStructureError, readMapping } from '../import/source.ts';
import { runImport, type ImportSummary } from '../import/run.ts';
import { progressOn } from '../import/progress.ts';
import { CliInputError, tenantId } from './tenant.ts';
import { cliLanguage } from './language.ts';
import { optionRefused } from './refusals.ts';

const encodings: Record<string, CsvEncoding> = { 'utf-8': 'utf-8', utf8: 'utf-8', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', win1252: 'windows-1252' };
const delimiters: Record<string, CsvDelimiter> = { ';': ';', ',': ',', tab: '\t', '\t': '\t' };

export interface ImportIo {
  env: Record<string, string | undefined>;
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

/** Runs `import ...` and returns the summary to print, in the CLI's language; a refused command or file is a CliInputError (exit 2). */
export async function importCommand(db: Db, args: string[], io: ImportIo = { env: process.env, stderr: process.stderr }): Promise<string> {
  const language = cliLanguage(io.env);
  const say = sayIn(language);
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
    throw optionRefused(say, err, 'import');
  }
  const { values, positionals } = parsed;
  const [kind, file, ...extra] = positionals;
  if (values.help || !kind || !file || extra.length > 0 || !(importKinds as readonly string[]).includes(kind)) throw new CliInputError(say('cli.command.misused', { command: 'import' }));
  if (!values.tenant) throw new CliInputError(say('cli.import.tenantMissing'));
  const encoding = values.encoding === undefined ? undefined : encodings[values.encoding.toLowerCase()];
  if (values.encoding !== undefined && !encoding) throw new CliInputError(say('cli.import.encoding'));
  const delimiter = values.delimiter === undefined ? undefined : delimiters[values.delimiter.toLowerCase()];
  if (values.delimiter !== undefined && !delimiter) throw new CliInputError(say('cli.import.delimiter'));

  const here = (path: string) => resolve(io.env.INIT_CWD ?? process.cwd(), path);
  const tenant = await tenantId(db, say, values.tenant);
  try {
    const summary = await runImport(db, {
kind: kind as ImportKind,
tenantId: tenant,
file: here(file),
mapping: readMapping(kind as ImportKind, values.mapping&&here(values.mapping), values.map??[]),
encoding,
delimiter,
report: values.report&&here(values.report),
dryRun: values['dry-run']??false,
entity: values.entity,
progress: (total) => progressOn(io.stderr, total, say('cli.import.lines')),
language,
});
    return say('cli.import.summary', summaryParams(summary));
  } catch (err) {
    if (err instanceof ImportStructureError) throw new CliInputError(`${say('cli.import.nothingImported')} ${staffWords(language, err.said)}`);
    throw err;
  }
}

/** What the summary says: the figures of the import, rounded as people read them. */
export function summaryParams(s: ImportSummary): StaffParamsOf<'cli.import.summary'> {
  return {
    kind: s.kind,
    dryRun: s.dryRun,
    lines: s.lines,
    seconds: s.ms / 1000,
    perSecond: Math.round(s.lines / Math.max(s.ms / 1000, 0.001)),
    encoding: s.encoding,
    separator: s.delimiter,
    counts: s.counts,
    columns: Object.entries(s.columns),
    ignored: s.ignored,
    oneColumn: s.oneColumn,
    report: s.report,
  };
}
