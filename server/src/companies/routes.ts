import { Hono, type Context } from 'hono';
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
  CompanyOffersQuerySchema,
  CompanyRepresentativePageSchema,
  CompanyRepresentativesQuerySchema,
  IdSchema,
  OfferPageSchema,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { describeRoute } from '../http/describe.ts';
import { companyEtag, companyLocation, companyRequestLocation, companyView, type CompanyRow } from './view.ts';
import { createCompany } from './create.ts';
import { approveRequest, refuseRequest, requestCompany } from './requests.ts';
import { editCompany } from './update.ts';
import { findCompanies, listRequests, readCompany, readRequest } from './reads.ts';
import { listRepresentatives } from './representatives.ts';
import { listCompanyOffers } from '../offers/list.ts';
import { todayOf } from '../offers/offer-view.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

export const companyRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /**
   * The offer form's typeahead (`q`: name words, SIRET or SIREN prefix; accents
   * and case ignored), or the directory by name without `q`. Active companies
   * only; staff and administrators may ask for `status=pending`.
   */
  .get('/', describeRoute({ operationId: 'searchCompanies', summary: 'Find companies by name, SIRET or SIREN (the offer form’s typeahead), or list them by name', tags: ['companies'], answers: { 200: CompanyPageSchema } }), queryParams(CompanySearchQuerySchema), async (c) =>
    c.json(await findCompanies(c.get('deps'), callOf(c), c.req.valid('query')), 200),
  )
  /** Creates an active company (staff and admin). */
  .post('/', describeRoute({ operationId: 'createCompany', summary: 'Create a verified company (staff, administrators)', tags: ['companies'], answers: { 201: CompanyViewSchema }, location: true, etag: true, problems: [409] }), jsonBody(CompanyCreateSchema), async (c) => {
    const company = await createCompany(c.get('deps'), callOf(c), c.req.valid('json'));
    c.header('location', companyLocation(company.id));
    return answer(c, company, 201);
  })
  /**
   * The verification queue for staff (`status`, default pending), or with
   * `mine=true` the caller's own requests and their outcome.
   */
  .get('/requests', describeRoute({ operationId: 'listCompanyRequests', summary: 'The verification queue (staff), or one’s own requests with mine=true', tags: ['companies'], answers: { 200: CompanyRequestPageSchema } }), queryParams(CompanyRequestListQuerySchema), async (c) =>
    c.json(await listRequests(c.get('deps'), callOf(c), c.req.valid('query')), 200),
  )
  /**
   * A recruiter (typically signed in by email, without any membership) asks
   * to represent an existing company (`companyId`), or asks for a new one
   * (`company`), created pending until staff verify it.
   */
  .post('/requests', describeRoute({ operationId: 'requestCompany', summary: 'Ask to represent a company, or for a new one to be added', tags: ['companies'], answers: { 201: CompanyRequestViewSchema }, location: true, problems: [404, 409] }), jsonBody(CompanyRequestCreateSchema), async (c) => {
    const request = await requestCompany(c.get('deps'), callOf(c), c.req.valid('json'));
    c.header('location', companyRequestLocation(request.id));
    return c.json(request, 201);
  })
  .get('/requests/:id', describeRoute({ operationId: 'getCompanyRequest', summary: 'One request: the requester’s own, or any for staff', tags: ['companies'], answers: { 200: CompanyRequestViewSchema } }), idParam, async (c) =>
    c.json(await readRequest(c.get('deps'), callOf(c), { id: c.req.valid('param').id }), 200),
  )
  /** Staff approve: the requester becomes the company's representative; a pending company becomes active. */
  .post('/requests/:id/approve', describeRoute({ operationId: 'approveCompanyRequest', summary: 'Approve a request: the requester represents the company (staff)', tags: ['companies'], answers: { 200: CompanyRequestViewSchema }, problems: [409] }), idParam, async (c) =>
    c.json(await approveRequest(c.get('deps'), callOf(c), { id: c.req.valid('param').id }), 200),
  )
  /** Staff refuse with a reason the requester reads; a company asked for with it is refused too. */
  .post('/requests/:id/refuse', describeRoute({ operationId: 'refuseCompanyRequest', summary: 'Refuse a request with a reason the requester reads (staff)', tags: ['companies'], answers: { 200: CompanyRequestViewSchema }, problems: [409] }), idParam, jsonBody(CompanyRequestRefuseSchema), async (c) =>
    c.json(await refuseRequest(c.get('deps'), callOf(c), { id: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200),
  )
  .get('/:id', describeRoute({ operationId: 'getCompany', summary: 'One company', tags: ['companies'], answers: { 200: CompanyViewSchema }, etag: true }), idParam, async (c) =>
    answer(c, await readCompany(c.get('deps'), callOf(c), { id: c.req.valid('param').id })),
  )
  /**
   * The company space's list: every offer of the company, by any of its
   * representatives (or anyone else), in any state, last changed first
   * (`offer.companyList`: its representatives and administrators).
   */
  .get('/:id/offers', describeRoute({ operationId: 'listCompanyOffers', summary: 'Every offer of a company, whoever posted it, in any state (its representatives, administrators)', tags: ['companies', 'offers'], answers: { 200: OfferPageSchema } }), idParam, queryParams(CompanyOffersQuerySchema), async (c) =>
    c.json(await listCompanyOffers(c.get('deps').db, c.get('auth').actor, c.req.valid('param').id, c.req.valid('query'), todayOf(c.get('deps').clock.now())), 200),
  )
  /** Who represents the company, longest-standing first (its representatives, staff, administrators). */
  .get('/:id/representatives', describeRoute({ operationId: 'listCompanyRepresentatives', summary: 'Who represents a company (its representatives, staff, administrators)', tags: ['companies'], answers: { 200: CompanyRepresentativePageSchema } }), idParam, queryParams(CompanyRepresentativesQuerySchema), async (c) =>
    c.json(await listRepresentatives(c.get('deps'), callOf(c), { id: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  )
  /** A representative edits their own company; staff and admin any (If-Match required). */
  .patch('/:id', describeRoute({ operationId: 'updateCompany', summary: 'Edit a company (its representatives, staff, administrators)', tags: ['companies'], answers: { 200: CompanyViewSchema }, ifMatch: true, etag: true }), idParam, jsonBody(CompanyPatchSchema), async (c) =>
    answer(c, await editCompany(c.get('deps'), callOf(c), { id: c.req.valid('param').id, patch: c.req.valid('json'), ifMatch: c.req.header('if-match') })),
  );

/** A company's answer: its ETag, and the company as the API shows it. */
function answer<S extends 200 | 201 = 200>(c: Context<AppEnv>, company: CompanyRow, status: S = 200 as S) {
  c.header('etag', companyEtag(company));
  return c.json(companyView(company), status);
}
