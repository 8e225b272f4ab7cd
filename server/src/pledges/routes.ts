import { Hono } from 'hono';
import * as v from 'valibot';
import {
  PledgeImportResultSchema,
  PledgePageSchema,
  PledgeParametersSchema,
  PledgeSchema,
  PledgeTotalsSchema,
  IdSchema,
  PledgeCancelSchema,
  PledgeCreateSchema,
  PledgeImportSchema,
  PledgeListQuerySchema,
  PledgePatchSchema,
  PledgeReceiveSchema,
  taxRulesOn,
  type Page,
  type Pledge,
  type PledgeParameters,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, inLanguage, validationProblem } from '../http/problem.ts';
import { requestLanguage } from '../http/language.ts';
import { authorize } from '../auth/authorize.ts';
import { idempotent, rememberReply } from '../http/idempotency.ts';
import { findPledgeJoined } from './queries/joined.ts';
import { listBeneficiaries } from './queries/lookups.ts';
import { insertPledge } from './queries/write.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { canReadAmount, managesBeneficiary } from './access.ts';
import { etagOf, projectPledge } from './project.ts';
import { parseTransferReport } from './csv.ts';
import { loadForChange, loadVisible, paymentUrlOf, today } from './load.ts';
import { createDonation, createTaxPledge } from './create.ts';
import { listPledges } from './list.ts';
import { CHANGE_REASON, RECEIVE_REASON, changePledge, editedColumns } from './change.ts';
import { applyTransferReport, pledgeTotals } from './totals.ts';
import { recordEvent } from '../webhooks/record.ts';
import { describeRoute } from '../http/describe.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

export const pledgeRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** What the element needs: the tax rules in force, the SOLTéA calendar, suggested amounts, funds, beneficiaries. */
  .get('/parameters', describeRoute({ operationId: 'getPledgeParameters', summary: 'The tax rules in force, the SOLTéA calendar, suggested amounts, funds and beneficiaries', tags: ['pledges'], answers: { 200: PledgeParametersSchema } }), (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const config = c.var.deps.config.parameters.pledges;
    const day = today(c);
    const year = Number(day.slice(0, 4));
    const campaign = config.apprenticeshipTax.campaigns.find((k) => k.year === year) ?? [...config.apprenticeshipTax.campaigns].sort((a, b) => b.year - a.year)[0] ?? null;
    const body: PledgeParameters = {
      today: day,
      taxReduction: taxRulesOn(config.taxReduction, day),
      campaign,
      solteaUrl: config.apprenticeshipTax.solteaUrl,
      suggestedAmountsCents: config.suggestedAmountsCents,
      funds: config.funds,
      beneficiaries: listBeneficiaries(db, actor.tenantId),
      paymentUrl: paymentUrlOf(c.var.deps, actor.tenantId, tenantSlug),
    };
    return c.json(body, 200);
  })
  /** Promised versus received per beneficiary entity: staff for their entities, administrators for all. */
  .get('/totals', describeRoute({ operationId: 'getPledgeTotals', summary: 'Promised versus received per beneficiary entity (staff, administrators)', tags: ['pledges'], answers: { 200: PledgeTotalsSchema } }), queryParams(v.object({ campaignYear: PledgeListQuerySchema.entries.campaignYear, kind: PledgeListQuerySchema.entries.kind })), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'pledge.totals', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
    const items = pledgeTotals(db, actor, c.req.valid('query'));
    return c.json({ items }, 200);
  })
  /** The pledges the caller may see, amounts only where they may read them. */
  .get('/', describeRoute({ operationId: 'listPledges', summary: 'The pledges the caller may see, amounts only where they may read them', tags: ['pledges'], answers: { 200: PledgePageSchema } }), queryParams(PledgeListQuerySchema), (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const body: Page<Pledge> = listPledges(db, actor, c.req.valid('query'), paymentUrlOf(c.var.deps, actor.tenantId, tenantSlug));
    return c.json(body, 200);
  })
  /** Pledges a gift or apprenticeship tax. `Idempotency-Key` required: a retry returns the first answer. */
  .post('/', describeRoute({ operationId: 'createPledge', summary: 'Pledge a gift or apprenticeship tax', tags: ['pledges'], answers: { 201: PledgeSchema }, idempotencyKey: true, location: true, etag: true }), idempotent(), jsonBody(PledgeCreateSchema), (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const input = c.req.valid('json');
    const values = input.kind === 'donation' ? createDonation(c, input) : createTaxPledge(c, input);
    const who = auditOrigin(c);
    const paymentUrl = paymentUrlOf(c.var.deps, actor.tenantId, tenantSlug);
    const { body, etag } = db.transaction((tx) => {
      const row = insertPledge(tx, values);
      writeAudit(tx, who, {
        action: `pledge.create`,
        objectType: 'pledge',
        objectId: row.id,
        entityIds: [row.entityId],
        subjectId: actor.personId,
        // No amount in the audit: its readers are not all allowed to see it.
        detail: { kind: row.kind, companyId: row.companyId, campaignYear: row.campaignYear },
      });
      recordEvent(tx, who, { type: 'pledge.created', pledgeId: row.id });
      const joined = findPledgeJoined(tx, row.tenantId, row.id)!;
      const body = projectPledge(actor, joined, { paymentUrl });
      rememberReply(tx, c, 201, body, `/v1/pledges/${row.id}`);
      return { body, etag: etagOf(row) };
    });
    c.header('location', `/v1/pledges/${body.id}`);
    c.header('etag', etag);
    return c.json(body, 201);
  })
  /** Marks received amounts from the SOLTéA transfer report (staff, for their entities; administrators). */
  .post('/import', describeRoute({ operationId: 'importTransferReport', summary: 'Mark received the transfers of a SOLTéA report (staff, administrators)', tags: ['pledges'], answers: { 200: PledgeImportResultSchema } }), jsonBody(PledgeImportSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'pledge.import', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
    const parsed = parseTransferReport(c.req.valid('json').csv);
    if ('error' in parsed) throw ProblemError.of('validation', parsed.error, { errors: [{ path: 'csv', ...parsed.error }] });
    const who = auditOrigin(c);
    const results = applyTransferReport(db, actor, who, parsed);
    const language = requestLanguage(c);
    // An invalid line says why by code, and in the reader's words.
    const lines = results.map(({ said, ...r }) => (said ? { ...r, ...said, message: inLanguage(language, said) } : r));
    return c.json({ received: results.filter((r) => r.outcome === 'received').length, lines }, 200);
  })
  .get('/:id', describeRoute({ operationId: 'getPledge', summary: 'One pledge', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true }), idParam, (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const joined = loadVisible(db, actor, c.req.valid('param').id);
    c.header('etag', etagOf(joined.pledge));
    return c.json(projectPledge(actor, joined, { paymentUrl: paymentUrlOf(c.var.deps, actor.tenantId, tenantSlug) }), 200);
  })
  /** Edits a pledge (`If-Match`). Amounts change only while it is promised. */
  .patch('/:id', describeRoute({ operationId: 'updatePledge', summary: 'Edit a pledge; amounts only while it is promised', tags: ['pledges'], answers: { 200: PledgeSchema }, ifMatch: true, etag: true, problems: [409] }), idParam, jsonBody(PledgePatchSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const ifMatch = c.req.header('if-match')?.trim();
    if (!ifMatch || ifMatch === '*') throw new ProblemError('preconditionRequired', 'pledge.ifMatchRequired');
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => canReadAmount(actor, p), CHANGE_REASON);
    const p = joined.pledge;
    if (ifMatch !== etagOf(p)) throw new ProblemError('preconditionFailed', 'pledge.changed');
    const input = c.req.valid('json');
    const set = editedColumns(c, p, input);
    return c.json(changePledge(c, joined, set, 'pledge.edit', { fields: Object.keys(input) }, p.version), 200);
  })
  /** The company allocated its tax on SOLTéA. */
  .post('/:id/allocate', describeRoute({ operationId: 'allocatePledge', summary: 'The company allocated its tax on SOLTéA', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true, problems: [409, 412] }), idParam, (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => canReadAmount(actor, p), CHANGE_REASON);
    const p = joined.pledge;
    if (p.kind !== 'apprenticeship_tax') throw new ProblemError('conflict', 'pledge.allocate.notTax');
    if (p.status !== 'promised') throw new ProblemError('conflict', 'pledge.allocate.wrongStatus', { status: p.status });
    return c.json(changePledge(c, joined, { status: 'allocated' }, 'pledge.allocate', {}), 200);
  })
  /** The money arrived (staff of the beneficiary, administrators). */
  .post('/:id/receive', describeRoute({ operationId: 'receivePledge', summary: 'The money arrived (the beneficiary’s staff, administrators)', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true, problems: [409, 412] }), idParam, jsonBody(PledgeReceiveSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => managesBeneficiary(actor, p.entityId), RECEIVE_REASON);
    const p = joined.pledge;
    if (p.status !== 'promised' && p.status !== 'allocated') throw new ProblemError('conflict', 'pledge.receive.wrongStatus', { status: p.status });
    const input = c.req.valid('json');
    const received = input.receivedAmountCents ?? p.amountCents;
    if (received === null) throw validationProblem([{ path: 'receivedAmountCents', code: 'pledge.receive.amountNeeded', params: {} }]);
    return c.json(changePledge(c, joined, { status: 'received', receivedCents: received, receivedOn: input.receivedOn ?? today(c) }, 'pledge.receive', {}), 200);
  })
  .post('/:id/cancel', describeRoute({ operationId: 'cancelPledge', summary: 'Cancel a promised or allocated pledge', tags: ['pledges'], answers: { 200: PledgeSchema }, etag: true, problems: [409, 412] }), idParam, jsonBody(PledgeCancelSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => canReadAmount(actor, p), CHANGE_REASON);
    const p = joined.pledge;
    if (p.status !== 'promised' && p.status !== 'allocated') throw new ProblemError('conflict', 'pledge.cancel.wrongStatus', { status: p.status });
    return c.json(changePledge(c, joined, { status: 'cancelled' }, 'pledge.cancel', { reason: c.req.valid('json').reason ?? null }), 200);
  });
