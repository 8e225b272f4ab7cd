import { Hono } from 'hono';
import * as v from 'valibot';
import { DataExportSchema, ErasureRequestAnswerSchema, ErasureRequestListQuerySchema, ErasureRequestListSchema, ErasureRequestViewSchema, OwnErasureRequestsSchema, DataExportQuerySchema, ErasureRequestSchema, IdSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { checkedOrigin } from '../consents/origin.ts';
import { requestLanguage } from '../http/language.ts';
import { describeRoute, zipFile } from '../http/describe.ts';
import { exportMyData } from './data-export.ts';
import { erasureRequestLocation, listMyErasureRequests, requestErasure } from './erasure-request.ts';
import { processErasureRequest, readErasureRequest } from './erasure-process.ts';
import { erasureView, listErasureRequests } from './erasure-list.ts';

/**
 * GDPR rights of the signed-in person, under `/v1/me` (mounted next to the
 * `me` routes): the export of everything held about them, and erasure.
 */
export const rightsRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Everything Passerelle holds about the person in this tenant: JSON, or `?format=zip` for a zip of CSVs. */
  .get('/export', describeRoute({ operationId: 'exportMyData', summary: 'Everything held about oneself: JSON, or a zip of CSV files with ?format=zip', description: 'Needs a sign-in from the last 15 minutes: otherwise 401 with `reason: recentSignInRequired`.', tags: ['me'], answers: { 200: [DataExportSchema, zipFile] }, writes: true }), queryParams(DataExportQuerySchema), async (c) => {
    const file = await exportMyData(c.get('deps'), callOf(c), { format: c.req.valid('query').format, signedInAt: c.get('auth').signedInAt });
    if (file.format === 'zip') {
      return c.body(file.data, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      });
    }
    c.header('cache-control', 'no-store');
    return c.json(file.body, 200);
  })
  /** The person's erasure requests, newest first. */
  .get('/erasure', describeRoute({ operationId: 'listMyErasureRequests', summary: 'One’s erasure requests, newest first, and what erasure does', tags: ['me'], answers: { 200: OwnErasureRequestsSchema } }), async (c) => {
    const mine = await listMyErasureRequests(c.get('deps'), callOf(c), await requestLanguage(c));
    return c.json({ ...mine, items: mine.items.map(erasureView) }, 200);
  })
  /**
   * Asks for erasure. At once: the directory entry is hidden and every
   * marketing use withdrawn. The rest waits for staff (`POST
   * /v1/erasure-requests/:id/process`). Asking twice returns the pending request.
   */
  .post('/erasure', describeRoute({ operationId: 'requestErasure', summary: 'Ask for one’s account and data to be erased (recent sign-in)', description: 'Asking again while a request is pending answers that request (200).', tags: ['me'], answers: { 201: ErasureRequestAnswerSchema, 200: ErasureRequestAnswerSchema }, location: true }), jsonBody(ErasureRequestSchema), async (c) => {
    const { created, request } = await requestErasure(c.get('deps'), callOf(c), { ...c.req.valid('json'), signedInAt: c.get('auth').signedInAt, origin: checkedOrigin(c), language: await requestLanguage(c) });
    c.header('location', erasureRequestLocation(request.id));
    return c.json(erasureView(request), created ? 201 : 200);
  });

/** Staff and administrators: the erasure requests of the people in their scope, and their processing. */
export const erasureRequestRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  .get('/', describeRoute({ operationId: 'listErasureRequests', summary: 'The erasure requests the caller may process, each with its due date (staff, administrators)', description: '`status=pending`: oldest first, so the nearest due date first; `processed` or none: latest first. `dueOn` is one month after the request (GDPR art. 12(3)).', tags: ['erasure-requests'], answers: { 200: ErasureRequestListSchema } }), queryParams(ErasureRequestListQuerySchema), async (c) =>
    c.json(await listErasureRequests(c.get('deps'), callOf(c), c.req.valid('query')), 200),
  )
  .get('/:id', describeRoute({ operationId: 'getErasureRequest', summary: 'One erasure request', tags: ['erasure-requests'], answers: { 200: ErasureRequestViewSchema } }), pathParams(v.object({ id: IdSchema })), async (c) =>
    c.json(erasureView(await readErasureRequest(c.get('deps'), callOf(c), { id: c.req.valid('param').id })), 200),
  )
  /** Carries out the erasure: profile deleted, pledges anonymised (tax data kept), identity removed. */
  .post('/:id/process', describeRoute({ operationId: 'processErasureRequest', summary: 'Carry out an erasure: profile deleted, pledges anonymised, identity removed', tags: ['erasure-requests'], answers: { 200: ErasureRequestViewSchema }, problems: [409] }), pathParams(v.object({ id: IdSchema })), async (c) =>
    c.json(erasureView(await processErasureRequest(c.get('deps'), callOf(c), { id: c.req.valid('param').id, origin: checkedOrigin(c) })), 200),
  );
