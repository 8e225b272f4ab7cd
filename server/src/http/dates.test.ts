// Dates a request carries are days of the calendar both engines store: 31 February
// and year 0 are 400 with their field (PostgreSQL's date and timestamptz refuse them,
// which was a 500 there; SQLite kept them as text), and the last day there is still works.
import { describe, expect, it } from 'vitest';
import type { Problem } from '@passerelle/schema';
import { testApp } from '../testing.ts';

type Refusal = Problem & { errors?: { path: string; code: string }[] };
const fieldsOf = async (res: Response) => ({ status: res.status, errors: ((await res.json()) as Refusal).errors?.map((e) => `${e.path}/${e.code}`) });

describe('dates in requests', () => {
  it('refuse a day that does not exist with 400 on its field, and take 9999-12-31', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const claire = await t.signIn('alumna-claire');
    const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };
    const gift = await t.call('POST', '/v1/pledges', {
      token: claire,
      headers: { 'idempotency-key': 'dates-1' },
      body: { kind: 'donation', amountCents: 10_000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address }, publicThanks: false },
    });
    expect(gift.status).toBe(201);
    const { id } = (await gift.json()) as { id: string };

    for (const day of ['2026-02-31', '0000-01-01']) {
      expect(await fieldsOf(await t.call('POST', `/v1/pledges/${id}/receive`, { token: admin, body: { receivedOn: day } }))).toEqual({ status: 400, errors: ['receivedOn/validation.dateNotReal'] });
      expect(await fieldsOf(await t.call('GET', `/v1/audit?from=${day}`, { token: admin }))).toEqual({ status: 400, errors: ['from/validation.dateNotReal'] });
      expect(await fieldsOf(await t.call('GET', `/v1/offers?startFrom=${day}`, { token: claire }))).toEqual({ status: 400, errors: ['startFrom/validation.dateNotReal'] });
    }
    // Nothing was received by the refused attempts.
    expect(((await (await t.call('GET', `/v1/pledges/${id}`, { token: admin })).json()) as { status: string }).status).toBe('promised');

    expect((await t.call('GET', '/v1/audit?to=9999-12-31', { token: admin })).status).toBe(200);
    expect((await t.call('GET', '/v1/audit?from=0001-01-01', { token: admin })).status).toBe(200);
    expect((await t.call('GET', '/v1/offers?startFrom=9999-12-31', { token: claire })).status).toBe(200);
  });
});
