/**
 * Real answers, parsed with the schemas their routes declare: a handful of
 * routes per resource, successes and refusals. (The security suite does the
 * same for every route and every role, over HTTP.)
 */
import { describe, expect, it } from 'vitest';
import { versionOf } from '../consents/testing.ts';
import { randomUUID } from 'node:crypto';
import { sampleOfferBody, sampleTaxPledgeBody, testApp, type TestApp } from '../testing.ts';
import { checkAnswer } from './answer-check.ts';

/** Calls `route` (`METHOD /pattern`) at `path`, checks the answer against the route's description and returns it. */
async function call(t: TestApp, route: string, path: string, options: Parameters<TestApp['call']>[2] = {}) {
  const [method, pattern] = route.split(' ') as [string, string];
  const res = await t.call(method, path, options);
  const text = await res.text();
  expect(checkAnswer(t.app.routes, method, pattern, { status: res.status, contentType: res.headers.get('content-type'), text })).toEqual([]);
  const json = /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
  return { status: res.status, headers: res.headers, json: json as Record<string, unknown> & { id: string } };
}

const key = () => ({ 'idempotency-key': randomUUID() });

describe('answers match the schemas their routes declare', () => {
  it('sign-in, sessions, me', async () => {
    const t = testApp();
    const grant = await call(t, 'POST /v1/auth/exchange', '/v1/auth/exchange', { body: { token: t.hostToken('student-ines') } });
    expect(grant.status).toBe(200);
    const token = grant.json.token as string;
    expect((await call(t, 'POST /v1/auth/email', '/v1/auth/email', { body: { tenant: 'demo', email: 'someone@example.org' } })).status).toBe(202);
    expect((await call(t, 'POST /v1/auth/verify', '/v1/auth/verify', { body: { tenant: 'demo', email: 'someone@example.org', code: '000000' } })).status).toBe(401);
    const me = await call(t, 'GET /v1/me', '/v1/me', { token });
    expect(me.json.signInMethod).toBe('host');
    expect((await call(t, 'GET /v1/me', '/v1/me')).status).toBe(401);
    expect((await call(t, 'GET /v1/auth/sessions', '/v1/auth/sessions', { token })).status).toBe(200);
    expect((await call(t, 'DELETE /v1/auth/sessions/:id', `/v1/auth/sessions/${randomUUID()}`, { token })).status).toBe(404);
    expect((await call(t, 'GET /health', '/health')).status).toBe(200);
    expect((await call(t, 'GET /v1/openapi.json', '/v1/openapi.json')).status).toBe(200);
  });

  it('companies and requests', async () => {
    const t = testApp();
    const staff = await t.signIn('staff-eng');
    const acme = t.ids.demo.companies.acme;
    expect((await call(t, 'GET /v1/companies', '/v1/companies?q=acme', { token: staff })).json.items).not.toHaveLength(0);
    const read = await call(t, 'GET /v1/companies/:id', `/v1/companies/${acme}`, { token: staff });
    const duplicate = await call(t, 'POST /v1/companies', '/v1/companies', { token: staff, body: { name: 'Acme bis', siret: read.json.siret } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.existingId).toBe(acme);
    expect((await call(t, 'PATCH /v1/companies/:id', `/v1/companies/${acme}`, { token: staff, body: { website: 'https://acme.example' } })).status).toBe(428);
    expect((await call(t, 'PATCH /v1/companies/:id', `/v1/companies/${acme}`, { token: staff, body: { website: 'https://acme.example' }, headers: { 'if-match': read.headers.get('etag')! } })).status).toBe(200);
    const recruiter = await t.emailSignIn('recruteuse@globex-conseil.fr');
    const request = await call(t, 'POST /v1/companies/requests', '/v1/companies/requests', { token: recruiter, body: { companyId: t.ids.demo.companies.globex, message: 'Je recrute.' } });
    expect(request.status).toBe(201);
    expect((await call(t, 'GET /v1/companies/requests', '/v1/companies/requests', { token: staff })).json.items).not.toHaveLength(0);
    expect((await call(t, 'POST /v1/companies/requests/:id/approve', `/v1/companies/requests/${request.json.id}/approve`, { token: staff })).json.status).toBe('approved');
  });

  it('offers', async () => {
    const t = testApp();
    const student = await t.signIn('student-ines');
    const staff = await t.signIn('staff-eng');
    expect((await call(t, 'GET /v1/offers/parameters', '/v1/offers/parameters', { token: student })).status).toBe(200);
    const body = sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] });
    const draft = await call(t, 'POST /v1/offers', '/v1/offers', { token: student, body, headers: key() });
    expect(draft.status).toBe(201);
    expect((await call(t, 'POST /v1/offers', '/v1/offers', { token: student, body: { ...body, title: '' }, headers: key() })).status).toBe(400);
    expect((await call(t, 'POST /v1/offers/:id/submit', `/v1/offers/${draft.json.id}/submit`, { token: student, headers: key() })).json.status).toBe('submitted');
    expect((await call(t, 'POST /v1/offers/:id/publish', `/v1/offers/${draft.json.id}/publish`, { token: student })).status).toBe(403);
    expect((await call(t, 'POST /v1/offers/:id/publish', `/v1/offers/${draft.json.id}/publish`, { token: staff })).json.status).toBe('published');
    expect((await call(t, 'GET /v1/offers', '/v1/offers', { token: student })).json.items).not.toHaveLength(0);
    expect((await call(t, 'GET /v1/offers/:id', `/v1/offers/${draft.json.id}`, { token: student })).json.authorId).toBeDefined();
    expect((await call(t, 'POST /v1/offers/:id/fill', `/v1/offers/${draft.json.id}/fill`, { token: staff })).json.status).toBe('filled');
    expect((await call(t, 'POST /v1/offers/:id/fill', `/v1/offers/${draft.json.id}/fill`, { token: staff })).status).toBe(409);
  });

  it('profiles', async () => {
    const t = testApp();
    const student = await t.signIn('student-ines');
    const staff = await t.signIn('staff-eng');
    const mine = await call(t, 'GET /v1/profiles/me', '/v1/profiles/me', { token: student });
    expect(mine.json.visibility).toBeDefined();
    const path = `/v1/profiles/${mine.json.id}`;
    expect((await call(t, 'PATCH /v1/profiles/:id', path, { token: student, body: { workCity: 'Lyon' }, headers: { 'if-match': mine.headers.get('etag')! } })).json.workCity).toBe('Lyon');
    const stale = await call(t, 'PATCH /v1/profiles/:id', path, { token: student, body: { workCity: 'Lille' }, headers: { 'if-match': mine.headers.get('etag')! } });
    expect(stale.status).toBe(412);
    expect(stale.json.current).toMatchObject({ id: mine.json.id });
    expect((await call(t, 'GET /v1/profiles/:id', path, { token: staff })).json.reviewFlags).toEqual([]);
    expect((await call(t, 'GET /v1/profiles', '/v1/profiles', { token: staff })).status).toBe(200);
    expect((await call(t, 'POST /v1/profiles/me/confirm', '/v1/profiles/me/confirm', { token: student })).json.confirmedAt).toBeTruthy();
  });

  it('consents, purposes, erasure and one’s data', async () => {
    const t = testApp();
    const student = await t.signIn('student-ines');
    const admin = await t.signIn('admin-demo');
    expect((await call(t, 'GET /v1/consents', '/v1/consents', { token: student })).json.purposes).not.toHaveLength(0);
    expect((await call(t, 'PUT /v1/consents/:purpose', '/v1/consents/alumni-news', { token: student, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } })).json.changed).toEqual(['email']);
    expect((await call(t, 'GET /v1/consents/history', '/v1/consents/history', { token: student })).json.items).not.toHaveLength(0);
    expect((await call(t, 'PUT /v1/consents/solicitation-cap', '/v1/consents/solicitation-cap', { token: student, body: { perMonth: 2 } })).json.perMonth).toBe(2);
    expect((await call(t, 'POST /v1/consents/withdraw-all', '/v1/consents/withdraw-all', { token: student, body: {} })).status).toBe(200);
    expect((await call(t, 'GET /v1/consents/export', '/v1/consents/export?purpose=alumni-news', { token: admin })).headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await call(t, 'GET /v1/consents/export', '/v1/consents/export?purpose=alumni-news', { token: student })).status).toBe(403);
    const purposes = await call(t, 'GET /v1/purposes', '/v1/purposes', { token: student });
    const purpose = (purposes.json.items as { id: string }[])[0]!.id;
    expect((await call(t, 'GET /v1/purposes/:id/versions', `/v1/purposes/${purpose}/versions`, { token: student })).json.items).not.toHaveLength(0);
    expect((await call(t, 'GET /v1/purposes/settings', '/v1/purposes/settings', { token: student })).status).toBe(200);
    expect((await call(t, 'GET /v1/me/export', '/v1/me/export', { token: student })).json.parts).toBeDefined();
    const erasure = await call(t, 'POST /v1/me/erasure', '/v1/me/erasure', { token: student, body: { confirm: true } });
    expect(erasure.status).toBe(201);
    expect((await call(t, 'GET /v1/me/erasure', '/v1/me/erasure', { token: student })).json.items).toHaveLength(1);
    expect((await call(t, 'GET /v1/erasure-requests/:id', `/v1/erasure-requests/${erasure.json.id}`, { token: admin })).json.status).toBe('pending');
    expect((await call(t, 'POST /v1/erasure-requests/:id/process', `/v1/erasure-requests/${erasure.json.id}/process`, { token: admin })).json.status).toBe('processed');
  });

  it('pledges and exports', async () => {
    const t = testApp();
    const rep = await t.signIn('rep-acme');
    const staff = await t.signIn('staff-eng');
    expect((await call(t, 'GET /v1/pledges/parameters', '/v1/pledges/parameters', { token: rep })).json.beneficiaries).not.toHaveLength(0);
    const tax = sampleTaxPledgeBody(t.ids);
    const pledge = await call(t, 'POST /v1/pledges', '/v1/pledges', { token: rep, body: tax, headers: key() });
    expect(pledge.status).toBe(201);
    expect((await call(t, 'POST /v1/pledges', '/v1/pledges', { token: rep, body: tax })).status).toBe(400);
    expect((await call(t, 'GET /v1/pledges', '/v1/pledges', { token: staff })).json.items).not.toHaveLength(0);
    expect((await call(t, 'GET /v1/pledges/:id', `/v1/pledges/${pledge.json.id}`, { token: staff })).json.estimatedAmountCents).toBe(250000);
    expect((await call(t, 'POST /v1/pledges/:id/allocate', `/v1/pledges/${pledge.json.id}/allocate`, { token: rep })).json.status).toBe('allocated');
    expect((await call(t, 'POST /v1/pledges/:id/receive', `/v1/pledges/${pledge.json.id}/receive`, { token: staff, body: {} })).json.status).toBe('received');
    expect((await call(t, 'POST /v1/pledges/:id/cancel', `/v1/pledges/${pledge.json.id}/cancel`, { token: staff, body: {} })).status).toBe(409);
    expect((await call(t, 'GET /v1/pledges/totals', '/v1/pledges/totals', { token: staff })).json.items).not.toHaveLength(0);
    expect((await call(t, 'POST /v1/pledges/import', '/v1/pledges/import', { token: staff, body: { csv: 'SIRET;UAI;Montant;Date\n52345678800026;0754321P;10;2026-06-15' } })).status).toBe(200);
    for (const what of ['people', 'offers', 'pledges']) {
      expect((await call(t, `GET /v1/exports/${what}`, `/v1/exports/${what}?format=json`, { token: staff })).json.items).not.toHaveLength(0);
      expect((await call(t, `GET /v1/exports/${what}`, `/v1/exports/${what}`, { token: staff })).headers.get('content-type')).toMatch(/^text\/csv/);
    }
  });

  it('webhooks', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const created = await call(t, 'POST /v1/webhooks', '/v1/webhooks', { token: admin, body: { url: 'https://crm.example.org/hooks/passerelle', events: ['pledge.created'] } });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    expect((await call(t, 'GET /v1/webhooks', '/v1/webhooks', { token: admin })).json.items).toHaveLength(1);
    expect((await call(t, 'GET /v1/webhooks/:id', `/v1/webhooks/${created.json.id}`, { token: admin })).json).not.toHaveProperty('secret');
    expect((await call(t, 'GET /v1/webhooks/:id/deliveries', `/v1/webhooks/${created.json.id}/deliveries`, { token: admin })).status).toBe(200);
    expect((await call(t, 'POST /v1/webhooks/:id/rotate-secret', `/v1/webhooks/${created.json.id}/rotate-secret`, { token: admin })).json.secret).toMatch(/^whsec_/);
    expect((await call(t, 'DELETE /v1/webhooks/:id', `/v1/webhooks/${created.json.id}`, { token: admin })).status).toBe(204);
    expect((await call(t, 'GET /v1/webhooks', '/v1/webhooks', { token: await t.signIn('student-ines') })).status).toBe(403);
  });

  it('refuses an answer that does not match: a wrong body, an undeclared status, a problem that is not one', () => {
    const { app } = testApp();
    const ok = { contentType: 'application/json', status: 200 };
    expect(checkAnswer(app.routes, 'GET', '/health', { ...ok, text: '{"status":"ok"}' })).toEqual([]);
    expect(checkAnswer(app.routes, 'GET', '/health', { ...ok, text: '{"status":"fine"}' })[0]).toMatch(/does not match its declared schema: status/);
    expect(checkAnswer(app.routes, 'GET', '/health', { ...ok, status: 201, text: '{"status":"ok"}' })[0]).toMatch(/does not declare/);
    expect(checkAnswer(app.routes, 'GET', '/v1/me', { status: 409, contentType: 'application/problem+json', text: '{}' }).join('\n')).toMatch(/does not declare[\s\S]*not a Problem document/);
  });
});
