import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { ProblemError, problemBody } from './problem.ts';
import { onError } from './errors.ts';
import { testApp } from '../testing.ts';

describe('problem documents', () => {
  it('keep their RFC 9457 members and their code: an extra named status, type, title, detail, code or params never replaces them', async () => {
    const body = problemBody('conflict', { code: 'companyRequest.decided', params: { status: 'approved' } }, 'en', {
      members: { status: 'approved', type: 'x', title: 'y', detail: 'z', code: 'c', params: {}, currentStatus: 'approved' },
    });
    expect(body).toEqual({
      type: expect.stringContaining('conflict'),
      title: 'Conflict',
      status: 409,
      detail: 'This request was already approved.',
      code: 'companyRequest.decided',
      params: { status: 'approved' },
      currentStatus: 'approved',
    });
    const app = new Hono().onError(onError).get('/', () => {
      throw new ProblemError('conflict', 'companyRequest.decided', { status: 'approved' }, { members: { status: 'done' } });
    });
    const res = await app.request('/');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ status: 409, code: 'companyRequest.decided', title: 'Conflit', detail: 'Cette demande a déjà été acceptée.' });
  });

  it('a second decision on a company request answers status 409 in the body, and the request’s state as currentStatus', async () => {
    const t = testApp();
    const recruiter = await t.signIn('rep-acme');
    const asked = await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { companyId: t.ids.demo.companies.globex } });
    const id = ((await asked.json()) as { id: string }).id;
    const staff = await t.signIn('staff-eng');
    expect((await t.call('POST', `/v1/companies/requests/${id}/approve`, { token: staff })).status).toBe(200);
    const again = await t.call('POST', `/v1/companies/requests/${id}/approve`, { token: staff });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: 409, currentStatus: 'approved', detail: 'This request was already approved.' });
  });

  it('a verb on an offer in the wrong state answers status 409 in the body, and the offer’s state as currentStatus', async () => {
    const t = testApp();
    const staff = await t.signIn('staff-eng');
    const created = await t.call('POST', '/v1/offers', {
      token: staff,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { companyId: t.ids.demo.companies.acme, title: 'Stage', kind: 'internship', targetEntityIds: [t.ids.demo.entities.engineering] },
    });
    const id = ((await created.json()) as { id: string }).id;
    expect((await t.call('POST', `/v1/offers/${id}/withdraw`, { token: staff })).status).toBe(200);
    const again = await t.call('POST', `/v1/offers/${id}/withdraw`, { token: staff });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: 409, currentStatus: 'withdrawn' });
  });
});
