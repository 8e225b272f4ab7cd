import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SolicitationCheckResult } from '@passerelle/schema';
import type { SolicitationPage } from './read.ts';
import type { SolicitationRecordedSchema } from '@passerelle/schema';
import type * as v from 'valibot';
import { testApp, type TestApp } from '../testing.ts';
import { versionOf } from '../consents/testing.ts';
import { auditLog, solicitations } from '../db/tables/index.ts';

type Json = Record<string, unknown>;
const json = async <T = Json>(res: Response) => (await res.json()) as T;
type Recorded = v.InferOutput<typeof SolicitationRecordedSchema>;

let keys = 0;
function record(t: TestApp, token: string, body: Json, key = `sol-${++keys}`) {
  return t.call('POST', '/v1/solicitations', { token, body, headers: { 'idempotency-key': key } });
}
const check = (t: TestApp, token: string, body: Json) => t.call('POST', '/v1/solicitations/check', { token, body });

async function setup() {
  const t = testApp();
  const ines = t.ids.demo.people['student-ines'];
  const claire = t.ids.demo.people['alumna-claire'];
  const eng = t.ids.demo.entities.engineering;
  const mgmt = t.ids.demo.entities.management;
  const tokens = { staffEng: await t.signIn('staff-eng'), staffMgmt: await t.signIn('staff-mgmt'), admin: await t.signIn('admin-demo'), ines: await t.signIn('student-ines') };
  return { t, ines, claire, eng, mgmt, tokens };
}

describe('POST /v1/solicitations', () => {
  it('staff of the sending entity record a message: 201, one row, an audit entry, the allowance left; a retry with the same key records it once', async () => {
    const { t, ines, eng, tokens } = await setup();
    const body = { personId: ines, purpose: 'fundraising', channel: 'email', entityId: eng, campaign: 'Gala 2026' };
    const res = await record(t, tokens.staffEng, body, 'gala-ines');
    expect(res.status).toBe(201);
    const answer = await json<Recorded>(res);
    expect(answer).toMatchObject({ personId: ines, purpose: 'fundraising', channel: 'email', entityId: eng, entityName: "École d'ingénieurs", campaign: 'Gala 2026', allowance: { month: '2026-03', perMonth: 4, used: 1, remaining: 3 } });
    const again = await record(t, tokens.staffEng, body, 'gala-ines');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json<Recorded>(again)).id).toBe(answer.id);
    expect((await t.db.select().from(solicitations).where(eq(solicitations.personId, ines)).all())).toHaveLength(1);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'solicitation.record')).all())).toMatchObject([{ objectId: answer.id, subjectId: ines }]);
  });

  it('refuses staff of another entity (403 with the policy’s code), a student, bad input (400 with field paths), an unknown person or purpose (404); nothing is written', async () => {
    const { t, ines, eng, mgmt, tokens } = await setup();
    const ok = { personId: ines, purpose: 'fundraising', channel: 'email', entityId: eng, campaign: 'Gala' };
    const other = await record(t, tokens.staffMgmt, ok);
    expect(other.status).toBe(403);
    expect(await json(other)).toMatchObject({ code: 'policy.refused', params: { action: 'solicitation.record' } });
    expect((await record(t, tokens.ines, { ...ok, entityId: mgmt })).status).toBe(403);
    const bad = await record(t, tokens.admin, { ...ok, channel: 'pigeon', campaign: '' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<{ errors: { path: string }[] }>(bad)).errors.map((e) => e.path).sort()).toEqual(['campaign', 'channel']);
    const unused = await record(t, tokens.admin, { ...ok, channel: 'sms' });
    expect(unused.status).toBe(400);
    expect(await json(unused)).toMatchObject({ errors: [{ path: 'channel', code: 'consent.channelUnused' }] });
    const entity = await record(t, tokens.admin, { ...ok, entityId: t.ids.other.entities.school });
    expect(await json(entity)).toMatchObject({ errors: [{ path: 'entityId', code: 'solicitation.entity' }] });
    expect(await json(await record(t, tokens.admin, { ...ok, personId: t.ids.other.people['student-other'] }))).toMatchObject({ status: 404, code: 'person.notFound' });
    expect(await json(await record(t, tokens.admin, { ...ok, purpose: 'nope' }))).toMatchObject({ status: 404, code: 'purpose.notFound' });
    expect((await record(t, tokens.staffEng, { ...ok, purpose: 'fundraising' }, '')).status).toBe(400);
    expect((await t.db.select().from(solicitations).all())).toHaveLength(0);
  });
});

describe('POST /v1/solicitations/check', () => {
  it('answers per person: consent on the channel, the cap across every service this month, erasure, scope, unknown people', async () => {
    const { t, ines, claire, mgmt, tokens } = await setup();
    const claireToken = await t.signIn('alumna-claire');
    // Claire agrees to events by email and accepts one message a month; Inès never agreed.
    expect((await t.call('PUT', '/v1/consents/events', { token: claireToken, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } })).status).toBe(200);
    expect((await t.call('PUT', '/v1/consents/solicitation-cap', { token: claireToken, body: { perMonth: 1 } })).status).toBe(200);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const events = await json<SolicitationCheckResult>(await check(t, tokens.admin, { people: [ines, claire, unknown], purpose: 'events', channel: 'email' }));
    expect(events.items).toEqual([
      { personId: ines, allowed: false, reason: 'notGranted', allowance: { month: '2026-03', perMonth: 4, used: 0, remaining: 4 } },
      { personId: claire, allowed: true, allowance: { month: '2026-03', perMonth: 1, used: 0, remaining: 1 } },
      { personId: unknown, allowed: false, reason: 'unknownPerson' },
    ]);
    // Another service (management) sends her one: the cap is used up for every service.
    expect((await record(t, tokens.staffMgmt, { personId: claire, purpose: 'events', channel: 'email', entityId: mgmt, campaign: 'Afterwork' })).status).toBe(201);
    const after = await json<SolicitationCheckResult>(await check(t, tokens.admin, { people: [claire], purpose: 'events', channel: 'email' }));
    expect(after.items).toEqual([{ personId: claire, allowed: false, reason: 'capReached', allowance: { month: '2026-03', perMonth: 1, used: 1, remaining: 0 } }]);
    // Next month, the allowance is whole again.
    t.clock.advance(31 * 86_400_000);
    const admin = await t.signIn('admin-demo');
    expect((await json<SolicitationCheckResult>(await check(t, admin, { people: [claire], purpose: 'events', channel: 'email' }))).items[0]).toMatchObject({ allowed: true, allowance: { month: '2026-04', used: 0 } });
    // Staff of engineering check only their people.
    const scoped = await json<SolicitationCheckResult>(await check(t, await t.signIn('staff-eng'), { people: [ines, claire], purpose: 'fundraising', channel: 'email' }));
    expect(scoped.items.map((i) => [i.personId, i.allowed, i.reason])).toEqual([[ines, true, undefined], [claire, false, 'outOfScope']]);
  });

  it('an objection under legitimate interest, a consent to an older text and an erasure request are refused with their reason', async () => {
    const { t, ines, claire, tokens } = await setup();
    const claireToken = await t.signIn('alumna-claire');
    expect((await t.call('PUT', '/v1/consents/fundraising', { token: claireToken, body: { channels: { post: false }, version: (await versionOf(t, 'fundraising')) } })).status).toBe(200);
    expect((await json<SolicitationCheckResult>(await check(t, tokens.admin, { people: [claire], purpose: 'fundraising', channel: 'post' }))).items[0]).toMatchObject({ allowed: false, reason: 'objected' });
    // Inès agrees to events, then the text changes.
    expect((await t.call('PUT', '/v1/consents/events', { token: tokens.ines, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } })).status).toBe(200);
    const list = await json<{ items: { id: string; key: string }[] }>(await t.call('GET', '/v1/purposes', { token: tokens.admin }));
    const id = list.items.find((p) => p.key === 'events')!.id;
    const etag = (await t.call('GET', `/v1/purposes/${id}`, { token: tokens.admin })).headers.get('etag')!;
    const edited = await t.call('PATCH', `/v1/purposes/${id}`, { token: tokens.admin, headers: { 'if-match': etag }, body: { description: { fr: 'Nouveau texte.', en: 'New text.' } } });
    expect(edited.status).toBe(200);
    expect((await json<SolicitationCheckResult>(await check(t, tokens.admin, { people: [ines], purpose: 'events', channel: 'email' }))).items[0]).toMatchObject({ allowed: false, reason: 'renewalNeeded' });
    // Inès asks to be erased.
    expect((await t.call('POST', '/v1/me/erasure', { token: tokens.ines, body: { confirm: true } })).status).toBe(201);
    expect((await json<SolicitationCheckResult>(await check(t, tokens.admin, { people: [ines], purpose: 'fundraising', channel: 'email' }))).items[0]).toMatchObject({ allowed: false, reason: 'erased' });
  });

  it('refuses a student (403), bad input (400 with codes) and an unknown purpose (404)', async () => {
    const { t, ines, tokens } = await setup();
    const student = await check(t, tokens.ines, { people: [ines], purpose: 'events', channel: 'email' });
    expect(student.status).toBe(403);
    expect(await json(student)).toMatchObject({ code: 'policy.refused', params: { action: 'solicitation.check' } });
    const empty = await check(t, tokens.admin, { people: [], purpose: 'events', channel: 'email' });
    expect(await json(empty)).toMatchObject({ status: 400, errors: [{ path: 'people', code: 'solicitation.people.range' }] });
    const notId = await check(t, tokens.admin, { people: ['x'], purpose: 'events', channel: 'email' });
    expect(await json(notId)).toMatchObject({ status: 400, errors: [{ path: 'people.0' }] });
    expect(await json(await check(t, tokens.admin, { people: [ines], purpose: 'nope', channel: 'email' }))).toMatchObject({ status: 404, code: 'purpose.notFound' });
    // 10,000 people fit in one check (a larger body than the API's 100 KiB); one more is refused by code.
    const many = Array.from({ length: 10_000 }, () => crypto.randomUUID());
    const all = await check(t, tokens.admin, { people: [ines, ...many.slice(1)], purpose: 'fundraising', channel: 'email' });
    expect(all.status).toBe(200);
    const items = (await json<SolicitationCheckResult>(all)).items;
    expect(items).toHaveLength(10_000);
    expect(items[0]).toMatchObject({ personId: ines, allowed: true });
    expect(items.filter((i) => i.reason === 'unknownPerson')).toHaveLength(9_999);
    expect(await json(await check(t, tokens.admin, { people: [...many, ines], purpose: 'events', channel: 'email' }))).toMatchObject({ status: 400, errors: [{ path: 'people', code: 'solicitation.people.range' }] });
  });
});

describe('who contacted a person', () => {
  it('staff of the person’s entities and the person read the month’s messages and the allowance; others are refused; months and pages', async () => {
    const { t, ines, eng, mgmt, tokens } = await setup();
    for (const campaign of ['A', 'B', 'C']) {
      expect((await record(t, tokens.admin, { personId: ines, purpose: 'fundraising', channel: 'email', entityId: campaign === 'B' ? mgmt : eng, campaign })).status).toBe(201);
      t.clock.advance(60_000);
    }
    const staff = await t.call('GET', `/v1/solicitations/people/${ines}`, { token: tokens.staffEng });
    expect(staff.status).toBe(200);
    const page = await json<SolicitationPage>(staff);
    expect(page.items.map((i) => [i.campaign, i.entityName, i.purpose, i.channel])).toEqual([
      ['C', "École d'ingénieurs", 'fundraising', 'email'],
      ['B', 'École de management', 'fundraising', 'email'],
      ['A', "École d'ingénieurs", 'fundraising', 'email'],
    ]);
    expect(page.allowance).toEqual({ month: '2026-03', perMonth: 4, used: 3, remaining: 1 });
    const first = await json<SolicitationPage>(await t.call('GET', `/v1/solicitations/people/${ines}?limit=2`, { token: tokens.staffEng }));
    expect(first.items).toHaveLength(2);
    const rest = await json<SolicitationPage>(await t.call('GET', `/v1/solicitations/people/${ines}?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`, { token: tokens.staffEng }));
    expect([...first.items, ...rest.items].map((i) => i.id).sort()).toEqual(page.items.map((i) => i.id).sort());
    expect(rest.nextCursor).toBeNull();
    const mine = await json<SolicitationPage>(await t.call('GET', '/v1/me/solicitations', { token: tokens.ines }));
    expect(mine.items).toHaveLength(3);
    expect((await json<SolicitationPage>(await t.call('GET', '/v1/me/solicitations?month=2026-02', { token: tokens.ines }))).items).toEqual([]);
    const refused = await t.call('GET', `/v1/solicitations/people/${ines}`, { token: tokens.staffMgmt });
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'policy.refused', params: { action: 'solicitation.read' } });
    expect(await json(await t.call('GET', '/v1/me/solicitations?month=2026-13', { token: tokens.ines }))).toMatchObject({ status: 400, errors: [{ path: 'month', code: 'solicitation.month.format' }] });
  });
});
