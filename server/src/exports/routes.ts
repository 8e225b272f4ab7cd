/**
 * `GET /v1/exports/{people,offers,pledges}?format=csv|json&<filters>`: bulk
 * exports for staff (what their entities hold) and administrators (the whole
 * tenant), streamed in batches (see `exports/stream.ts`). CSV is `;`
 * separated, UTF-8 with a BOM, CRLF, for a French Excel; JSON is
 * `{"items":[...]}` with the API's own item shapes. Each export writes one
 * audit entry before its first byte, with the filters and the row count at
 * that moment, so an export the client abandons is recorded too.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { OfferExportSchema, PeopleExportSchema, PledgeExportSchema, OfferExportQuerySchema, PeopleExportQuerySchema, PledgeExportQuerySchema, entityScope, selfAndAncestors, type Actor, type ExportFormat } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { queryParams } from '../http/validate.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { countPeopleForExport } from './queries/people.ts';
import { countOffersForExport } from './queries/offers.ts';
import { countVisiblePledges } from '../pledges/queries/list.ts';
import { todayOf } from '../offers/offer-view.ts';
import { exportResponse, exportStream } from './stream.ts';
import { peopleExport } from './people.ts';
import { offersExport } from './offers.ts';
import { pledgesExport } from './pledges.ts';
import { csvFile, describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

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

async function auditExport(c: Context<AppEnv>, what: 'people' | 'offers' | 'pledges', named: string[], detail: { format: ExportFormat; filters: Record<string, unknown>; rows: number }): Promise<void> {
  await withTransaction({ db: c.var.deps.db }, async (tx) => writeAudit(tx, auditOrigin(c), { action: 'records.export', objectType: what, entityIds: named, detail }));
}

export const exportRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** People of the reader's entities with their profile, consent state per purpose and channel, and solicitation cap. */
  .get('/people', describeRoute({ operationId: 'exportPeople', summary: 'People of the reader’s entities: profile, memberships, consent per purpose and channel, cap', tags: ['exports'], answers: { 200: [csvFile, PeopleExportSchema] }, writes: true }), queryParams(PeopleExportQuerySchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const { format, ...filters } = c.req.valid('query');
    const { entityIds, named } = exportScope(actor, filters.entityId);
    const scope = { tenantId: actor.tenantId, entityIds, graduationYear: filters.graduationYear };
    await auditExport(c, 'people', named, { format, filters, rows: await countPeopleForExport(db, scope) });
    const { shape, batches } = await peopleExport(db, actor, scope, clock.now());
    return exportResponse(c, 'people', format, exportStream(format, batches, shape));
  })
  /** Offers aimed at the reader's entities, in any state. */
  .get('/offers', describeRoute({ operationId: 'exportOffers', summary: 'Offers aimed at the reader’s entities, in every state', tags: ['exports'], answers: { 200: [csvFile, OfferExportSchema] }, writes: true }), queryParams(OfferExportQuerySchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const { format, ...filters } = c.req.valid('query');
    const { entityIds, named } = exportScope(actor, filters.entityId);
    const scope = { tenantId: actor.tenantId, entityIds, status: filters.status, kind: filters.kind, today: todayOf(clock.now()) };
    await auditExport(c, 'offers', named, { format, filters, rows: await countOffersForExport(db, scope) });
    const { shape, batches } = await offersExport(db, actor, scope);
    return exportResponse(c, 'offers', format, exportStream(format, batches, shape));
  })
  /** The pledges GET /v1/pledges would list, amounts only where the reader may see them. */
  .get('/pledges', describeRoute({ operationId: 'exportPledges', summary: 'The pledges the list shows the reader, amounts only where they may read them', tags: ['exports'], answers: { 200: [csvFile, PledgeExportSchema] }, writes: true }), queryParams(PledgeExportQuerySchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const { format, ...filters } = c.req.valid('query');
    const { named } = exportScope(actor, filters.entityId);
    await auditExport(c, 'pledges', named, { format, filters, rows: await countVisiblePledges(db, actor, filters) });
    const { shape, batches } = pledgesExport(db, actor, filters);
    return exportResponse(c, 'pledges', format, exportStream(format, batches, shape));
  });
