import { describe, expect, it } from 'vitest';
import type { StaffErasureRequest } from '@passerelle/schema';
import { testApp, type DemoSubject, type TestApp } from '../testing.ts';

const DAY = 86_400_000;
type Page = { items: StaffErasureRequest[]; nextCursor: string | null };

async function ask(t: TestApp, who: DemoSubject, note?: string) {
  const res = await t.call('POST', '/v1/me/erasure', { token: await t.signIn(who), body: { confirm: true, ...(note ? { note } : {}) } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; requestedAt: string; dueOn: string };
}

async function list(t: TestApp, who: DemoSubject, query = '?status=pending'): Promise<Page> {
  const res = await t.call('GET', `/v1/erasure-requests${query}`, { token: await t.signIn(who) });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

describe('GET /v1/erasure-requests: what staff have to process, and by when', () => {
  it('gives each request its due date, one month on, the nearest first, to the staff of the person’s school only', async () => {
    const t = testApp();
    const ines = await ask(t, 'student-ines', 'Merci de tout effacer.');
    expect(ines).toMatchObject({ requestedAt: '2026-03-02T09:00:00.000Z', dueOn: '2026-04-02' });
    t.clock.advance(10 * DAY);
    const claire = await ask(t, 'alumna-claire');

    expect((await list(t, 'staff-eng')).items).toEqual([
      { id: ines.id, personId: t.ids.demo.people['student-ines'], person: { id: t.ids.demo.people['student-ines'], displayName: 'Inès Martin' }, status: 'pending', note: 'Merci de tout effacer.', requestedAt: ines.requestedAt, dueOn: '2026-04-02', processedAt: null, outcome: expect.any(Object) },
    ]);
    expect((await list(t, 'staff-mgmt')).items.map((r) => [r.person.displayName, r.dueOn])).toEqual([['Claire Dubois', '2026-04-12']]);
    expect((await list(t, 'admin-demo')).items.map((r) => r.id)).toEqual([ines.id, claire.id]);
    for (const who of ['student-ines', 'rep-acme', 'staff-other'] as const) expect((await list(t, who)).items).toEqual([]);

    // The person reads their own due date too.
    const mine = (await (await t.call('GET', '/v1/me/erasure', { token: await t.signIn('alumna-claire') })).json()) as { items: { dueOn: string }[] };
    expect(mine.items.map((r) => r.dueOn)).toEqual(['2026-04-12']);
  });

  it('pages by cursor, and lists processed requests latest first, their person’s name gone', async () => {
    const t = testApp();
    const ines = await ask(t, 'student-ines');
    t.clock.advance(DAY);
    const claire = await ask(t, 'alumna-claire');
    const first = await list(t, 'admin-demo', '?status=pending&limit=1');
    expect(first.items.map((r) => r.id)).toEqual([ines.id]);
    const second = await list(t, 'admin-demo', `?status=pending&limit=1&cursor=${first.nextCursor}`);
    expect([second.items.map((r) => r.id), second.nextCursor]).toEqual([[claire.id], null]);

    const done = await t.call('POST', `/v1/erasure-requests/${ines.id}/process`, { token: await t.signIn('staff-eng') });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'processed', dueOn: ines.dueOn });
    expect((await list(t, 'admin-demo', '')).items.map((r) => r.id)).toEqual([claire.id, ines.id]);
    expect((await list(t, 'admin-demo', '?status=processed')).items).toMatchObject([{ id: ines.id, person: { displayName: null }, processedAt: t.clock.now().toISOString() }]);
    expect((await list(t, 'staff-eng')).items).toEqual([]);
  });

  it('refuses an unknown status or a forged cursor with the field named', async () => {
    const t = testApp();
    const token = await t.signIn('staff-eng');
    for (const query of ['?status=done', '?cursor=not-a-cursor']) {
      const res = await t.call('GET', `/v1/erasure-requests${query}`, { token });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([query.slice(1, query.indexOf('='))]);
    }
  });
});
