import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { ConsentOverview, ConsentProof, ConsentRecordEvent } from '@passerelle/schema';
import { ConsentProofSchema, ConsentRecordSchema } from '@passerelle/schema';
import * as v from 'valibot';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog } from '../db/tables/index.ts';
import { DEMO_ORIGIN } from '../seed/demo.ts';

type Page = { items: ConsentRecordEvent[]; nextCursor: string | null };

/** The text of a PDF, read back by poppler's pdftotext (layout kept, so a label and its value stay on one line). */
function pdfText(bytes: ArrayBuffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'proof-')), 'proof.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The current version hash of one purpose, as the consent centre reads it. */
async function currentHash(t: TestApp, token: string, key: string): Promise<string> {
  const overview = (await (await t.call('GET', '/v1/consents', { token })).json()) as ConsentOverview;
  return overview.purposes.find((p) => p.key === key)!.version.hash;
}

/** Publishes a new text of a purpose, as an administrator (If-Match with the purpose's ETag). */
async function publishNewText(t: TestApp, admin: string, key: string, description: { fr: string; en: string }) {
  const list = (await (await t.call('GET', '/v1/purposes', { token: admin })).json()) as { items: { id: string; key: string }[] };
  const id = list.items.find((p) => p.key === key)!.id;
  const read = await t.call('GET', `/v1/purposes/${id}`, { token: admin });
  const res = await t.call('PATCH', `/v1/purposes/${id}`, { token: admin, headers: { 'if-match': read.headers.get('etag')! }, body: { description } });
  expect(res.status).toBe(200);
}

/**
 * Inès agrees to the `events` emails from the consent centre, the administrator publishes a new text, and she agrees
 * again to the new one: two events, the first superseded by the second.
 */
async function scenario() {
  const t = testApp();
  const ines = await t.signIn('student-ines');
  const admin = await t.signIn('admin-demo');
  const dpo = await t.signIn('dpo-demo');
  const inesId = t.ids.demo.people['student-ines'];
  const origin = { page: 'https://www.demo.test/mon-compte', component: 'passerelle-consent-centre' };
  const first = await t.call('PUT', '/v1/consents/events', { token: ines, headers: { origin: DEMO_ORIGIN }, body: { channels: { email: true }, version: await currentHash(t, ines, 'events'), origin } });
  expect(first.status).toBe(200);
  t.clock.advance(3_600_000);
  await publishNewText(t, admin, 'events', { fr: 'Invitations aux événements, rencontres et galas.', en: 'Invitations to events, meet-ups and galas.' });
  t.clock.advance(3_600_000);
  const second = await t.call('PUT', '/v1/consents/events', { token: ines, headers: { origin: DEMO_ORIGIN }, body: { channels: { email: true }, version: await currentHash(t, ines, 'events'), origin } });
  expect(second.status).toBe(200);
  return { t, ines, admin, dpo, inesId };
}

describe('GET /v1/consents/people/:personId/events (a person’s complete consent record)', () => {
  it('the data protection officer reads every event with its exact text, hash, time, checked origin, claimed page, component and actor', async () => {
    const { t, dpo, inesId } = await scenario();
    const res = await t.call('GET', `/v1/consents/people/${inesId}/events`, { token: dpo });
    expect(res.status).toBe(200);
    const page = v.parse(ConsentRecordSchema, await res.json()) as Page;
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((e) => [e.seq, e.purposeKey, e.channel, e.granted])).toEqual([
      [1, 'events', 'email', true],
      [2, 'events', 'email', true],
    ]);
    const [first, second] = page.items;
    expect(first!.at).toBe('2026-03-02T09:00:00.000Z');
    expect(first!.origin).toEqual({ checked: DEMO_ORIGIN, claimedPage: 'https://www.demo.test/mon-compte', page: 'https://www.demo.test/mon-compte', component: 'passerelle-consent-centre' });
    expect(first!.actor).toEqual({ kind: 'self', personId: inesId, displayName: 'Inès Martin', reason: null });
    // Each event carries the text the person saw: the first the old one, the second the new one.
    expect(first!.version.hash).not.toBe(second!.version.hash);
    expect(second!.version.description.en).toBe('Invitations to events, meet-ups and galas.');
    expect(first!.version.description.en).not.toBe(second!.version.description.en);
  });

  it('pages by seq', async () => {
    const { t, admin, inesId } = await scenario();
    const one = (await (await t.call('GET', `/v1/consents/people/${inesId}/events?limit=1`, { token: admin })).json()) as Page;
    expect(one.items.map((e) => e.seq)).toEqual([1]);
    expect(one.nextCursor).toBe('1');
    const two = (await (await t.call('GET', `/v1/consents/people/${inesId}/events?limit=1&cursor=1`, { token: admin })).json()) as Page;
    expect(two.items.map((e) => e.seq)).toEqual([2]);
    expect(two.nextCursor).toBeNull();
  });

  it('anyone else is refused with the policy’s reason: the person’s own staff, the person, another member; another institution’s person is not found', async () => {
    const { t, ines, inesId } = await scenario();
    for (const token of [await t.signIn('staff-eng'), ines, await t.signIn('alumna-claire'), await t.signIn('rep-acme')]) {
      const res = await t.call('GET', `/v1/consents/people/${inesId}/events`, { token });
      expect(res.status).toBe(403);
      const problem = (await res.json()) as { code: string; params: unknown; detail: string };
      expect(problem).toMatchObject({ code: 'policy.refused', params: { action: 'consent.proof' } });
      expect(problem.detail).toMatch(/data protection officer/);
    }
    expect((await t.call('GET', `/v1/consents/people/${inesId}/events`, { token: await t.signIn('admin-other') })).status).toBe(404);
    expect((await t.call('GET', `/v1/consents/people/${crypto.randomUUID()}/events`, { token: await t.signIn('admin-demo') })).status).toBe(404);
  });

  it('a DPO signed in by email code does not carry the role, and is told how to sign in', async () => {
    const { t, inesId } = await scenario();
    const token = await t.emailSignIn('camille.laurent@demo.test');
    const res = await t.call('GET', `/v1/consents/people/${inesId}/events`, { token });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'policy.emailSessionWithholdsStaff' });
  });

  it('the DPO also reads anyone’s current state (consent.read)', async () => {
    const { t, dpo, inesId } = await scenario();
    const res = await t.call('GET', `/v1/consents/people/${inesId}`, { token: dpo });
    expect(res.status).toBe(200);
  });
});

describe('GET /v1/consents/people/:personId/events/:eventId/proof', () => {
  it('JSON: the event, its text with the hash checked again, what happened since and the standing today; audited', async () => {
    const { t, dpo, inesId } = await scenario();
    const page = (await (await t.call('GET', `/v1/consents/people/${inesId}/events`, { token: dpo })).json()) as Page;
    const [first, second] = page.items;
    const res = await t.call('GET', `/v1/consents/people/${inesId}/events/${first!.id}/proof`, { token: dpo });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="consent-proof-${first!.id}.json"`);
    const proof = v.parse(ConsentProofSchema, await res.json()) as ConsentProof;
    expect(proof).toMatchObject({
      kind: 'passerelle.consent-proof',
      generatedBy: { personId: t.ids.demo.people['dpo-demo'], displayName: 'Camille Laurent' },
      institution: { id: t.ids.demo.tenantId, name: 'Université de Démonstration' },
      person: { id: inesId, displayName: 'Inès Martin', email: 'ines.martin@etu.demo.test' },
      event: first,
      integrity: { algorithm: 'sha256', recordedHash: first!.version.hash, recomputedHash: first!.version.hash, matches: true },
      status: 'superseded',
    });
    expect(proof.later).toEqual([second]);
    const latest = (await (await t.call('GET', `/v1/consents/people/${inesId}/events/${second!.id}/proof`, { token: dpo })).json()) as ConsentProof;
    expect(latest).toMatchObject({ status: 'inForce', later: [], current: { granted: true, renewalNeeded: false } });

    const entries = (await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consent.proof'), eq(auditLog.subjectId, inesId))).all());
    expect(entries.map((e) => [e.actorId, e.objectId])).toEqual([
      [t.ids.demo.people['dpo-demo'], first!.id],
      [t.ids.demo.people['dpo-demo'], second!.id],
    ]);
  });

  it('PDF, in the reader’s language, read back with pdftotext', async () => {
    const { t, admin, inesId } = await scenario();
    const page = (await (await t.call('GET', `/v1/consents/people/${inesId}/events`, { token: admin })).json()) as Page;
    const first = page.items[0]!;
    const res = await t.call('GET', `/v1/consents/people/${inesId}/events/${first.id}/proof?format=pdf`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="consent-proof-${first.id}.pdf"`);
    const text = pdfText(await res.arrayBuffer());
    expect(text).toContain('Proof of consent');
    expect(text).toContain('Université de Démonstration');
    expect(text).toMatch(/Name: Inès Martin/);
    expect(text).toMatch(/Purpose: events/);
    expect(text).toMatch(/Choice: consent given/);
    expect(text).toMatch(/Date and time \(UTC\): 2026-03-02 09:00:00 UTC/);
    expect(text).toMatch(/Origin checked by the server: http:\/\/localhost:5173/);
    expect(text).toMatch(/Page named by the client: https:\/\/www\.demo\.test\/mon-compte \(claimed, not checked\)/);
    expect(text).toMatch(/Component named by the client: passerelle-consent-centre/);
    expect(text).toMatch(/Recorded by: the person themself/);
    expect(text).toContain(first.version.hash);
    expect(text).toContain(first.version.description.fr);
    expect(text).toContain(first.version.description.en);
    expect(text).toContain('gives the recorded hash');
    expect(text).toContain('Replaced since by a new consent.');
    expect(text).toMatch(/Page 1 of \d/);

    const fr = await t.call('GET', `/v1/consents/people/${inesId}/events/${first.id}/proof?format=pdf`, { token: admin, headers: { 'accept-language': 'fr' } });
    const frText = pdfText(await fr.arrayBuffer());
    expect(frText).toContain('Preuve de consentement');
    expect(frText).toMatch(/Origine vérifiée par le serveur : http:\/\/localhost:5173/);
    expect(frText).toContain('Remplacé depuis par un nouveau consentement.');
  });

  it('refuses others with the policy’s reason, and an event of another person is not found', async () => {
    const { t, dpo, inesId } = await scenario();
    const page = (await (await t.call('GET', `/v1/consents/people/${inesId}/events`, { token: dpo })).json()) as Page;
    const id = page.items[0]!.id;
    const staff = await t.call('GET', `/v1/consents/people/${inesId}/events/${id}/proof?format=pdf`, { token: await t.signIn('staff-eng') });
    expect(staff.status).toBe(403);
    expect(await staff.json()).toMatchObject({ code: 'policy.refused', params: { action: 'consent.proof' } });
    const claire = t.ids.demo.people['alumna-claire'];
    const elsewhere = await t.call('GET', `/v1/consents/people/${claire}/events/${id}/proof`, { token: dpo });
    expect(elsewhere.status).toBe(404);
    const bad = await t.call('GET', `/v1/consents/people/${inesId}/events/${id}/proof?format=docx`, { token: dpo });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ path: 'format', code: 'validation.notOneOf' }] });
  });
});
