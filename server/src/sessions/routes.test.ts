import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, sessions } from '../db/tables/index.ts';

interface Listed {
  items: { id: string; signInMethod: string; createdAt: string; expiresAt: string; current: boolean }[];
}
const list = async (t: TestApp, token: string) => {
  const res = await t.call('GET', '/v1/auth/sessions', { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Listed;
};
const meStatus = async (t: TestApp, token: string) => (await t.call('GET', '/v1/me', { token })).status;

describe('/v1/auth/sessions', () => {
  it('lists one’s live sessions, marks the current one, and never shows a token or its hash', async () => {
    const t = testApp();
    const first = await t.signIn('student-ines');
    t.clock.advance(60_000);
    const second = await t.emailSignIn('ines.martin@etu.demo.test');
    await t.signIn('alumna-claire');
    const body = await list(t, first);
    expect(body.items).toHaveLength(2);
    expect(body.items.map((s) => [s.signInMethod, s.current])).toEqual([
      ['email', false],
      ['host', true],
    ]);
    expect(body.items[1]!.createdAt).toBe('2026-03-02T09:00:00.000Z');
    expect(Date.parse(body.items[1]!.expiresAt)).toBeGreaterThan(Date.parse(body.items[1]!.createdAt));
    expect((await list(t, second)).items.map((s) => s.current)).toEqual([true, false]);
    const text = JSON.stringify(body);
    for (const row of (await t.db.select().from(sessions).all())) expect(text).not.toContain(row.tokenHash);
    expect(text).not.toContain(first);
    expect(text).not.toContain(second);
  });

  it('leaves out expired and ended sessions', async () => {
    const t = testApp();
    const old = await t.signIn('student-ines');
    t.clock.advance(479 * 60_000);
    const recent = await t.signIn('student-ines');
    const ended = await t.signIn('student-ines');
    expect((await t.call('POST', '/v1/auth/logout', { token: ended, body: {} })).status).toBe(204);
    t.clock.advance(2 * 60_000);
    expect(await meStatus(t, old)).toBe(401);
    expect((await list(t, recent)).items).toEqual([expect.objectContaining({ current: true })]);
  });

  it('end-all signs out everywhere: every token of the person answers 401, someone else’s keeps working', async () => {
    const t = testApp();
    const first = await t.signIn('student-ines');
    const second = await t.emailSignIn('ines.martin@etu.demo.test');
    const claire = await t.signIn('alumna-claire');
    expect((await list(t, first)).items).toHaveLength(2);
    const res = await t.call('POST', '/v1/auth/sessions/end-all', { token: second });
    expect(res.status).toBe(204);
    expect(await meStatus(t, first)).toBe(401);
    expect(await meStatus(t, second)).toBe(401);
    expect((await t.call('GET', '/v1/auth/sessions', { token: first })).status).toBe(401);
    expect(await meStatus(t, claire)).toBe(200);
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.session.endAll')).get();
    expect((await entry)).toMatchObject({ actorId: t.ids.demo.people['student-ines'], subjectId: t.ids.demo.people['student-ines'], detail: { ended: 2 } });
  });

  it('ends one of one’s own sessions, the others staying open', async () => {
    const t = testApp();
    const phone = await t.signIn('student-ines');
    const laptop = await t.signIn('student-ines');
    const phoneId = (await list(t, phone)).items.find((s) => s.current)!.id;
    expect((await t.call('DELETE', `/v1/auth/sessions/${phoneId}`, { token: laptop })).status).toBe(204);
    expect(await meStatus(t, phone)).toBe(401);
    expect(await meStatus(t, laptop)).toBe(200);
    expect((await t.call('DELETE', `/v1/auth/sessions/${phoneId}`, { token: laptop })).status).toBe(404);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.session.end')).all())).toEqual([expect.objectContaining({ objectId: phoneId, actorId: t.ids.demo.people['student-ines'] })]);
  });

  it('another person’s session id is 404, and that session still works', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const attacker = await t.signIn('student-ines');
    const adminSession = (await list(t, admin)).items[0]!.id;
    for (const id of [adminSession, crypto.randomUUID(), 'not-an-id']) {
      const res = await t.call('DELETE', `/v1/auth/sessions/${id}`, { token: attacker });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await meStatus(t, admin)).toBe(200);
    expect((await list(t, admin)).items).toHaveLength(1);
  });

  it('asks for a session', async () => {
    const t = testApp();
    expect((await t.call('GET', '/v1/auth/sessions')).status).toBe(401);
    expect((await t.call('POST', '/v1/auth/sessions/end-all')).status).toBe(401);
    expect((await t.call('DELETE', `/v1/auth/sessions/${crypto.randomUUID()}`)).status).toBe(401);
  });
});
