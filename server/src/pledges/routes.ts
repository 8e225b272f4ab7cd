import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  PledgeImportResultSchema,
  PledgePageSchema,
  PledgeParametersSchema,
  PledgeSchema,
  PledgeTotalsSchema,
  IdSchema,
  PledgeCancelSchema,
  PledgeCreateWithConsentsSchema,
  PledgeImportSchema,
  PledgeListQuerySchema,
  PledgePatchSchema,
  PledgeReceiveSchema,
  CampaignEntrySchema,
  CampaignListSchema,
  CampaignSetSchema,
  CampaignYearParamSchema,
  PaymentPagesAnswerSchema,
  PaymentPagesSchema,
  PledgeTransferPageSchema,
  PledgeTransferSchema,
  TransferListQuerySchema,
  TransferMatchSchema,
  type Page,
  type Pledge,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { callOf } from '../call.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, inLanguage } from '../http/problem.ts';
import { requestLanguage } from '../http/language.ts';
import { idempotent } from '../http/idempotency.ts';
import { paymentUrlOf, readPledge } from './load.ts';
import { createPledge } from './create.ts';
import { listPledges } from './list.ts';
import { editPledge, type ChangedPledge } from './change.ts';
import { allocatePledge, cancelPledge, receivePledge } from './status.ts';
import { importTransferReport, pledgeTotals } from './totals.ts';
import { pledgeParameters } from './parameters.ts';
import { listKeptTransfers, matchTransfer } from './transfers.ts';
import { campaignEntries, resetCampaign, setCampaign } from './campaigns.ts';
import { readPaymentPages, setPaymentPages } from './payment-pages.ts';
import { describeRoute } from '../http/describe.ts';
import { formConsentsOf } from '../consents/form-consents.ts';

const idParam = pathParams(v.object({ id: IdSchema }));
const yearParam = pathParams(v.object({ year: CampaignYearParamSchema }));

/** A pledge after a change: its version in `ETag`, the pledge as the caller now sees it. */
function changed(c: Context<AppEnv>, { pledge, etag }: ChangedPledge) {
  c.header('etag', etag);
  return c.json(pledge, 200);
}

export const pledgeRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** What the element needs: the tax rules in force, the SOLTéA calendar, suggested amounts, funds, beneficiaries. */
  .get('/parameters', describeRoute({ operationId: 'getPledgeParameters', summary: 'The tax rules in force, the SOLTéA calendar, suggested amounts, funds and beneficiaries', tags: ['pledges'], answers: { 200: PledgeParametersSchema } }), async (c) => {
    return c.json(await pledgeParameters(c.get('deps'), callOf(c)), 200);
  })
  /** Promised versus received per beneficiary entity: staff for their entities, administrators for all. */
  .get('/totals', describeRoute({ operationId: 'getPledgeTotals', summary: 'Promised versus received per beneficiary entity, and per campaign and status (staff, administrators)', tags: ['pledges'], answers: { 200: PledgeTotalsSchema } }), queryParams(v.object({ campaignYear: PledgeListQuerySchema.entries.campaignYear, kind: PledgeListQuerySchema.entries.kind })), async (c) => {
    return c.json(await pledgeTotals(c.get('deps'), callOf(c), c.req.valid('query')), 200);
  })
  /** The pledges the caller may see, amounts only where they may read them. */
  .get('/', describeRoute({ operationId: 'listPledges', summary: 'The pledges the caller may see, amounts only where they may read them', tags: ['pledges'], answers: { 200: PledgePageSchema } }), queryParams(PledgeListQuerySchema), async (c) => {
    const { db } = c.get('deps');
    const { actor, tenantSlug } = c.get('auth');
    const body: Page<Pledge> = await listPledges(db, actor, c.req.valid('query'), await paymentUrlOf(c.get('deps'), actor.tenantId, tenantSlug));
    return c.json(body, 200);
  })
  /** Pledges a gift or apprenticeship tax. `Idempotency-Key` required: a retry returns the first answer. */
  .post('/', describeRoute({ operationId: 'createPledge', summary: 'Pledge a gift or apprenticeship tax', tags: ['pledges'], answers: { 201: PledgeSchema }, idempotencyKey: true, location: true, etag: true }), idempotent(), jsonBody(PledgeCreateWithConsentsSchema), async (c) => {
    const { consents, ...pledgeBody } = c.req.valid('json');
    const { pledge, etag } = await createPledge(c.get('deps'), callOf(c, { idempotent: true }), pledgeBody, formConsentsOf(c, consents));
    c.header('location', `/v1/pledges/${pledge.id}`);
    c.header('etag', etag);
    return c.json(pledge, 201);
  })
  /** Marks received amounts from the SOLTéA transfer report (staff, for their entities; administrators). */
  .post('/import', describeRoute({ operationId: 'importTransferReport', summary: 'Mark received the transfers of a SOLTéA report (staff, administrators)', tags: ['pledges'], answers: { 200: PledgeImportResultSchema } }), jsonBody(PledgeImportSchema), async (c) => {
    const { received, lines } = await importTransferReport(c.get('deps'), callOf(c), c.req.valid('json'));
    const language = await requestLanguage(c);
    // An invalid line says why by code, and in the reader's words.
    return c.json({ received, lines: lines.map(({ said, ...r }) => (said ? { ...r, ...said, message: inLanguage(language, said) } : r)) }, 200);
  })
  /** The kept lines of transfer reports (unmatched, ambiguous, matched) of the schools the caller looks after, with the pledges each could settle. */
  .get('/transfers', describeRoute({ operationId: 'listPledgeTransfers', summary: 'Kept transfer lines to match by hand, with their candidate pledges (staff, administrators)', description: '`status`: `open` (default: unmatched and ambiguous, oldest first), `unmatched`, `ambiguous` or `matched` (latest first).', tags: ['pledges'], answers: { 200: PledgeTransferPageSchema } }), queryParams(TransferListQuerySchema), async (c) => {
    return c.json(await listKeptTransfers(c.get('deps'), callOf(c), c.req.valid('query')), 200);
  })
  /** Staff choose the pledge a kept transfer settles: it is marked received with the transfer's amount and date. */
  .post('/transfers/:id/match', describeRoute({ operationId: 'matchPledgeTransfer', summary: 'Settle a pledge with a kept transfer line (the school’s staff, administrators)', tags: ['pledges'], answers: { 200: PledgeTransferSchema }, problems: [409] }), idParam, jsonBody(TransferMatchSchema), async (c) => {
    return c.json(await matchTransfer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, pledgeId: c.req.valid('json').pledgeId }), 200);
  })
  /** Every year's SOLTéA calendar as it applies: the configuration file's, or what an administrator set. */
  .get('/campaigns', describeRoute({ operationId: 'listCampaigns', summary: 'Every year’s SOLTéA calendar as it applies, and where it comes from', tags: ['pledges'], answers: { 200: CampaignListSchema } }), async (c) => {
    return c.json({ items: await campaignEntries(c.get('deps')) }, 200);
  })
  /** Sets a year's SOLTéA calendar (national: every institution), or marks it not yet published (administrators). */
  .put('/campaigns/:year', describeRoute({ operationId: 'setCampaign', summary: 'Set a year’s SOLTéA calendar, national (administrators)', tags: ['pledges'], answers: { 200: CampaignEntrySchema } }), yearParam, jsonBody(CampaignSetSchema), async (c) => {
    return c.json(await setCampaign(c.get('deps'), callOf(c), { year: c.req.valid('param').year, calendar: c.req.valid('json') }), 200);
  })
  /** Forgets what was set for a year: the configuration file's calendar applies again (administrators). */
  .delete('/campaigns/:year', describeRoute({ operationId: 'resetCampaign', summary: 'Back to the configuration file’s calendar for a year (administrators)', tags: ['pledges'], answers: { 204: null } }), yearParam, async (c) => {
    await resetCampaign(c.get('deps'), callOf(c), c.req.valid('param'));
    return c.body(null, 204);
  })
  /** The institution's payment pages for gifts, and whether the signed callback can be used (administrators). */
  .get('/payment-pages', describeRoute({ operationId: 'getPaymentPages', summary: 'The gifts’ payment pages: institution, entities, funds (administrators)', tags: ['pledges'], answers: { 200: PaymentPagesAnswerSchema } }), async (c) => {
    return c.json(await readPaymentPages(c.get('deps'), callOf(c)), 200);
  })
  /** Replaces the institution's payment page templates (administrators). */
  .put('/payment-pages', describeRoute({ operationId: 'setPaymentPages', summary: 'Set the gifts’ payment pages: institution, entities, funds (administrators)', tags: ['pledges'], answers: { 200: PaymentPagesAnswerSchema } }), jsonBody(PaymentPagesSchema), async (c) => {
    return c.json(await setPaymentPages(c.get('deps'), callOf(c), c.req.valid('json')), 200);
  })
  .get('/:id', describeRoute({ operationId: 'getPledge', summary: 'One pledge', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true }), idParam, async (c) => {
    const { pledge, etag } = await readPledge(c.get('deps'), callOf(c), c.req.valid('param'));
    c.header('etag', etag);
    return c.json(pledge, 200);
  })
  /** Edits a pledge (`If-Match`). Amounts change only while it is promised. */
  .patch('/:id', describeRoute({ operationId: 'updatePledge', summary: 'Edit a pledge; amounts only while it is promised', tags: ['pledges'], answers: { 200: PledgeSchema }, ifMatch: true, etag: true, problems: [409] }), idParam, jsonBody(PledgePatchSchema), async (c) => {
    const ifMatch = c.req.header('if-match')?.trim();
    if (!ifMatch || ifMatch === '*') throw new ProblemError('preconditionRequired', 'pledge.ifMatchRequired');
    return changed(c, (await editPledge(c.get('deps'), callOf(c), { id: c.req.valid('param').id, ifMatch, patch: c.req.valid('json') })));
  })
  /** The company allocated its tax on SOLTéA. */
  .post('/:id/allocate', describeRoute({ operationId: 'allocatePledge', summary: 'The company allocated its tax on SOLTéA', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true, problems: [409, 412] }), idParam, async (c) => {
    return changed(c, (await allocatePledge(c.get('deps'), callOf(c), c.req.valid('param'))));
  })
  /** The money arrived (staff of the beneficiary, administrators). */
  .post('/:id/receive', describeRoute({ operationId: 'receivePledge', summary: 'The money arrived (the beneficiary’s staff, administrators)', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true, problems: [409, 412] }), idParam, jsonBody(PledgeReceiveSchema), async (c) => {
    return changed(c, (await receivePledge(c.get('deps'), callOf(c), { ...c.req.valid('json'), ...c.req.valid('param') })));
  })
  .post('/:id/cancel', describeRoute({ operationId: 'cancelPledge', summary: 'Cancel a promised or allocated pledge', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true, problems: [409, 412] }), idParam, jsonBody(PledgeCancelSchema), async (c) => {
    return changed(c, (await cancelPledge(c.get('deps'), callOf(c), { ...c.req.valid('json'), ...c.req.valid('param') })));
  });
