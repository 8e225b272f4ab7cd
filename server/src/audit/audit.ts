import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { sql } from 'drizzle-orm';
import { auditLog } from '../db/tables/index.ts';
import { prepareOnce } from '../db/prepare-once.ts';
import { query, sendWithNext } from '../db/transaction.ts';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  entityIds?: string[];
  /** The person the entry is about, for their data export. */
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditOrigin {
  tenantId: string;
  actorId: string | null;
  origin: string | null;
  at: string;
}

const p = (name: string) => sql.placeholder(name);
// Compiled once per handle: every change writes one, an import's 50,000 updates included. The id is
// bound on each run (a default would be computed once, when the statement is built).
const insertEntry = prepareOnce((db) =>
  db
    .insert(auditLog)
    .values({ id: p('id'), tenantId: p('tenantId'), actorId: p('actorId'), origin: p('origin'), at: p('at'), action: p('action'), objectType: p('objectType'), objectId: p('objectId'), entityIds: p('entityIds'), subjectId: p('subjectId'), detail: p('detail') })
    .prepare(),
);

/**
 * Writes an audit entry; call it inside the transaction of the change it
 * records. Nothing in the transaction reads it back, so on PostgreSQL it
 * goes to the server with the transaction's next statement or its COMMIT
 * (`sendWithNext`): its failure fails that statement, hence the transaction.
 */
export function writeAudit(tx: DbOrTx, who: AuditOrigin, entry: AuditEntry): Promise<void> {
  return sendWithNext(tx, (tx) => query(tx, async (tx) => {
    await insertEntry(tx).run({
      id: crypto.randomUUID(),
      tenantId: who.tenantId,
      actorId: who.actorId,
      origin: who.origin,
      at: who.at,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      entityIds: entry.entityIds ?? [],
      subjectId: entry.subjectId ?? null,
      detail: entry.detail ?? {},
    });
  }));
}

/** The who/when/where of a signed-in request, for `writeAudit`. */
export function auditOrigin(c: Context<AppEnv>): AuditOrigin {
  return {
    tenantId: c.get('auth').actor.tenantId,
    actorId: c.get('auth').actor.personId,
    origin: c.req.header('origin') ?? c.req.header('referer') ?? null,
    at: c.get('deps').clock.now().toISOString(),
  };
}
