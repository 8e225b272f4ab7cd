/**
 * The erasure requests staff work (issue 18 item 4): each with the day it
 * must be answered by, one month after it was made (`erasureDueOn`), the
 * pending ones nearest that day first; only those the caller may process
 * (the policy's `erasure.process`: staff of the person's entities,
 * administrators, never one's own).
 */
import { can, entityScope, erasureDueOn, type ErasureRequestListQuery, type Page, type StaffErasureRequest } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { decodeCursor, encodeCursor } from '../offers/cursor.ts';
import { entityIdsOf } from '../profiles/queries/people.ts';
import { listErasureRequestsForStaff } from './queries/erasure-requests.ts';

/** A request as the API answers it: with its due date. */
export const erasureView = <R extends { requestedAt: string }>(row: R): R & { dueOn: string } => ({ ...row, dueOn: erasureDueOn(row.requestedAt) });

/** A page of the requests the caller may process: `pending` oldest first (the nearest due date first), otherwise latest first. */
export async function listErasureRequests(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>, q: ErasureRequestListQuery): Promise<Page<StaffErasureRequest>> {
  const { db } = deps;
  const { actor } = call;
  const scope = entityScope(actor);
  const after = decodeCursor(q.cursor);
  const rows = await listErasureRequestsForStaff(db, actor.tenantId, {
    status: q.status,
    entityIds: scope.all ? null : scope.entityIds,
    notOf: actor.personId,
    oldestFirst: q.status === 'pending',
    after: after && { requestedAt: after.sortKey, id: after.id },
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const owners = await entityIdsOf(db, actor.tenantId, page.map((r) => r.personId));
  const items = page
    .filter((r) => can(actor, 'erasure.process', { kind: 'person', tenantId: actor.tenantId, personId: r.personId, entityIds: owners.get(r.personId) ?? [] }))
    .map(({ displayName, ...r }) => ({ ...erasureView(r), person: { id: r.personId, displayName } }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.requestedAt, last.id) : null };
}
