import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { PersonAddresses } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, mailOutbox, memberships, personAddresses } from '../db/tables/index.ts';
import { runImport } from '../import/run.ts';

type Json = Record<string, unknown>;
const json = async <T = Json>(res: Response) => (await res.json()) as T;
const dir = mkdtempSync(join(tmpdir(), 'passerelle-addresses-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const personal = 'ines.perso@example.org';

/** The last code mailed to an address (the test app's mailer keeps every message). */
const codeSentTo = (t: TestApp, email: string) => t.mail.filter((m) => m.to === email).at(-1)?.text.match(/\b(\d{6})\b/)?.[1];

/** Inès adds and verifies her personal address; her session's token. */
async function inesWithPersonalAddress(t: TestApp): Promise<string> {
  const token = await t.signIn('student-ines');
  const asked = await t.call('POST', '/v1/me/addresses', { token, body: { email: 'Ines.Perso@Example.org ' } });
  expect(asked.status).toBe(202);
  expect(t.mail.at(-1)!.subject).toMatch(/code pour ajouter cette adresse \/ code to add this address: \d{6}$/);
  const verified = await t.call('POST', '/v1/me/addresses/verify', { token, body: { email: personal, code: codeSentTo(t, personal) } });
  expect(verified.status).toBe(200);
  return token;
}

const meOf = async (t: TestApp, token: string) => (await json<{ person: { id: string } }>(await t.call('GET', '/v1/me', { token }))).person.id;

describe('/v1/me/addresses (issue 17 item 4)', () => {
  it('a personal address verified by its code is listed, audited, and signs in to the same person by email code', async () => {
    const t = await testApp();
    const token = await inesWithPersonalAddress(t);
    const ines = t.ids.demo.people['student-ines'];
    const list = await json<PersonAddresses>(await t.call('GET', '/v1/me/addresses', { token }));
    expect(list.primary).toBe('ines.martin@etu.demo.test');
    expect(list.items.map((a) => a.email)).toEqual([personal]);
    expect(await t.db.select().from(personAddresses).where(eq(personAddresses.personId, ines)).all()).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, ines), eq(auditLog.action, 'person.address.add'))).all()).toHaveLength(1);
    // She is told at the address the institution knows her by, the new one masked.
    const told = await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.personId, ines), eq(mailOutbox.kind, 'person.addressAdded'))).all();
    expect(told.map((m) => [m.address, (m.params as { address: string }).address])).toEqual([['ines.martin@etu.demo.test', 'i•••@example.org']]);

    const session = await t.emailSignIn(personal);
    expect(await meOf(t, session)).toBe(ines);
    // Her data export carries it.
    const exported = await json<{ parts: Record<string, Json[]> }>(await t.call('GET', '/v1/me/export', { token }));
    expect(exported.parts.addresses!.map((a) => a.email)).toEqual([personal]);
  });

  it('an address verified for nobody never reaches an existing person; a removed one no longer does', async () => {
    const t = await testApp();
    const ines = t.ids.demo.people['student-ines'];
    // Asked for, but its code never entered: not hers.
    const token = await t.signIn('student-ines');
    expect((await t.call('POST', '/v1/me/addresses', { token, body: { email: 'ines.maybe@example.org' } })).status).toBe(202);
    expect(await meOf(t, await t.emailSignIn('ines.maybe@example.org'))).not.toBe(ines);

    await inesWithPersonalAddress(t);
    const { items } = await json<PersonAddresses>(await t.call('GET', '/v1/me/addresses', { token }));
    const removed = await t.call('DELETE', `/v1/me/addresses/${items[0]!.id}`, { token });
    expect(removed.status).toBe(200);
    expect((await json<PersonAddresses>(removed)).items).toEqual([]);
    expect(await meOf(t, await t.emailSignIn(personal))).not.toBe(ines);
    expect((await t.call('DELETE', `/v1/me/addresses/${items[0]!.id}`, { token })).status).toBe(404);
  });

  it('refuses a wrong code on its field, one’s own address, and someone else’s once the code is right', async () => {
    const t = await testApp();
    const token = await t.signIn('student-ines');
    expect((await t.call('POST', '/v1/me/addresses', { token, body: { email: personal } })).status).toBe(202);
    const wrong = await t.call('POST', '/v1/me/addresses/verify', { token, body: { email: personal, code: codeSentTo(t, personal) === '000000' ? '111111' : '000000' } });
    expect(wrong.status).toBe(400);
    expect((await json<{ errors: Json[] }>(wrong)).errors).toMatchObject([{ path: 'code', code: 'auth.code.wrong' }]);
    expect((await t.call('POST', '/v1/me/addresses', { token, body: { email: 'ines.martin@etu.demo.test' } })).status).toBe(409);
    expect((await t.call('POST', '/v1/me/addresses', { token, body: { email: 'not an address' } })).status).toBe(400);

    // Claire's institutional address, and then Inès's verified one: Claire may ask (nothing tells her whose it is), not add.
    await inesWithPersonalAddress(t);
    const claire = await t.signIn('alumna-claire');
    for (const email of [personal, 'ines.martin@etu.demo.test']) {
      expect((await t.call('POST', '/v1/me/addresses', { token: claire, body: { email } })).status).toBe(202);
      const taken = await t.call('POST', '/v1/me/addresses/verify', { token: claire, body: { email, code: codeSentTo(t, email) } });
      expect(taken.status).toBe(409);
      expect((await json(taken)).code).toBe('person.address.taken');
    }
    expect((await json<PersonAddresses>(await t.call('GET', '/v1/me/addresses', { token: claire }))).items).toEqual([]);
  });

  it('a student who becomes an alumnus keeps everything and is told at their personal address how to sign in', async () => {
    const t = await testApp();
    await inesWithPersonalAddress(t);
    const ines = t.ids.demo.people['student-ines'];
    const path = join(dir, 'graduates.csv');
    writeFileSync(path, 'email,role\nines.martin@etu.demo.test,alumnus\n');
    const importIt = () => runImport(t.db, { kind: 'people', tenantId: t.ids.demo.tenantId, file: path, mapping: {}, now: t.clock.now(), language: 'en' });
    expect((await importIt()).results[0]).toMatchObject({ outcome: 'updated', fields: ['role'] });
    expect(await t.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.personId, ines)).all()).toEqual([{ role: 'alumnus' }]);
    const mails = await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.personId, ines), eq(mailOutbox.kind, 'person.graduated'))).all();
    expect(mails.map((m) => [m.address, m.params])).toEqual([[personal, { address: personal }]]);
    // Imported again: nothing changes, nothing more is sent; and the personal address still signs her in.
    await importIt();
    expect(await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.personId, ines), eq(mailOutbox.kind, 'person.graduated'))).all()).toHaveLength(1);
    expect(await meOf(t, await t.emailSignIn(personal))).toBe(ines);
  });
});
