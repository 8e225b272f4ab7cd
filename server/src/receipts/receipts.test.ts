import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { ReceiptPageSchema, ReceiptSchema, type Pledge, type Receipt } from '@passerelle/schema';
import { sampleTaxPledgeBody, testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, pledges, receiptCounters, receipts } from '../db/tables/index.ts';
import { DEMO_RECEIPT_ISSUER } from '../seed/receipts.ts';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-receipts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as Debian's pdftotext reads it, whitespace made single spaces (a long line wraps). */
function pdfText(bytes: ArrayBuffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const address = { line1: '3 place Bellecour', line2: 'Bâtiment B', postalCode: '69002', city: 'Lyon' };

describe('tax receipts', () => {
  let t: TestApp;
  const tokens = {} as Record<DemoSubject, string>;
  let keys = 0;
  beforeAll(async () => {
    t = testApp();
    // The day the money arrives: receipts are numbered in the year they are issued.
    t.clock.set(new Date('2026-12-02T10:00:00.000Z'));
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng', 'staff-mgmt', 'admin-demo', 'admin-other', 'student-other'] as const) tokens[who] = await t.signIn(who);
  });
  const call = (who: DemoSubject, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => t.call(method, path, { token: tokens[who], body, headers });
  const gift = async (who: DemoSubject, over: Record<string, unknown> = {}) => {
    const res = await call(who, 'POST', '/v1/pledges', { kind: 'donation', amountCents: 123_000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address }, publicThanks: false, ...over }, { 'idempotency-key': `receipts-${++keys}` });
    expect(res.status).toBe(201);
    return ((await res.json()) as Pledge).id;
  };
  const receive = (who: DemoSubject, id: string, body: Record<string, unknown> = {}) => call(who, 'POST', `/v1/pledges/${id}/receive`, body);
  const pdfOf = async (who: DemoSubject, receiptId: string) => {
    const res = await call(who, 'GET', `/v1/receipts/${receiptId}/receipt.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return pdfText(await res.arrayBuffer());
  };

  it('a gift marked received gets its receipt (Cerfa 11580): the PDF states every mention, the donor downloads it', async () => {
    const id = await gift('alumna-claire');
    const received = await receive('admin-demo', id, { receivedOn: '2026-11-28', paymentMethod: 'card' });
    expect(received.status).toBe(200);
    const pledge = (await received.json()) as Pledge;
    expect(pledge.receipt).toMatchObject({ number: '2026-000001' });
    // The donor sees it in her list, with the same number.
    const mine = (await (await call('alumna-claire', 'GET', '/v1/pledges')).json()) as { items: Pledge[] };
    expect(mine.items.find((p) => p.id === id)?.receipt).toEqual(pledge.receipt);

    const text = await pdfOf('alumna-claire', pledge.receipt!.id);
    for (const mention of [
      'Reçu au titre des dons à certains organismes d’intérêt général',
      'Articles 200, 238 bis et 978 du code général des impôts',
      'Cerfa n° 11580*05',
      'Numéro d’ordre du reçu : 2026-000001',
      // The issuer.
      'Nom ou dénomination : Université de Démonstration',
      'Adresse : 1 place de l’Université, 75005 Paris',
      'SIREN : 197534712',
      'Objet : Enseignement supérieur et recherche ; bourses et égalité des chances de ses étudiants',
      'Qualité : Établissement d’enseignement supérieur ou d’enseignement artistique, public ou privé, d’intérêt général, à but non lucratif',
      // The donor: identity and full address.
      'Nom et prénoms : Claire Dubois',
      'Adresse : 3 place Bellecour, Bâtiment B, 69002 Lyon',
      // The amount in figures, framed by asterisks, and in words.
      'la somme de : ***1 230,00 €***',
      'Somme en toutes lettres : mille deux cent trente euros',
      // Date, form, nature, payment method.
      'Date du versement ou du don : 28/11/2026',
      'Forme du don : déclaration de don manuel',
      'Nature du don : numéraire',
      'Mode de versement : Carte bancaire',
      // The certification sentence and the signatory.
      'Le bénéficiaire certifie sur l’honneur que les dons et versements qu’il reçoit ouvrent droit à la réduction d’impôt prévue à l’article 200 du CGI, 978 du CGI.',
      'Fait le 02/12/2026',
      'Nadia Haddad, Présidente de l’université',
    ]) expect(text).toContain(mention);

    const issued = (await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'receipt.issue'), eq(auditLog.objectId, pledge.receipt!.id))).all());
    expect(issued.map((e) => e.detail)).toEqual([{ number: '2026-000001', pledgeId: id }]);
  });

  it('a company’s gift gets the company model (Cerfa 16216, art. 238 bis) with its SIRET', async () => {
    const id = await gift('rep-acme', { amountCents: 500_000, donor: { kind: 'company', companyId: t.ids.demo.companies.acme, address: { line1: '10 rue de la Robotique', postalCode: '31000', city: 'Toulouse' } } });
    const pledge = (await (await receive('admin-demo', id)).json()) as Pledge;
    const text = await pdfOf('rep-acme', pledge.receipt!.id);
    for (const mention of [
      'Reçu des dons et versements effectués par les entreprises',
      'au titre de l’article 238 bis du code général des impôts',
      'Cerfa n° 16216*01',
      'Dénomination : Acme Robotique',
      'SIRET : 81234567600017',
      'Adresse : 10 rue de la Robotique, 31000 Toulouse',
      '***5 000,00 €***',
      'Somme en toutes lettres : cinq mille euros',
      'Mode de versement : Virement',
      'ouvrent droit à la réduction d’impôt prévue à l’article 238 bis du CGI.',
    ]) expect(text).toContain(mention);
    expect(text).not.toContain('978');
  });

  it('a recurring gift gets the yearly summary of its year; apprenticeship tax gets none; an institution not set up issues none', async () => {
    const monthly = await gift('alumna-claire', { amountCents: 2_000, frequency: 'monthly' });
    const yearly = (await (await receive('admin-demo', monthly, { receivedAmountCents: 24_000, receivedOn: '2026-11-30' })).json()) as Pledge;
    const text = await pdfOf('alumna-claire', yearly.receipt!.id);
    expect(text).toContain('Reçu récapitulatif annuel des versements de l’année 2026');
    expect(text).toContain('Date des versements : année 2026, dernier versement reçu le 30/11/2026');
    expect(text).toContain('***240,00 €***');
    expect(text).toContain('deux cent quarante euros');

    const taxRes = await call('rep-acme', 'POST', '/v1/pledges', sampleTaxPledgeBody(t.ids, { campaignYear: 2026 }), { 'idempotency-key': `receipts-${++keys}` });
    if (taxRes.status === 201) {
      const tax = (await taxRes.json()) as Pledge;
      const taxReceived = (await (await receive('admin-demo', tax.id, { receivedAmountCents: 80_000 })).json()) as Pledge;
      expect(taxReceived.status).toBe('received');
      expect(taxReceived.receipt).toBeUndefined();
      expect((await t.db.select().from(receipts).where(eq(receipts.pledgeId, tax.id)).all())).toEqual([]);
    }

    const other = await call('student-other', 'POST', '/v1/pledges', { kind: 'donation', amountCents: 5_000, frequency: 'once', designation: { kind: 'entity', entityId: t.ids.other.entities.school }, donor: { kind: 'individual', fullName: 'Ève Petit', address }, publicThanks: false }, { 'idempotency-key': `receipts-${++keys}` });
    expect(other.status).toBe(201);
    const otherGift = (await other.json()) as Pledge;
    const otherReceived = (await (await receive('admin-other', otherGift.id)).json()) as Pledge;
    expect(otherReceived).toMatchObject({ status: 'received' });
    expect(otherReceived.receipt).toBeUndefined();
  });

  it('20 gifts marked received at once get 20 consecutive numbers, no gap, no duplicate', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await gift('alumna-claire', { amountCents: 1_000 + i }));
    const before = (await t.db.select().from(receiptCounters).where(and(eq(receiptCounters.tenantId, t.ids.demo.tenantId), eq(receiptCounters.year, 2026))).get())!.last;
    const answers = await Promise.all(ids.map((id) => receive('admin-demo', id)));
    expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = (await Promise.all(answers.map(async (r) => ((await r.json()) as Pledge).receipt!.number))).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `2026-${String(before + 1 + i).padStart(6, '0')}`));
    const rows = (await t.db.select({ sequence: receipts.sequence }).from(receipts).where(and(eq(receipts.tenantId, t.ids.demo.tenantId), eq(receipts.year, 2026))).all()).map((r) => r.sequence).sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  });

  it('a correction cancels the receipt and issues a new number; the cancelled one says so and cannot be corrected again', async () => {
    const id = await gift('alumna-claire', { amountCents: 7_150 });
    const first = (await (await receive('admin-demo', id)).json()) as Pledge;
    const corrected = await call('admin-demo', 'POST', `/v1/receipts/${first.receipt!.id}/correct`, { reason: 'Adresse erronée', address: { line1: '8 quai Saint-Vincent', postalCode: '69001', city: 'Lyon' }, paymentMethod: 'cheque' });
    expect(corrected.status).toBe(201);
    const next = v.parse(ReceiptSchema, await corrected.json());
    expect(corrected.headers.get('location')).toBe(`/v1/receipts/${next.id}`);
    expect(next.number).not.toBe(first.receipt!.number);
    expect(next.sequence).toBe(Number(first.receipt!.number.slice(5)) + 1);
    expect(next).toMatchObject({ status: 'issued', replacesId: first.receipt!.id, paymentMethod: 'cheque', amountCents: 7_150 });

    const old = (await (await call('admin-demo', 'GET', `/v1/receipts/${first.receipt!.id}`)).json()) as Receipt;
    expect(old).toMatchObject({ status: 'cancelled', replacedById: next.id, cancelReason: 'Adresse erronée' });
    const oldText = await pdfOf('admin-demo', first.receipt!.id);
    expect(oldText).toContain(`REÇU ANNULÉ le 02/12/2026 — remplacé par le reçu n° ${next.number}. Motif : Adresse erronée`);
    expect(oldText).toContain('Adresse : 3 place Bellecour, Bâtiment B, 69002 Lyon');
    const newText = await pdfOf('alumna-claire', next.id);
    expect(newText).toContain('Adresse : 8 quai Saint-Vincent, 69001 Lyon');
    expect(newText).toContain('soixante et onze euros et cinquante centimes');
    expect(newText).toContain('Mode de versement : Chèque');
    expect(newText).toContain(`Ce reçu annule et remplace le reçu n° ${first.receipt!.number}.`);
    // The gift's record follows; the donor's list points at the new receipt.
    expect((await t.db.select().from(pledges).where(eq(pledges.id, id)).get())!.donorAddress).toMatchObject({ line1: '8 quai Saint-Vincent' });
    expect(((await (await call('alumna-claire', 'GET', `/v1/pledges/${id}`)).json()) as Pledge).receipt).toEqual({ id: next.id, number: next.number });

    const again = await call('admin-demo', 'POST', `/v1/receipts/${first.receipt!.id}/correct`, { reason: 'Encore', donorName: 'Claire D.' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('receipt.cancelled');
    const empty = await call('admin-demo', 'POST', `/v1/receipts/${next.id}/correct`, { reason: 'Rien' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { code: string }[] }).errors.map((e) => e.code)).toContain('validation.emptyChange');
  });

  it('refuses whoever may not: status and problem code', async () => {
    const id = await gift('alumna-claire', { amountCents: 4_200 });
    const receipt = ((await (await receive('admin-demo', id)).json()) as Pledge).receipt!;
    const code = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { code: string }).code });
    // Someone else's gift: not even its existence.
    expect(await code(await call('student-ines', 'GET', `/v1/receipts/${receipt.id}/receipt.pdf`))).toEqual({ status: 404, code: 'receipt.notFound' });
    expect(await code(await call('staff-mgmt', 'GET', `/v1/receipts/${receipt.id}/receipt.pdf`))).toEqual({ status: 404, code: 'receipt.notFound' });
    expect(await code(await call('admin-other', 'GET', `/v1/receipts/${receipt.id}/receipt.pdf`))).toEqual({ status: 404, code: 'receipt.notFound' });
    // The donor downloads it but does not correct it, nor list the institution's receipts.
    const correct = await call('alumna-claire', 'POST', `/v1/receipts/${receipt.id}/correct`, { reason: 'Moi', donorName: 'C. Dubois' });
    expect(correct.status).toBe(403);
    expect(await correct.json()).toMatchObject({ code: 'policy.refused', params: { action: 'receipt.correct' } });
    const list = await call('alumna-claire', 'GET', '/v1/receipts');
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ code: 'policy.refused', params: { action: 'receipt.list' } });
    // Staff list their entities' receipts only: the foundation's are not the École d'ingénieurs'.
    const eng = v.parse(ReceiptPageSchema, await (await call('staff-eng', 'GET', '/v1/receipts')).json());
    expect(eng.items).toEqual([]);
    const all = v.parse(ReceiptPageSchema, await (await call('admin-demo', 'GET', '/v1/receipts?limit=5')).json());
    expect(all.items.length).toBe(5);
    expect(all.items[0]!.sequence).toBeGreaterThan(all.items[4]!.sequence);
    const nextPage = v.parse(ReceiptPageSchema, await (await call('admin-demo', 'GET', `/v1/receipts?limit=5&cursor=${all.nextCursor}`)).json());
    expect(nextPage.items[0]!.sequence).toBe(all.items[4]!.sequence - 1);
    // The issuer is the administrators'.
    const put = await call('staff-eng', 'PUT', '/v1/receipts/issuer', DEMO_RECEIPT_ISSUER);
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ code: 'policy.refused', params: { action: 'receipt.setIssuer' } });
  });

  it('the receipts export lists them, cancelled ones included (staff, administrators)', async () => {
    const csv = await call('admin-demo', 'GET', '/v1/exports/receipts?format=csv&year=2026');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('number;year;sequence;status');
    expect(lines.slice(1).some((l) => l.startsWith('2026-000001;2026;1;issued;'))).toBe(true);
    expect(lines.slice(1).some((l) => l.includes(';cancelled;'))).toBe(true);
    expect((await call('alumna-claire', 'GET', '/v1/exports/receipts')).status).toBe(403);
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'records.export'), eq(auditLog.objectType, 'receipts'))).all())).toHaveLength(1);
  });

  it('administrators set who issues the receipts: validated, audited, and the next receipt names them', async () => {
    const bad = await call('admin-demo', 'PUT', '/v1/receipts/issuer', { legalName: 'Fondation', address, object: 'Bourses', status: 'charity', siren: '123', signatoryName: 'A', signatoryTitle: 'B' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string; code: string }[] }).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'status', code: 'receipt.issuer.status' }), expect.objectContaining({ path: 'siren', code: 'validation.siren' })]),
    );
    const issuer = { legalName: 'Fondation de l’Université de Démonstration', address: { line1: '2 rue des Écoles', postalCode: '75005', city: 'Paris' }, object: 'Bourses et chaires', status: 'public_utility', siren: '197534712', signatoryName: 'Jeanne Martin', signatoryTitle: 'Présidente de la fondation' };
    const put = await call('admin-demo', 'PUT', '/v1/receipts/issuer', issuer);
    expect(put.status).toBe(200);
    expect(await (await call('admin-demo', 'GET', '/v1/receipts/issuer')).json()).toEqual({ issuer: { ...issuer, address: { ...issuer.address, country: 'FR' } } });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'institution.receiptIssuer')).all()).map((e) => e.detail)).toEqual([
      { fields: ['legalName', 'address', 'object', 'status', 'signatoryName', 'signatoryTitle'], wasEligible: true },
    ]);
    const id = await gift('alumna-claire', { amountCents: 10_000 });
    const text = await pdfOf('alumna-claire', ((await (await receive('admin-demo', id)).json()) as Pledge).receipt!.id);
    expect(text).toContain('Nom ou dénomination : Fondation de l’Université de Démonstration');
    expect(text).toContain('Qualité : Fondation ou association reconnue d’utilité publique');
    expect(text).toContain('Jeanne Martin, Présidente de la fondation');
  });
});
