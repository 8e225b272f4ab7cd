/**
 * Multi-row INSERTs for the bulk import: one statement per chunk instead of
 * one per row, kept under SQLite's 32,766 bound parameters per statement.
 */
import type { DbOrTx } from '../open.ts';
import { auditLog } from '../tables/index.ts';
import type { AuditEntry } from '../audit.ts';

/** Rows per statement for a table of `columns` columns. */
export const chunkSize = (columns: number) => Math.max(1, Math.floor(30_000 / columns));

export function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Many audit entries of one origin at once, each as `writeAudit` would write it. */
export function insertAuditEntries(tx: DbOrTx, who: { tenantId: string; actorId: string | null; origin: string | null; at: string }, entries: readonly AuditEntry[]): void {
  const rows = entries.map((e) => ({
    ...who,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId ?? null,
    entityIds: e.entityIds ?? [],
    subjectId: e.subjectId ?? null,
    detail: e.detail ?? {},
  }));
  for (const part of chunks(rows, chunkSize(11))) tx.insert(auditLog).values(part).run();
}
