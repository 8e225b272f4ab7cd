/** Reading the audit log: one tenant's entries, newest first, filtered and scoped, a keyset page at a time. */
import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { auditLog, people } from '../../db/tables/index.ts';
import { jsonArrayHas, nothing } from '../../db/dialect.ts';
import { query } from '../../db/transaction.ts';

export interface AuditFilters {
  /** Only entries naming one of these entities; `all`: every entry of the tenant (administrators). */
  scope: { all: true } | { all: false; entityIds: readonly string[] };
  /** Entries by (actor) or about (subject) this person. */
  personId?: string;
  /** Exactly this action, or (ending with a dot) every action starting with it. */
  action?: string;
  /** `at` from this instant, included. */
  since?: string;
  /** `at` before this instant, excluded. */
  until?: string;
  /** The last entry of the previous page. */
  after?: { at: string; id: string };
  limit: number;
}

export interface AuditEntryRow {
  id: string;
  at: string;
  action: string;
  objectType: string;
  objectId: string | null;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  origin: string | null;
  entityIds: string[];
  detail: Record<string, unknown>;
}

/**
 * A prefix `offer.` as a range (`offer.` ≤ action < `offer/`: '/' follows '.'),
 * so that the (tenant, action, at) index serves it, with no LIKE pattern to escape.
 */
function actionCondition(action: string): SQL | undefined {
  if (!action.endsWith('.')) return eq(auditLog.action, action);
  return and(gte(auditLog.action, action), lt(auditLog.action, `${action.slice(0, -1)}/`));
}

/**
 * Entries whose entity list shares at least one entity with `entityIds` (none: no entry). The list is a JSON
 * array of UUIDs, so a quoted id found in its text is one of its items; `instr` reads it several times faster
 * than `json_each` (a table-valued function opened per row), which counts when the scope's entries are sparse.
 * (PostgreSQL asks the jsonb array whether it contains the id: db/dialect.ts.)
 */
function namesOneOf(db: DbOrTx, entityIds: readonly string[]): SQL {
  if (entityIds.length === 0) return nothing();
  return or(...entityIds.map((id) => jsonArrayHas(db, auditLog.entityIds, id)))!;
}

/** Up to `limit` entries of the tenant, newest first (`at`, then id, both descending). */
export function listAuditEntries(db: DbOrTx, tenantId: string, filters: AuditFilters): Promise<AuditEntryRow[]> {
  return query(db, (db) => {
    const { after } = filters;
    return db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        actorId: auditLog.actorId,
        actorName: people.displayName,
        subjectId: auditLog.subjectId,
        origin: auditLog.origin,
        entityIds: auditLog.entityIds,
        detail: auditLog.detail,
      })
      .from(auditLog)
      // The tenant on both sides: an actor id never names another institution's person.
      .leftJoin(people, and(eq(people.id, auditLog.actorId), eq(people.tenantId, auditLog.tenantId)))
      .where(
        and(
          eq(auditLog.tenantId, tenantId),
          filters.scope.all ? undefined : namesOneOf(db, filters.scope.entityIds),
          filters.personId === undefined ? undefined : or(eq(auditLog.actorId, filters.personId), eq(auditLog.subjectId, filters.personId)),
          filters.action === undefined ? undefined : actionCondition(filters.action),
          filters.since === undefined ? undefined : gte(auditLog.at, filters.since),
          filters.until === undefined ? undefined : lt(auditLog.at, filters.until),
          after ? or(lt(auditLog.at, after.at), and(eq(auditLog.at, after.at), lt(auditLog.id, after.id))) : undefined,
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filters.limit)
      .all();
  });
}
