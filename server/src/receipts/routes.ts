/**
 * `/v1/receipts`: gifts' tax receipts. The donor (and the giving company's
 * representatives), staff of the beneficiary and administrators download a
 * receipt; staff list their entities' receipts and correct one (it is
 * cancelled and replaced under a new number); administrators set in whose
 * name the institution issues them. Receipts are issued by marking a gift
 * received (`POST /v1/pledges/:id/receive`, the payment callback).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { IdSchema, ReceiptCorrectionSchema, ReceiptIssuerSchema, ReceiptIssuerSettingSchema, ReceiptListQuerySchema, ReceiptPageSchema, ReceiptSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { callOf } from '../call.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { describeRoute, receiptPdfFile } from '../http/describe.ts';
import { putReceiptIssuer, readReceiptIssuer } from './issuer.ts';
import { listReceipts, loadReceipt, receiptPdf, receiptView } from './read.ts';
import { correctReceipt } from './correct.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

export const receiptRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** The receipts of the entities the caller looks after (all: administrators), latest number first. */
  .get('/', describeRoute({ operationId: 'listReceipts', summary: 'Tax receipts of the caller’s entities, latest number first (staff, administrators)', tags: ['pledges'], answers: { 200: ReceiptPageSchema } }), queryParams(ReceiptListQuerySchema), async (c) => {
    return c.json(await listReceipts(c.get('deps'), callOf(c), c.req.valid('query')), 200);
  })
  .get('/issuer', describeRoute({ operationId: 'getReceiptIssuer', summary: 'In whose name the institution issues tax receipts (administrators); null: it issues none', tags: ['pledges'], answers: { 200: ReceiptIssuerSettingSchema } }), async (c) => {
    return c.json(await readReceiptIssuer(c.get('deps'), callOf(c)), 200);
  })
  .put('/issuer', describeRoute({ operationId: 'setReceiptIssuer', summary: 'Set the institution’s legal name, address, object, status, SIREN and signatory for its tax receipts (administrators)', tags: ['pledges'], answers: { 200: ReceiptIssuerSettingSchema } }), jsonBody(ReceiptIssuerSchema), async (c) => {
    return c.json(await putReceiptIssuer(c.get('deps'), callOf(c), c.req.valid('json')), 200);
  })
  .get('/:id', describeRoute({ operationId: 'getReceipt', summary: 'One tax receipt (the donor, staff of the beneficiary, administrators)', tags: ['pledges'], answers: { 200: ReceiptSchema } }), idParam, async (c) => {
    const { receipt } = await loadReceipt(c.get('deps').db, c.get('auth').actor, c.req.valid('param').id, 'receipt.read');
    return c.json(receiptView(receipt), 200);
  })
  /** The PDF, as issued; a cancelled receipt says so on top with its replacement's number. */
  .get('/:id/receipt.pdf', describeRoute({ operationId: 'downloadReceipt', summary: 'A tax receipt as a PDF (the donor, staff of the beneficiary, administrators)', tags: ['pledges'], answers: { 200: receiptPdfFile } }), idParam, async (c) => {
    const { number, pdf } = await receiptPdf(c.get('deps'), callOf(c), c.req.valid('param'));
    return c.body(pdf, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="recu-fiscal-${number}.pdf"`, 'cache-control': 'no-store' });
  })
  /** Cancels the receipt and issues the corrected one under the next number (staff of the beneficiary, administrators). */
  .post('/:id/correct', describeRoute({ operationId: 'correctReceipt', summary: 'Correct a tax receipt: it is cancelled and replaced under a new number (staff of the beneficiary, administrators)', tags: ['pledges'], answers: { 201: ReceiptSchema }, location: true, problems: [409, 412] }), idParam, jsonBody(ReceiptCorrectionSchema), async (c) => {
    const next = await correctReceipt(c.get('deps'), callOf(c), { id: c.req.valid('param').id, correction: c.req.valid('json') });
    c.header('location', `/v1/receipts/${next.id}`);
    return c.json(receiptView(next), 201);
  });
