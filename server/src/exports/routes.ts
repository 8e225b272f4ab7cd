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
import { OfferExportSchema, PeopleExportSchema, PledgeExportSchema, OfferExportQuerySchema, PeopleExportQuerySchema, PledgeExportQuerySchema, ReceiptExportQuerySchema, ReceiptPageSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { queryParams } from '../http/validate.ts';
import { exportResponse } from './stream.ts';
import { exportOffers, exportPeople, exportPledges } from './begin.ts';
import { csvFile, describeRoute } from '../http/describe.ts';
import { exportReceipts } from '../receipts/export.ts';

export const exportRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** People of the reader's entities with their profile, consent state per purpose and channel, and solicitation cap. */
  .get('/people', describeRoute({ operationId: 'exportPeople', summary: 'People of the reader’s entities: profile, memberships, consent per purpose and channel, cap', tags: ['exports'], answers: { 200: [csvFile, PeopleExportSchema] }, writes: true }), queryParams(PeopleExportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    return exportResponse(c, 'people', query.format, await exportPeople(c.get('deps'), callOf(c), query));
  })
  /** Offers aimed at the reader's entities, in any state. */
  .get('/offers', describeRoute({ operationId: 'exportOffers', summary: 'Offers aimed at the reader’s entities, in every state', tags: ['exports'], answers: { 200: [csvFile, OfferExportSchema] }, writes: true }), queryParams(OfferExportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    return exportResponse(c, 'offers', query.format, await exportOffers(c.get('deps'), callOf(c), query));
  })
  /** The pledges GET /v1/pledges would list, amounts only where the reader may see them. */
  .get('/pledges', describeRoute({ operationId: 'exportPledges', summary: 'The pledges the list shows the reader, amounts only where they may read them', tags: ['exports'], answers: { 200: [csvFile, PledgeExportSchema] }, writes: true }), queryParams(PledgeExportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    return exportResponse(c, 'pledges', query.format, await exportPledges(c.get('deps'), callOf(c), query));
  })
  /** The tax receipts of the reader's entities, cancelled ones included, latest number first. */
  .get('/receipts', describeRoute({ operationId: 'exportReceipts', summary: 'Tax receipts of the reader’s entities, cancelled ones included (staff, administrators)', tags: ['exports'], answers: { 200: [csvFile, ReceiptPageSchema] }, writes: true }), queryParams(ReceiptExportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    return exportResponse(c, 'receipts', query.format, await exportReceipts(c.get('deps'), callOf(c), query));
  });
