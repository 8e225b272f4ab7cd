/**
 * The payment hand-off: an administrator sets the payment pages (institution,
 * entity, fund), a promised gift links to its page with its amount and
 * reference, and the payment page's signed callback marks it received.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { PaymentCallbackResult, Pledge } from '@passerelle/schema';
import { sampleTaxPledgeBody, testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, pledges } from '../db/tables/index.ts';
import { signature } from '../webhooks/sign.ts';
import { rotatePaymentSecret } from './payment-pages.ts';

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };

describe('payment pages and the signed payment callback', () => {
  let t: TestApp;
  let secret: string;
  const tokens = {} as Record<DemoSubject, string>;
  let keys = 0;
  beforeAll(async () => {
    t = testApp();
    for (const who of ['admin-demo', 'staff-eng', 'alumna-claire', 'rep-acme'] as const) tokens[who] = await t.signIn(who);
    secret = await rotatePaymentSecret(t.db, { tenantId: t.ids.demo.tenantId, actorId: null, origin: 'test', at: t.clock.now().toISOString() });
  });
  const putPages = (who: DemoSubject, body: unknown) => t.call('PUT', '/v1/pledges/payment-pages', { token: tokens[who], body });
  const give = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/v1/pledges', {
      token: tokens['alumna-claire'],
      body: { kind: 'donation', amountCents: 30000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address }, publicThanks: false, ...body },
      headers: { 'idempotency-key': `payment-${++keys}` },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Pledge;
  };
  /** What the institution's payment page sends, signed with `key` at `at` (Unix seconds). */
  const notify = (body: unknown, options: { key?: string; at?: number; id?: string; tenant?: string | null } = {}) => {
    const raw = JSON.stringify(body);
    const id = options.id ?? `msg_${++keys}`;
    const at = options.at ?? Math.floor(t.clock.now().getTime() / 1000);
    const query = options.tenant === null ? '' : `?tenant=${options.tenant ?? 'demo'}`;
    return t.call('POST', `/v1/pledges/payment-callback${query}`, {
      body: raw,
      headers: { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': signature(options.key ?? secret, id, at, raw) },
    });
  };
  const row = async (id: string) => (await t.db.select().from(pledges).where(eq(pledges.id, id)).get())!;
  const audits = async (action: string, objectId: string) => (await t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId))).all());

  describe('the pages', () => {
    it('administrators only; https and known placeholders only; entities and funds that exist', async () => {
      expect((await putPages('staff-eng', { default: 'https://pay.example/?ref={reference}', entities: {}, funds: {} })).status).toBe(403);
      const bad = await putPages('admin-demo', {
        default: 'http://pay.example/?amount={amount}',
        entities: { [t.ids.demo.entities.engineering]: 'https://pay.example/?montant={montant}' },
        funds: {},
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { path: string; code: string }[] }).errors.map((e) => `${e.path} ${e.code}`)).toEqual([
        'default payment.page.https',
        `entities.${t.ids.demo.entities.engineering} payment.page.placeholder`,
      ]);
      const unknown = await putPages('admin-demo', { default: null, entities: { [t.ids.other.entities.university]: 'https://pay.example/' }, funds: { travel: 'https://pay.example/' } });
      expect(((await unknown.json()) as { errors: { path: string; code: string }[] }).errors.map((e) => `${e.path} ${e.code}`)).toEqual([
        `entities.${t.ids.other.entities.university} payment.page.unknownEntity`,
        'funds.travel payment.page.unknownFund',
      ]);
    });

    it('a promised gift links to its fund’s page, else its beneficiary’s, else the institution’s, amount and reference filled in', async () => {
      const set = await putPages('admin-demo', {
        default: 'https://pay.example/don?amount={amount}&ref={reference}',
        entities: { [t.ids.demo.entities.engineering]: 'https://pay.example/inge/{reference}?cents={amountCents}' },
        funds: { scholarships: 'https://pay.example/bourses?montant={amount}&reference={reference}&devise={currency}' },
      });
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ callbackConfigured: true, funds: { scholarships: expect.stringContaining('{amount}') } });
      const foundation = await give({ amountCents: 30050 });
      expect(foundation.paymentUrl).toBe(`https://pay.example/don?amount=300.50&ref=${foundation.id}`);
      const fund = await give({ designation: { kind: 'fund', fund: 'scholarships' } });
      expect(fund.paymentUrl).toBe(`https://pay.example/bourses?montant=300.00&reference=${fund.id}&devise=EUR`);
      const school = await give({ designation: { kind: 'entity', entityId: t.ids.demo.entities.engineering }, amountCents: 5000 });
      expect(school.paymentUrl).toBe(`https://pay.example/inge/${school.id}?cents=5000`);
      // Audited with what it was and what it is now.
      expect((await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'pledge.paymentPages'), eq(auditLog.tenantId, t.ids.demo.tenantId))).all())).toHaveLength(1);
    });
  });

  describe('the callback', () => {
    it('a good signature marks the gift received with the amount and day paid, through receivePledge, audited', async () => {
      const gift = await give({});
      const res = await notify({ reference: gift.id, amountCents: 30000, paidOn: '2026-03-01', paymentId: 'PSP-42' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ reference: gift.id, status: 'received', receivedAmountCents: 30000, receivedOn: '2026-03-01', alreadyReceived: false } satisfies PaymentCallbackResult);
      expect((await row(gift.id))).toMatchObject({ status: 'received', receivedCents: 30000, receivedOn: '2026-03-01' });
      expect((await audits('pledge.receive', gift.id))).toEqual([expect.objectContaining({ actorId: null, origin: 'payment-callback' })]);
      expect((await audits('pledge.paymentCallback', gift.id))).toEqual([expect.objectContaining({ detail: expect.objectContaining({ paymentId: 'PSP-42', amountCents: 30000 }) })]);
      // The donor no longer sees a payment link: it is paid.
      const read = (await (await t.call('GET', `/v1/pledges/${gift.id}`, { token: tokens['alumna-claire'] })).json()) as Pledge;
      expect(read).toMatchObject({ status: 'received', receivedAmountCents: 30000 });
      expect(read.paymentUrl).toBeUndefined();
    });

    it('a replay, or a second notice of the same payment, has no second effect', async () => {
      const gift = await give({});
      const body = { reference: gift.id, amountCents: 30000 };
      const first = await notify(body, { id: 'msg_same' });
      const [again, other] = await Promise.all([notify(body, { id: 'msg_same' }), notify({ ...body, amountCents: 99 }, { id: 'msg_other' })]);
      expect(first.status).toBe(200);
      for (const res of [again, other]) {
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ alreadyReceived: true, receivedAmountCents: 30000 });
      }
      expect((await row(gift.id))).toMatchObject({ status: 'received', receivedCents: 30000, version: 2 });
      expect((await audits('pledge.receive', gift.id))).toHaveLength(1);
    });

    it('a bad signature, a wrong secret, a missing header or an expired timestamp: 401 problem, nothing received', async () => {
      const gift = await give({});
      const body = { reference: gift.id, amountCents: 30000 };
      const now = Math.floor(t.clock.now().getTime() / 1000);
      const cases = [
        ['payment.callback.signature', () => notify(body, { key: 'whsec_' + Buffer.from('not the secret').toString('base64') })],
        ['payment.callback.signature', () => t.call('POST', '/v1/pledges/payment-callback?tenant=demo', { body })],
        ['payment.callback.signature', () => notify(body, { tenant: 'other' })],
        ['payment.callback.signature', () => notify(body, { tenant: 'nowhere' })],
        ['payment.callback.expired', () => notify(body, { at: now - 600 })],
        ['payment.callback.expired', () => notify(body, { at: now + 600 })],
      ] as const;
      for (const [code, send] of cases) {
        const res = await send();
        expect(res.status, code).toBe(401);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await res.json()).toMatchObject({ status: 401, code });
      }
      expect((await row(gift.id)).status).toBe('promised');
    });

    it('an unknown reference is 404, an apprenticeship-tax pledge 409, a bad body 400, no tenant 400', async () => {
      const unknown = await notify({ reference: '00000000-0000-4000-8000-000000000000', amountCents: 100 });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'payment.callback.unknownReference' });
      const tax = await t.call('POST', '/v1/pledges', { token: tokens['rep-acme'], body: sampleTaxPledgeBody(t.ids), headers: { 'idempotency-key': 'payment-tax' } });
      const taxId = ((await tax.json()) as Pledge).id;
      expect(await (await notify({ reference: taxId, amountCents: 100 })).json()).toMatchObject({ status: 409, code: 'payment.callback.notGift' });
      expect(await (await notify({ reference: taxId, amountCents: -1 })).json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'amountCents' })] });
      expect(await (await notify({ reference: taxId, amountCents: 100 }, { tenant: null })).json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'tenant', code: 'payment.callback.tenant' })] });
    });

    it('after a rotation the previous secret still verifies for a day', async () => {
      const previous = secret;
      secret = await rotatePaymentSecret(t.db, { tenantId: t.ids.demo.tenantId, actorId: null, origin: 'test', at: t.clock.now().toISOString() });
      const gift = await give({});
      expect((await notify({ reference: gift.id, amountCents: 30000 }, { key: previous })).status).toBe(200);
    });
  });
});
