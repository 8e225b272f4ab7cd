// A list's cursor is only what the API handed out: a forged one (an id that is
// not one of the list's, a sort key that is not a stored time) is 400 with the
// cursor's field path on every engine, never compared with PostgreSQL's typed
// columns (uuid, timestamptz), where it would fail the query.
import { describe, expect, it } from 'vitest';
import type { Problem } from '@passerelle/schema';
import { testApp } from '../testing.ts';

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const forged = {
  'an id that is not a UUID': cursor(['2026-03-02T09:00:00.000Z', 'not-a-uuid']),
  'a sort key that is not a time': cursor(['yesterday', '0b9e5a4e-8c8e-4a8e-9a52-6f7d3c1e2b10']),
  'a pledge keyset with a word for an id': cursor({ k: '2026-03-02T09:00:00.000Z', id: 'nope' }),
  'an amount keyset with a word for an amount': cursor({ k: 'lots', id: '0b9e5a4e-8c8e-4a8e-9a52-6f7d3c1e2b10' }),
  'a message id that is not one': cursor(['2026-03-02T09:00:00.000Z', 'msg_nope']),
  'not JSON': 'zzz',
};

describe('forged list cursors', () => {
  it('are refused with 400 on cursor by every list that pages, whatever they hold', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const subscription = await t.call('POST', '/v1/webhooks', { token: admin, body: { url: 'https://hooks.example.com/passerelle', events: ['consent.changed'], entityId: t.ids.demo.entities.university } });
    expect(subscription.status).toBe(201);
    const { id: subscriptionId } = (await subscription.json()) as { id: string };
    const company = (await (await t.call('GET', '/v1/companies?q=acme', { token: admin })).json()) as { items: { id: string }[] };
    const companyId = company.items[0]!.id;
    const lists = [
      '/v1/companies?status=pending', '/v1/companies/requests', `/v1/companies/${companyId}/representatives`, `/v1/companies/${companyId}/offers`,
      '/v1/pledges', '/v1/pledges?sort=-amount', '/v1/pledges/transfers', '/v1/profiles', '/v1/offers', '/v1/erasure-requests', '/v1/audit',
      '/v1/webhooks', `/v1/webhooks/${subscriptionId}/deliveries`,
    ];
    const answers: string[] = [];
    for (const list of lists) {
      for (const [what, value] of Object.entries(forged)) {
        // A list whose keyset this forgery happens to fit (a message id for messages…) is not the point: only a 400 or a 200 from its own rows.
        const res = await t.call('GET', `${list}${list.includes('?') ? '&' : '?'}cursor=${value}`, { token: admin });
        if (res.status === 200) continue;
        const body = (await res.json()) as Problem & { errors?: { path: string; code: string }[] };
        answers.push(`${list} ${what}: ${res.status} ${body.errors?.map((e) => `${e.path}/${e.code}`).join(',') ?? body.code}`);
      }
    }
    expect(answers.filter((a) => !/: 400 cursor\/list\.cursor$/.test(a))).toEqual([]);
    // Each list refused at least the forgeries that cannot be one of its cursors.
    for (const list of lists) expect(answers.filter((a) => a.startsWith(`${list} `)).length, list).toBeGreaterThanOrEqual(3);
  });
});
