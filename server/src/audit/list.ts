/**
 * Reading the audit log (issue 18): staff the entries of the entities they
 * look after (their entities and everything below), administrators every
 * entry of their institution, nobody else — as the policy's `audit.read`
 * and `entityScope` decide.
 */
import { entityScope, type AuditEntry, type AuditListQuery, type Page } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { decodeCursor, encodeCursor } from '../offers/cursor.ts';
import { listAuditEntries, type AuditEntryRow } from './queries/entries.ts';

const DAY_MS = 86_400_000;

/**
 * The start of the UTC day after `date` (YYYY-MM-DD): `to` includes its
 * whole day. None after 9999-12-31, which every time precedes (and whose
 * next day, +010000-01-01, no engine reads as a time).
 */
function dayAfter(date: string): string | undefined {
  const next = new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS);
  return next.getUTCFullYear() > 9999 ? undefined : next.toISOString();
}

function entryView(row: AuditEntryRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    actor: row.actorId === null ? null : { id: row.actorId, displayName: row.actorName },
    subjectId: row.subjectId,
    origin: row.origin,
    entityIds: row.entityIds,
    detail: row.detail,
  };
}

/** A page of the log, newest first, with the filters of `AuditListQuerySchema`. */
export async function listAudit(deps: Pick<Deps, 'db'>, call: Call, input: AuditListQuery): Promise<Page<AuditEntry>> {
  const { actor } = call;
  authorize(actor, 'audit.read', { kind: 'audit', tenantId: actor.tenantId, entityIds: 'covered' });
  const after = decodeCursor(input.cursor);
  const rows = await listAuditEntries(deps.db, actor.tenantId, {
    scope: entityScope(actor),
    personId: input.person,
    action: input.action,
    since: input.from === undefined ? undefined : `${input.from}T00:00:00.000Z`,
    until: input.to === undefined ? undefined : dayAfter(input.to),
    after: after && { at: after.sortKey, id: after.id },
    limit: input.limit + 1,
  });
  const kept = rows.slice(0, input.limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(entryView), nextCursor: rows.length > input.limit && last ? encodeCursor(last.at, last.id) : null };
}
