/**
 * Beginning a bulk export (people, offers, pledges): the policy's
 * `records.export` and the scope it allows, one audit entry written before
 * the first byte (the filters and the row count at that moment, so that an
 * export the client abandons is recorded too), then the body, streamed in
 * batches (see `stream.ts`).
 */
import { entityScope, selfAndAncestors, type Actor, type ExportFormat, type OfferExportQuery, type PeopleExportQuery, type PledgeExportQuery } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { countPeopleForExport } from './queries/people.ts';
import { countOffersForExport } from './queries/offers.ts';
import { countVisiblePledges } from '../pledges/queries/list.ts';
import { todayOf } from '../offers/offer-view.ts';
import { exportStream } from './stream.ts';
import { peopleExport } from './people.ts';
import { offersExport } from './offers.ts';
import { pledgesExport } from './pledges.ts';

type ExportDeps = Pick<Deps, 'db' | 'clock'>;

/**
 * The policy's `records.export`: staff for entities they cover (all of them
 * when none is named), administrators for anything. Returns the entities the
 * export is scoped to (the named one and those below it), or undefined for
 * the whole tenant.
 */
function exportScope(actor: Actor, entityId: string | undefined): { entityIds: string[] | undefined; named: string[] } {
  // No entity named: the ones the actor looks after, whichever they are (so that a withheld staff membership, an email code, is told apart).
  authorize(actor, 'records.export', { kind: 'records', tenantId: actor.tenantId, entityIds: entityId ? [entityId] : 'covered' });
  if (entityId) return { named: [entityId], entityIds: Object.keys(actor.entityParents).filter((id) => selfAndAncestors(actor.entityParents, id).includes(entityId)) };
  const scope = entityScope(actor);
  return scope.all ? { named: [], entityIds: undefined } : { named: [...scope.entityIds], entityIds: [...scope.entityIds] };
}

/** The export's audit entry, in a transaction of its own. */
async function auditExport(deps: Pick<Deps, 'db'>, call: Call, what: 'people' | 'offers' | 'pledges', named: string[], detail: { format: ExportFormat; filters: Record<string, unknown>; rows: number }): Promise<void> {
  await withTransaction({ db: deps.db }, async (tx) => writeAudit(tx, call.who, { action: 'records.export', objectType: what, entityIds: named, detail }));
}

/** People of the reader's entities with their profile, consent state per purpose and channel, and solicitation cap. */
export async function exportPeople(deps: ExportDeps, call: Call, { format, ...filters }: PeopleExportQuery): Promise<ReadableStream<Uint8Array>> {
  const { db, clock } = deps;
  const { actor } = call;
  const { entityIds, named } = exportScope(actor, filters.entityId);
  const scope = { tenantId: actor.tenantId, entityIds, graduationYear: filters.graduationYear };
  await auditExport(deps, call, 'people', named, { format, filters, rows: await countPeopleForExport(db, scope) });
  const { shape, batches } = await peopleExport(db, actor, scope, clock.now());
  return exportStream(format, batches, shape);
}

/** Offers aimed at the reader's entities, in any state. */
export async function exportOffers(deps: ExportDeps, call: Call, { format, ...filters }: OfferExportQuery): Promise<ReadableStream<Uint8Array>> {
  const { db, clock } = deps;
  const { actor } = call;
  const { entityIds, named } = exportScope(actor, filters.entityId);
  const scope = { tenantId: actor.tenantId, entityIds, status: filters.status, kind: filters.kind, today: todayOf(clock.now()) };
  await auditExport(deps, call, 'offers', named, { format, filters, rows: await countOffersForExport(db, scope) });
  const { shape, batches } = await offersExport(db, actor, scope);
  return exportStream(format, batches, shape);
}

/** The pledges GET /v1/pledges would list, amounts only where the reader may see them. */
export async function exportPledges(deps: Pick<Deps, 'db'>, call: Call, { format, ...filters }: PledgeExportQuery): Promise<ReadableStream<Uint8Array>> {
  const { db } = deps;
  const { actor } = call;
  const { named } = exportScope(actor, filters.entityId);
  await auditExport(deps, call, 'pledges', named, { format, filters, rows: await countVisiblePledges(db, actor, filters) });
  const { shape, batches } = pledgesExport(db, actor, filters);
  return exportStream(format, batches, shape);
}
