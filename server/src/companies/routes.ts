import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import {
  CompanyPageSchema,
  CompanyRequestPageSchema,
  CompanyRequestViewSchema,
  CompanyViewSchema,
  CompanyCreateSchema,
  CompanyPatchSchema,
  CompanyRequestListQuerySchema,
  CompanyRequestCreateSchema,
  CompanyRequestRefuseSchema,
  CompanySearchQuerySchema,
  IdSchema,
  can,
  emailMatchesWebsite,
  type Actor,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { decidePendingCompany, findCompany, findCompanyBySiret, insertCompany, listCompaniesByName, updateCompany } from './queries/companies.ts';
import {
  decideCompanyRequest,
  findCompanyRequest,
  findCompanyRequestWithPeople,
  findPendingRequestId,
  insertCompanyRequest,
  listCompanyRequests,
  type CompanyRequestRow,
} from './queries/requests.ts';
import { findCompanyRepMembershipId, insertMembership } from '../tenancy/queries/memberships.ts';
import { searchCompanies } from './search.ts';
import { encodeCursor } from '../offers/cursor.ts';
import { describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

type CompanyRow = { id: string; name: string; siret: string | null; siren: string | null; website: string | null; status: 'active' | 'pending' | 'refused' };

/** A weak validator over what a PATCH may change (companies carry no version column). */
function companyEtag(row: CompanyRow): string {
  const digest = createHash('sha256').update(JSON.stringify([row.name, row.website, row.siret, row.status])).digest('base64url').slice(0, 22);
  return `"${digest}"`;
}

/** `website` is absent, not null, when the company has none. */
function companyView(row: CompanyRow) {
  const { website, ...rest } = row;
  return website === null ? rest : { ...rest, website };
}

/**
 * Inserts a company created by the actor; a SIRET the tenant already has is
 * a conflict pointing at that company (`hint` says what to do instead).
 */
async function createCompany(tx: DbOrTx, actor: Actor, at: string, input: { name: string; siret: string; website?: string | undefined }, status: 'active' | 'pending', represent = false) {
  const existing = await findCompanyBySiret(tx, actor.tenantId, input.siret);
  if (existing) {
    throw new ProblemError('conflict', 'company.siretExists', { name: existing.name, represent }, { members: { existingId: existing.id, existing: `/v1/companies/${existing.id}` } });
  }
  return insertCompany(tx, { tenantId: actor.tenantId, name: input.name, siret: input.siret, siren: input.siret.slice(0, 9), website: input.website ?? null, status, createdBy: actor.personId, createdAt: at });
}

/** Active companies are everyone's; a pending or refused one only its requester's and moderators'. */
function canSeeCompany(actor: Actor, row: { id: string; status: string; createdBy: string | null }): boolean {
  if (row.status === 'active') return true;
  return row.createdBy === actor.personId || can(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId, companyId: row.id });
}

async function requestView(db: DbOrTx, tenantId: string, requestId: string) {
  const row = await findCompanyRequestWithPeople(db, tenantId, requestId);
  return row ? shapeRequest(row) : undefined;
}

function shapeRequest(row: CompanyRequestRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ...(row.message ? { message: row.message } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    createdAt: row.createdAt,
    ...(row.decidedAt ? { decidedAt: row.decidedAt } : {}),
    person: { id: row.personId, ...(row.personName ? { displayName: row.personName } : {}), ...(row.personEmail ? { email: row.personEmail } : {}) },
    company: companyView(row.company),
    /** A hint for the reviewer: the requester's email domain is the company website's. */
    emailMatchesWebsite: emailMatchesWebsite(row.personEmail, row.company.website),
  };
}

async function pendingRequest(db: DbOrTx, actor: Actor, id: string) {
  authorize(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId });
  const row = await findCompanyRequest(db, actor.tenantId, id);
  if (!row) throw notFound('companyRequest.notFound');
  if (row.status !== 'pending') throw new ProblemError('conflict', 'companyRequest.decided', { status: row.status }, { members: { currentStatus: row.status } });
  return row;
}

export const companyRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /**
   * The offer form's typeahead (`q`: name words, SIRET or SIREN prefix; accents
   * and case ignored), or the directory by name without `q`. Active companies
   * only; staff and administrators may ask for `status=pending`.
   */
  .get('/', describeRoute({ operationId: 'searchCompanies', summary: 'Find companies by name, SIRET or SIREN (the offer form’s typeahead), or list them by name', tags: ['companies'], answers: { 200: CompanyPageSchema } }), queryParams(CompanySearchQuerySchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const query = c.req.valid('query');
    const status = query.status ?? 'active';
    authorize(actor, status === 'active' ? 'company.search' : 'company.moderate', { kind: 'company', tenantId: actor.tenantId });
    if (query.q) {
      const items = (await searchCompanies(db, actor.tenantId, query.q, status, query.limit)).map(companyView);
      return c.json({ items, nextCursor: null }, 200);
    }
    const rows = await listCompaniesByName(db, actor.tenantId, status, query.cursor, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return c.json({ items: page.map(companyView), nextCursor: rows.length > query.limit && last ? encodeCursor(last.name, last.id) : null }, 200);
  })
  /** Creates an active company (staff and admin). */
  .post('/', describeRoute({ operationId: 'createCompany', summary: 'Create a verified company (staff, administrators)', tags: ['companies'], answers: { 201: CompanyViewSchema }, location: true, etag: true, problems: [409] }), jsonBody(CompanyCreateSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'company.create', { kind: 'company', tenantId: actor.tenantId });
    const input = c.req.valid('json');
    const who = auditOrigin(c);
    const company = await withTransaction({ db }, async (tx) => {
      const row = await createCompany(tx, actor, who.at, input, 'active');
      await writeAudit(tx, who, { action: 'company.create', objectType: 'company', objectId: row.id, detail: { name: row.name, siret: row.siret } });
      return row;
    });
    c.header('location', `/v1/companies/${company.id}`);
    c.header('etag', companyEtag(company));
    return c.json(companyView(company), 201);
  })
  /**
   * The verification queue for staff (`status`, default pending), or with
   * `mine=true` the caller's own requests and their outcome.
   */
  .get('/requests', describeRoute({ operationId: 'listCompanyRequests', summary: 'The verification queue (staff), or one’s own requests with mine=true', tags: ['companies'], answers: { 200: CompanyRequestPageSchema } }), queryParams(CompanyRequestListQuerySchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const query = c.req.valid('query');
    const mine = query.mine === 'true';
    if (!mine) authorize(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId });
    const rows = await listCompanyRequests(db, actor.tenantId, mine ? { personId: actor.personId } : { status: query.status }, query.cursor, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return c.json({ items: page.map(shapeRequest), nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null }, 200);
  })
  /**
   * A recruiter (typically signed in by email, without any membership) asks
   * to represent an existing company (`companyId`), or asks for a new one
   * (`company`), created pending until staff verify it.
   */
  .post('/requests', describeRoute({ operationId: 'requestCompany', summary: 'Ask to represent a company, or for a new one to be added', tags: ['companies'], answers: { 201: CompanyRequestViewSchema }, location: true, problems: [404, 409] }), jsonBody(CompanyRequestCreateSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'company.request', { kind: 'company', tenantId: actor.tenantId });
    const input = c.req.valid('json');
    const who = auditOrigin(c);
    const requestId = await withTransaction({ db }, async (tx) => {
      let companyId: string;
      let kind: 'represent' | 'create';
      if ('companyId' in input) {
        const company = await findCompany(tx, actor.tenantId, input.companyId);
        if (!company || company.status !== 'active') throw notFound('company.notFound');
        if (await findCompanyRepMembershipId(tx, actor.tenantId, actor.personId, company.id)) throw new ProblemError('conflict', 'company.alreadyRepresented', { name: company.name });
        const open = await findPendingRequestId(tx, actor.tenantId, actor.personId, company.id);
        if (open) throw new ProblemError('conflict', 'company.alreadyAsked', { name: company.name }, { members: { existingId: open } });
        companyId = company.id;
        kind = 'represent';
      } else {
        companyId = (await createCompany(tx, actor, who.at, input.company, 'pending', true)).id;
        kind = 'create';
      }
      const id = await insertCompanyRequest(tx, { tenantId: actor.tenantId, personId: actor.personId, companyId, kind, message: input.message || null, status: 'pending', createdAt: who.at });
      await writeAudit(tx, who, { action: `company.request.${kind}`, objectType: 'company_request', objectId: id, subjectId: actor.personId, detail: { companyId } });
      return id;
    });
    c.header('location', `/v1/companies/requests/${requestId}`);
    return c.json((await requestView(db, actor.tenantId, requestId))!, 201);
  })
  .get('/requests/:id', describeRoute({ operationId: 'getCompanyRequest', summary: 'One request: the requester’s own, or any for staff', tags: ['companies'], answers: { 200: CompanyRequestViewSchema } }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { actor } = c.var.auth;
    const view = await requestView(c.var.deps.db, actor.tenantId, c.req.valid('param').id);
    if (!view || (view.person.id !== actor.personId && !can(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId }))) throw notFound('companyRequest.notFound');
    return c.json(view, 200);
  })
  /** Staff approve: the requester becomes the company's representative; a pending company becomes active. */
  .post('/requests/:id/approve', describeRoute({ operationId: 'approveCompanyRequest', summary: 'Approve a request: the requester represents the company (staff)', tags: ['companies'], answers: { 200: CompanyRequestViewSchema }, problems: [409] }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const id = c.req.valid('param').id;
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      const request = await pendingRequest(tx, actor, id);
      await decideCompanyRequest(tx, request.id, { status: 'approved', decidedBy: actor.personId, decidedAt: who.at });
      await decidePendingCompany(tx, request.companyId, 'active');
      // The unique index treats the null entityId as distinct: check first.
      if (!(await findCompanyRepMembershipId(tx, actor.tenantId, request.personId, request.companyId))) {
        await insertMembership(tx, { tenantId: actor.tenantId, personId: request.personId, role: 'company_rep', companyId: request.companyId, createdAt: who.at });
      }
      await writeAudit(tx, who, { action: 'company.request.approve', objectType: 'company_request', objectId: request.id, subjectId: request.personId, detail: { companyId: request.companyId } });
    });
    return c.json((await requestView(db, actor.tenantId, id))!, 200);
  })
  /** Staff refuse with a reason the requester reads; a company asked for with it is refused too. */
  .post('/requests/:id/refuse', describeRoute({ operationId: 'refuseCompanyRequest', summary: 'Refuse a request with a reason the requester reads (staff)', tags: ['companies'], answers: { 200: CompanyRequestViewSchema }, problems: [409] }), pathParams(v.object({ id: IdSchema })), jsonBody(CompanyRequestRefuseSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const id = c.req.valid('param').id;
    const { reason } = c.req.valid('json');
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      const request = await pendingRequest(tx, actor, id);
      await decideCompanyRequest(tx, request.id, { status: 'refused', reason, decidedBy: actor.personId, decidedAt: who.at });
      if (request.kind === 'create') await decidePendingCompany(tx, request.companyId, 'refused');
      await writeAudit(tx, who, { action: 'company.request.refuse', objectType: 'company_request', objectId: request.id, subjectId: request.personId, detail: { companyId: request.companyId, reason } });
    });
    return c.json((await requestView(db, actor.tenantId, id))!, 200);
  })
  .get('/:id', describeRoute({ operationId: 'getCompany', summary: 'One company', tags: ['companies'], answers: { 200: CompanyViewSchema }, etag: true }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { actor } = c.var.auth;
    authorize(actor, 'company.search', { kind: 'company', tenantId: actor.tenantId });
    const row = await findCompany(c.var.deps.db, actor.tenantId, c.req.valid('param').id);
    if (!row || !canSeeCompany(actor, row)) throw notFound('company.notFound');
    const { createdBy: _createdBy, ...company } = row;
    c.header('etag', companyEtag(company));
    return c.json(companyView(company), 200);
  })
  /** A representative edits their own company; staff and admin any (If-Match required). */
  .patch('/:id', describeRoute({ operationId: 'updateCompany', summary: 'Edit a company (its representatives, staff, administrators)', tags: ['companies'], answers: { 200: CompanyViewSchema }, ifMatch: true, etag: true }), pathParams(v.object({ id: IdSchema })), jsonBody(CompanyPatchSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const id = c.req.valid('param').id;
    const patch = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const who = auditOrigin(c);
    const updated = await withTransaction({ db }, async (tx) => {
      const row = await findCompany(tx, actor.tenantId, id);
      if (!row || !canSeeCompany(actor, row)) throw notFound('company.notFound');
      authorize(actor, 'company.edit', { kind: 'company', tenantId: actor.tenantId, companyId: row.id });
      if (!ifMatch) throw new ProblemError('preconditionRequired', 'company.ifMatchRequired');
      const { createdBy: _createdBy, ...current } = row;
      if (ifMatch !== companyEtag(current) && ifMatch !== `W/${companyEtag(current)}`) {
        throw new ProblemError('preconditionFailed', 'company.changed');
      }
      const changes = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.website !== undefined ? { website: patch.website } : {}) };
      if (Object.keys(changes).length === 0) return current;
      const next = updateCompany(tx, row.id, changes);
      await writeAudit(tx, who, { action: 'company.edit', objectType: 'company', objectId: row.id, detail: { before: { name: row.name, website: row.website }, after: changes } });
      return next;
    });
    c.header('etag', companyEtag(updated));
    return c.json(companyView(updated), 200);
  });
