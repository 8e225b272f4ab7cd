/**
 * One import, as the CLI runs it: read the file, then every line in ONE
 * transaction (a crash leaves the database as before; `dryRun` rolls it back
 * on purpose), then the report file. A bad line is skipped and reported; the
 * others land.
 *
 * Audit: one entry per person or company created or updated (origin
 * `cli:import`, no actor, the line and the changed fields in the detail,
 * the person as subject so it shows in their data export), written through
 * one prepared statement — a profile's update writes its own, as any update
 * of a profile — plus one `import.people` / `import.companies` entry with the
 * file name and the counts.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importOutcomes, searchKey, type ImportKind, type ImportMapping, type ImportOutcome } from '@passerelle/schema';
import type { Language } from '@passerelle/schema/messages';
import { staffMessage } from '@passerelle/schema/messages/staff';
import type { Db, Tx } from '../db/open.ts';
import type { Call } from '../call.ts';
import { writeAudit, type AuditEntry, type AuditOrigin } from '../audit/audit.ts';
import { entityParents } from '../auth/session.ts';
import { findInstitution } from '../tenancy/queries/institutions.ts';
import { insertAuditEntries, withLargeCache } from './queries/prepared.ts';
import type { CsvDelimiter, CsvEncoding } from '../csv/parse.ts';
import { ImportStructureError, cellsByField, readImportSource } from './source.ts';
import { entityKeys, peopleImporter } from './people.ts';
import { companiesImporter } from './companies.ts';
import { reportCsv, reported, type ReportedRow, type RowResult } from './outcome.ts';
import { silentProgress, type Progress } from './progress.ts';
import { withTransaction } from '../db/transaction.ts';

export const IMPORT_ORIGIN = 'cli:import';

export interface ImportOptions {
  kind: ImportKind;
  tenantId: string;
  /** Absolute or relative to the process's directory: the CLI resolves it from where the command was typed. */
  file: string;
  mapping: ImportMapping;
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** Default: `<file>.report.csv`. */
  report?: string;
  dryRun?: boolean;
  /** People only: the school of lines without an entity cell, by name. */
  entity?: string;
  now?: Date;
  progress?: (total: number) => Progress;
  /** The language of the report's messages (the CLI's); French by default. */
  language?: Language;
}

export interface ImportSummary {
  kind: ImportKind;
  dryRun: boolean;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Header → field, as read. */
  columns: Record<string, string>;
  ignored: string[];
  /** The separator tried when the header line had one column only; else null. */
  oneColumn: CsvDelimiter | null;
  lines: number;
  counts: Record<ImportOutcome, number>;
  report: string;
  ms: number;
  results: ReportedRow[];
}

/** Thrown inside the transaction to undo a dry run. */
class DryRun extends Error {}

export async function runImport(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const at = (options.now ?? new Date()).toISOString();
  const source = readImportSource(options.kind, options.file, { encoding: options.encoding, delimiter: options.delimiter, mapping: options.mapping });
  const report = options.report ?? `${options.file}.report.csv`;
  const dryRun = options.dryRun ?? false;
  const who: AuditOrigin = { tenantId: options.tenantId, actorId: null, origin: IMPORT_ORIGIN, at };

  let defaultEntityId: string | null = null;
  if (options.entity !== undefined) {
    if (options.kind !== 'people') throw new ImportStructureError(staffMessage('import.entity.peopleOnly'));
    defaultEntityId = (await entityKeys(db, options.tenantId)).get(searchKey(options.entity)) ?? null;
    if (!defaultEntityId) throw new ImportStructureError(staffMessage('import.entity.unknownOption', { entity: options.entity }));
  }

  const results: RowResult[] = [];
  const progress = options.progress?.(source.records.length) ?? silentProgress;
  try {
    await withLargeCache(db, () => withTransaction({ db }, async (tx) => {
      const audit: AuditEntry[] = [];
      const importer =
        options.kind === 'people'
          ? await peopleImporter(tx, { tenantId: options.tenantId, at, defaultEntityId, audit, call: await importCall(tx, who) })
          : await companiesImporter(tx, { tenantId: options.tenantId, at, audit });
      for (const record of source.records) {
        results.push(await importer.row(record.line, cellsByField(record, source.columns)));
        progress.tick(results.length);
      }
      await insertAuditEntries(tx, who, audit);
      await writeAudit(tx, who, {
        action: `import.${options.kind}`,
        objectType: 'import',
        detail: { file: basename(options.file), lines: results.length, counts: countOutcomes(results) },
      });
      if (dryRun) throw new DryRun();
    }));
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  } finally {
    progress.end(results.length);
  }
  const rows = results.map((r) => reported(options.language ?? 'fr', r));
  writeFileSync(report, reportCsv(rows));
  const columns = Object.fromEntries([...source.columns].map(([field, index]) => [source.headers[index]!, field]));
  return {
    kind: options.kind,
    dryRun,
    encoding: source.encoding,
    delimiter: source.delimiter,
    columns,
    ignored: source.ignored,
    oneColumn: source.oneColumn,
    lines: results.length,
    counts: countOutcomes(results),
    report,
    ms: performance.now() - started,
    results: rows,
  };
}

/**
 * The call the import's profile changes go through: the institution itself,
 * an administrator of each of its root entities for the policy (what the
 * school records is staff's, and stays locked), and nobody in person for the
 * audit (no actor, origin `cli:import`).
 */
async function importCall(tx: Tx, who: AuditOrigin): Promise<Call> {
  const parents = await entityParents(tx, who.tenantId);
  const roots = Object.keys(parents).filter((id) => parents[id] === null);
  return {
    actor: { personId: IMPORT_ORIGIN, tenantId: who.tenantId, memberships: roots.map((entityId) => ({ role: 'admin' as const, entityId })), entityParents: parents },
    tenantSlug: (await findInstitution(tx, who.tenantId))?.slug ?? '',
    who,
  };
}

function countOutcomes(results: readonly RowResult[]): Record<ImportOutcome, number> {
  const counts = Object.fromEntries(importOutcomes.map((o) => [o, 0])) as Record<ImportOutcome, number>;
  for (const r of results) counts[r.outcome]++;
  return counts;
}
