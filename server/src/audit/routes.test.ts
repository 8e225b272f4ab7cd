import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AuditEntryPageSchema, type AuditEntry } from '@passerelle/schema';
import { sampleOfferBody, testApp, type TestApp } from '../testing.ts';
import { writeAudit } from './audit.ts';

type Page = { items: AuditEntry[]; nextCursor: string | null };
type Problem = { status: number; code: string; detail: string; errors?: { path: string; code: string; message: string }[] };

let keys = 0;

/** Each school's staff post an offer to their own school: one audited `offer.create` per school. */
async function twoSchools() {
  const t = testApp();
  const { entities, companies, people } = t.ids.demo;
  const post = async (who: 'staff-eng' | 'staff-mgmt', entityId: string, title: string) => {
    const res = await t.call('POST', '/v1/offers', {
      token: await t.signIn(who),
      body: sampleOfferBody({ companyId: companies.acme, targetEntityIds: [entityId] }, { title }),
      headers: { 'idempotency-key': `audit-${++keys}`, origin: 'http://localhost:5173' },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const engOffer = await post('staff-eng', entities.engineering, 'Stage robotique');
  t.clock.advance(60_000);
  const mgmtOffer = await post('staff-mgmt', entities.management, 'Stage contrôle de gestion');
  return { t, engOffer, mgmtOffer, entities, people };
}

async function read(t: TestApp, token: string, query = '') {
  const res = await t.call('GET', `/v1/audit${query}`, { token });
  return { status: res.status, body: (await res.json()) as Page & Problem };
}

const offerCreations = (page: Page) => page.items.filter((e) => e.action === 'offer.create');

describe('GET /v1/audit: who reads which entries', () => {
  it('staff of a school read their school’s entries (who, what, when, from where), not the other school’s', async () => {
    const { t, engOffer, entities, people } = await twoSchools();
    const { status, body } = await read(t, await t.signIn('staff-eng'));
    expect(status).toBe(200);
    expect(v.safeParse(AuditEntryPageSchema, body).success).toBe(true);
    expect(body.items).toEqual([
      {
        id: expect.any(String),
        at: '2026-03-02T09:00:00.000Z',
        action: 'offer.create',
        objectType: 'offer',
        objectId: engOffer,
        actor: { id: people['staff-eng'], displayName: 'Sophie Bernard' },
        subjectId: people['staff-eng'],
        origin: 'http://localhost:5173',
        entityIds: [entities.engineering],
        detail: expect.objectContaining({ title: 'Stage robotique' }),
      },
    ]);
    // And the other school's staff only theirs.
    const mgmt = await read(t, await t.signIn('staff-mgmt'));
    expect(mgmt.body.items.map((e) => e.detail.title)).toEqual(['Stage contrôle de gestion']);
  });

  it('an administrator reads every entry of the institution, newest first, sign-ins included', async () => {
    const { t, engOffer, mgmtOffer } = await twoSchools();
    const { status, body } = await read(t, await t.signIn('admin-demo'));
    expect(status).toBe(200);
    expect(offerCreations(body).map((e) => e.objectId)).toEqual([mgmtOffer, engOffer]);
    expect(body.items.some((e) => e.action === 'auth.exchange' && e.entityIds.length === 0)).toBe(true);
    const times = body.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('never another institution’s entries: its administrator reads none of these', async () => {
    const { t } = await twoSchools();
    const { status, body } = await read(t, await t.signIn('admin-other'));
    expect(status).toBe(200);
    expect(offerCreations(body)).toEqual([]);
    expect(body.items.every((e) => e.actor?.id !== t.ids.demo.people['staff-eng'])).toBe(true);
  });

  it('a student, an alumna and a company representative are refused with the policy’s reason', async () => {
    const { t } = await twoSchools();
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme'] as const) {
      const { status, body } = await read(t, await t.signIn(who));
      expect(status).toBe(403);
      expect(body.code).toBe('policy.refused');
      expect(body.detail).toMatch(/Only staff, for their own entities, and administrators can read the audit log/);
    }
    expect((await t.call('GET', '/v1/audit')).status).toBe(401);
  });
});

describe('GET /v1/audit: filters and pages', () => {
  /** Entries written by the audit's own writer, on given days, by and about given people. */
  async function logged(t: TestApp, entries: { at: string; action: string; actorId?: string; subjectId?: string }[]) {
    const { tenantId, entities } = t.ids.demo;
    for (const e of entries) {
      await writeAudit(t.db, { tenantId, actorId: e.actorId ?? null, origin: 'cli', at: e.at }, { action: e.action, objectType: 'test', entityIds: [entities.engineering], subjectId: e.subjectId ?? null });
    }
  }

  it('by person (who acted or whom it is about), by action (exact or prefix), by days (both included)', async () => {
    const t = testApp();
    const { people } = t.ids.demo;
    await logged(t, [
      { at: '2026-01-10T08:00:00.000Z', action: 'offer.create', actorId: people['staff-eng'] },
      { at: '2026-01-11T23:59:59.999Z', action: 'offer.edit', subjectId: people['student-ines'] },
      { at: '2026-01-12T00:00:00.000Z', action: 'offerings.count' },
      { at: '2026-01-13T10:00:00.000Z', action: 'pledge.receive', actorId: people['student-ines'] },
    ]);
    const admin = await t.signIn('admin-demo');
    const actions = async (query: string) => (await read(t, admin, query)).body.items.filter((e) => e.objectType === 'test').map((e) => e.action);
    expect(await actions(`?person=${people['student-ines']}`)).toEqual(['pledge.receive', 'offer.edit']);
    expect(await actions('?action=offer.create')).toEqual(['offer.create']);
    expect(await actions('?action=offer.')).toEqual(['offer.edit', 'offer.create']);
    expect(await actions('?from=2026-01-11&to=2026-01-12')).toEqual(['offerings.count', 'offer.edit']);
    expect(await actions('?from=2026-01-13')).toEqual(['pledge.receive']);
    expect(await actions('?to=2026-01-10')).toEqual(['offer.create']);
    expect(await actions(`?action=offer.&person=${people['staff-eng']}`)).toEqual(['offer.create']);
  });

  it('pages of `limit`, newest first, each entry once, ties on the same instant included', async () => {
    const t = testApp();
    const at = (i: number) => `2026-01-${String(10 + Math.floor(i / 2)).padStart(2, '0')}T08:00:00.000Z`;
    await logged(t, Array.from({ length: 7 }, (_, i) => ({ at: at(i), action: `test.entry${i}` })));
    const admin = await t.signIn('admin-demo');
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body }: { status: number; body: Page & Problem } = await read(t, admin, `?action=test.&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.action).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `test.entry${i}`));
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    const times = seen.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('bad input is 400 with each field’s path and code, in words', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const cases: [string, string, string][] = [
      ['?person=someone', 'person', 'validation.id'],
      ['?action=offer..create', 'action', 'audit.list.action'],
      ['?action=DROP%20TABLE', 'action', 'audit.list.action'],
      ['?from=2026-02-30', 'from', 'validation.dateNotReal'],
      ['?to=yesterday', 'to', 'validation.date'],
      ['?from=2026-03-02&to=2026-03-01', 'to', 'audit.list.dateOrder'],
      ['?limit=500', 'limit', 'list.limit'],
      ['?cursor=not-a-cursor', 'cursor', 'list.cursor'],
      ['?entity=x', 'entity', 'validation.unknownKey'],
    ];
    for (const [query, path, code] of cases) {
      const { status, body } = await read(t, admin, query);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.errors?.[0]).toEqual(expect.objectContaining({ path, code, message: expect.any(String) }));
      expect(body.errors?.[0]?.message).not.toMatch(/^validation\.|^audit\./);
    }
    const french = await t.call('GET', '/v1/audit?from=2026-03-02&to=2026-03-01', { token: admin, headers: { 'accept-language': 'fr' } });
    expect(((await french.json()) as Problem).errors?.[0]?.message).toMatch(/La date de fin précède la date de début/);
  });
});
