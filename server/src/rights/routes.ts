import { Hono } from 'hono';
import type { Context } from 'hono';
import * as v from 'valibot';
import { DataExportSchema, ErasureRequestAnswerSchema, ErasureRequestListSchema, ErasureRequestViewSchema, OwnErasureRequestsSchema, DataExportQuerySchema, ErasureRequestSchema, IdSchema, can } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import {
  findErasureRequest,
  findErasureRequestById,
  findPendingErasureRequest,
  insertErasureRequest,
  listErasureRequestsOfPerson,
  listErasureRequestsOfTenant,
  markErasureRequestProcessed,
} from './queries/erasure-requests.ts';
import { findInstitutionName } from './queries/export.ts';
import type { DbOrTx } from '../db/open.ts';
import { personResource } from '../consents/people.ts';
import { checkedOrigin } from '../consents/origin.ts';
import { collectExport } from './export-parts.ts';
import { runErasure } from './erasure-hooks.ts';
import { toCsv } from '../csv/write.ts';
import { zip } from './zip.ts';
import { recordEvent } from '../webhooks/record.ts';
import { describeRoute, zipFile } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

/** Downloading or erasing one's data needs a sign-in this recent: a forgotten open session is not enough. */
export const RECENT_SIGN_IN_MINUTES = 15;

function requireRecentSignIn(c: Context<AppEnv>, task: 'export' | 'erase'): void {
  const age = c.var.deps.clock.now().getTime() - c.var.auth.signedInAt.getTime();
  if (age > RECENT_SIGN_IN_MINUTES * 60_000) {
    throw new ProblemError('unauthenticated', 'rights.recentSignIn', { task, minutes: RECENT_SIGN_IN_MINUTES }, {
      members: { reason: 'recentSignInRequired' },
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
}

/**
 * What happens to each kind of data, told to the person when they ask, so
 * they know what is kept and why (the element shows the same, translated).
 */
export const erasureNotice = {
  atOnce: [
    'Your directory entry is hidden: nobody can find or read your profile any more.',
    'Every optional use of your data (newsletters, events, job offers) is withdrawn and you object to fundraising messages: nobody may contact you for them.',
  ],
  whenProcessed: [
    'Staff process your request within one month (GDPR art. 12(3)), after checking nothing must legally be kept longer.',
    'Your profile and marketing data are deleted; your name, email and sign-in identity are removed from your account; your sessions end.',
    'Your pledges stay in the accounts without your name (anonymised).',
  ],
  kept: [
    {
      what: 'The data of the tax receipts issued for your donations (amount, date, receipt number, the donor’s identity printed on the receipt).',
      why: 'The institution must be able to show them to the tax administration for 6 years.',
      legalBasis: 'Art. L102 B du Livre des procédures fiscales (6 years); GDPR art. 17(3)(b), legal obligation.',
    },
    {
      what: 'The record of your consent choices (dates, texts you agreed to), under an anonymous id.',
      why: 'The institution must be able to prove the consents it relied on.',
      legalBasis: 'GDPR art. 7(1) and 5(2) (accountability).',
    },
    {
      what: 'This request and the audit log of changes, under an anonymous id.',
      why: 'To show that your request was handled.',
      legalBasis: 'GDPR art. 5(2) and 12 (accountability).',
    },
  ],
} as const;

/**
 * GDPR rights of the signed-in person, under `/v1/me` (mounted next to the
 * `me` routes): the export of everything held about them, and erasure.
 */
export const rightsRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Everything Passerelle holds about the person in this tenant: JSON, or `?format=zip` for a zip of CSVs. */
  .get('/export', describeRoute({ operationId: 'exportMyData', summary: 'Everything held about oneself: JSON, or a zip of CSV files with ?format=zip', description: 'Needs a sign-in from the last 15 minutes: otherwise 401 with `reason: recentSignInRequired`.', tags: ['me'], answers: { 200: [DataExportSchema, zipFile] }, writes: true }), queryParams(DataExportQuerySchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'data.export', await personResource(db, actor.tenantId, actor.personId));
    requireRecentSignIn(c, 'export');
    const now = clock.now();
    const who = auditOrigin(c);
    const format = c.req.valid('query').format;
    const parts = await withTransaction({ db }, async (tx) => {
      const collected = await collectExport(tx, actor.tenantId, actor.personId, now);
      await writeAudit(tx, who, { action: 'data.export', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { format } });
      return collected;
    });
    const tenant = await findInstitutionName(db, actor.tenantId);
    const stamp = now.toISOString().slice(0, 10);
    if (format === 'zip') {
      const readme = [
        `Data held by Passerelle about you at ${tenant?.name ?? ''}, exported ${now.toISOString()}.`,
        'One CSV file per table (UTF-8, comma-separated). Ids are random identifiers.',
        ...parts.map((p) => `- ${p.name}.csv: ${p.rows.length} row(s)`),
        '',
      ].join('\r\n');
      const files = [{ name: 'README.txt', data: readme }, ...parts.map((p) => ({ name: `${p.name}.csv`, data: toCsv(p.rows) }))];
      return c.body(zip(files, now), 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="passerelle-export-${stamp}.zip"`,
        'cache-control': 'no-store',
      });
    }
    c.header('cache-control', 'no-store');
    return c.json({ exportedAt: now.toISOString(), tenant: tenant ?? null, personId: actor.personId, parts: Object.fromEntries(parts.map((p) => [p.name, p.rows])) }, 200);
  })
  /** The person's erasure requests, newest first. */
  .get('/erasure', describeRoute({ operationId: 'listMyErasureRequests', summary: 'One’s erasure requests, newest first, and what erasure does', tags: ['me'], answers: { 200: OwnErasureRequestsSchema } }), async (c) => {
    const { actor } = c.var.auth;
    const items = await listErasureRequestsOfPerson(c.var.deps.db, actor.tenantId, actor.personId);
    return c.json({ items, nextCursor: null, notice: erasureNotice }, 200);
  })
  /**
   * Asks for erasure. At once: the directory entry is hidden and every
   * marketing use withdrawn. The rest waits for staff (`POST
   * /v1/erasure-requests/:id/process`). Asking twice returns the pending request.
   */
  .post('/erasure', describeRoute({ operationId: 'requestErasure', summary: 'Ask for one’s account and data to be erased (recent sign-in)', description: 'Asking again while a request is pending answers that request (200).', tags: ['me'], answers: { 201: ErasureRequestAnswerSchema, 200: ErasureRequestAnswerSchema }, location: true }), jsonBody(ErasureRequestSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'data.export', await personResource(db, actor.tenantId, actor.personId));
    requireRecentSignIn(c, 'erase');
    const input = c.req.valid('json');
    const who = auditOrigin(c);
    const now = clock.now();
    const result = await withTransaction({ db }, async (tx) => {
      const existing = await findPendingErasureRequest(tx, actor.tenantId, actor.personId);
      if (existing) return { created: false, request: existing };
      const outcome = await runErasure(tx, 'atOnce', { tenantId: actor.tenantId, personId: actor.personId, actorId: actor.personId, origin: checkedOrigin(c), at: who.at, now });
      const request = await insertErasureRequest(tx, { tenantId: actor.tenantId, personId: actor.personId, status: 'pending', note: input.note ?? null, requestedAt: who.at, outcome });
      const entityIds = (await personResource(tx, actor.tenantId, actor.personId)).entityIds;
      await writeAudit(tx, who, { action: 'erasure.request', objectType: 'erasure_request', objectId: request.id, entityIds: [...entityIds], subjectId: actor.personId, detail: { atOnce: outcome } });
      await recordEvent(tx, who, { type: 'erasure.requested', requestId: request.id });
      return { created: true, request };
    });
    c.header('location', `/v1/erasure-requests/${result.request.id}`);
    return c.json({ ...result.request, notice: erasureNotice }, result.created ? 201 : 200);
  });

/** Loads a request of the tenant that the staff member may handle (404 otherwise, 403 for the wrong scope). */
async function requestForStaff(c: Context<AppEnv>, db: DbOrTx, id: string) {
  const { actor } = c.var.auth;
  const request = await findErasureRequest(db, actor.tenantId, id);
  if (!request) throw notFound('erasure.notFound');
  authorize(actor, 'erasure.process', await personResource(db, actor.tenantId, request.personId));
  return request;
}

/** Staff and administrators: the erasure requests of the people in their scope, and their processing. */
export const erasureRequestRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  .get('/', describeRoute({ operationId: 'listErasureRequests', summary: 'The erasure requests the caller may process (staff, administrators)', tags: ['erasure-requests'], answers: { 200: ErasureRequestListSchema } }), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const rows = await listErasureRequestsOfTenant(db, actor.tenantId, 500);
    const items = [];
    for (const r of rows) if (can(actor, 'erasure.process', await personResource(db, actor.tenantId, r.personId))) items.push(r);
    return c.json({ items, nextCursor: null }, 200);
  })
  .get('/:id', describeRoute({ operationId: 'getErasureRequest', summary: 'One erasure request', tags: ['erasure-requests'], answers: { 200: ErasureRequestViewSchema } }), pathParams(v.object({ id: IdSchema })), async (c) => c.json(await requestForStaff(c, c.var.deps.db, c.req.valid('param').id), 200))
  /** Carries out the erasure: profile deleted, pledges anonymised (tax data kept), identity removed. */
  .post('/:id/process', describeRoute({ operationId: 'processErasureRequest', summary: 'Carry out an erasure: profile deleted, pledges anonymised, identity removed', tags: ['erasure-requests'], answers: { 200: ErasureRequestViewSchema }, problems: [409] }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    const now = clock.now();
    const done = await withTransaction({ db }, async (tx) => {
      const request = await requestForStaff(c, tx, c.req.valid('param').id);
      if (request.status === 'processed') throw new ProblemError('conflict', 'erasure.processed');
      const entityIds = (await personResource(tx, actor.tenantId, request.personId)).entityIds;
      const outcome = { ...request.outcome, ...(await runErasure(tx, 'onProcess', { tenantId: actor.tenantId, personId: request.personId, actorId: actor.personId, origin: checkedOrigin(c), at: who.at, now })) };
      await markErasureRequestProcessed(tx, actor.tenantId, request.id, { processedAt: who.at, processedBy: actor.personId, outcome });
      await writeAudit(tx, who, { action: 'erasure.process', objectType: 'erasure_request', objectId: request.id, entityIds: [...entityIds], subjectId: request.personId, detail: { outcome } });
      return findErasureRequestById(tx, request.id)!;
    });
    return c.json(done, 200);
  });
