import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { auditLog } from '../db/tables/index.ts';

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

/** Writes an audit entry; call it inside the transaction of the change it records. */
export function writeAudit(tx: DbOrTx, who: AuditOrigin, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
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
    })
    .run();
}

/** The who/when/where of a signed-in request, for `writeAudit`. */
export function auditOrigin(c: Context<AppEnv>): AuditOrigin {
  return {
    tenantId: c.var.auth.actor.tenantId,
    actorId: c.var.auth.actor.personId,
    origin: c.req.header('origin') ?? c.req.header('referer') ?? null,
    at: c.var.deps.clock.now().toISOString(),
  };
}
