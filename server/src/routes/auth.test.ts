import { describe, expect, it } from 'vitest';
import { testApp } from '../testing.ts';
import { signHostToken } from '../auth/host-token.ts';
import { OTHER_HOST_SECRET_DEFAULT, OTHER_KID, DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../seed/demo.ts';
import { sessions, people, emailCodes } from '../db/tables/index.ts';
import { eq } from 'drizzle-orm';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('POST /v1/auth/exchange', () => {
  it('trades a host-signed token for a session that opens /v1/me', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('student-ines') } });
    expect(res.status).toBe(200);
    const grant = (await res.json()) as { token: string; expiresAt: string };
    expect(grant.token.length).toBeGreaterThanOrEqual(43);
    expect(Date.parse(grant.expiresAt)).toBeGreaterThan(t.clock.now().getTime());
    const me = await t.call('GET', '/v1/me', { token: grant.token });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { person: { displayName: string }; memberships: { role: string; entityName: string }[]; can: Record<string, boolean> };
    expect(body.person.displayName).toBe('Inès Martin');
    expect(body.memberships).toEqual([expect.objectContaining({ role: 'student', entityName: "École d'ingénieurs" })]);
    expect(body.can['company.create']).toBe(false);
    expect(body.can['offer.create']).toBe(true);
  });

  it('stores only a hash of the session token', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    const rows = t.db.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  const refusedTokens: [string, (t: ReturnType<typeof testApp>) => string][] = [
    ['without exp', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, jti: 'a1' }); }],
    ['with the wrong aud', (t) => t.hostToken('student-ines', { aud: 'someone-else' })],
    ['signed by another tenant\'s key', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return signHostToken(OTHER_HOST_SECRET_DEFAULT, OTHER_KID, { iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, exp: iat + 60, jti: 'a2' }); }],
    ['signed by another tenant\'s key under our kid', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return signHostToken(OTHER_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, exp: iat + 60, jti: 'a3' }); }],
    ['with alg none', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return `${b64({ alg: 'none', kid: DEMO_KID })}.${b64({ iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, exp: iat + 60, jti: 'a4' })}.`; }],
    ['expired', (t) => t.hostToken('student-ines', { exp: Math.floor(t.clock.now().getTime() / 1000) - 120 })],
    ['living over 10 minutes', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return t.hostToken('student-ines', { iat, exp: iat + 601 }); }],
    ['without jti', (t) => t.hostToken('student-ines', { jti: undefined })],
    ['that is not a JWT', () => 'not-a-token'],
    ['of an unknown issuer', (t) => t.hostToken('student-ines', { iss: 'nobody' })],
  ];
  for (const [name, make] of refusedTokens) {
    it(`refuses a token ${name} with 401`, async () => {
      const t = testApp();
      const res = await t.call('POST', '/v1/auth/exchange', { body: { token: make(t) } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toMatch(/not valid/);
      expect(t.db.select().from(sessions).all()).toHaveLength(0);
    });
  }

  it('refuses a replayed token (same jti) with 401', async () => {
    const t = testApp();
    const token = t.hostToken('student-ines');
    expect((await t.call('POST', '/v1/auth/exchange', { body: { token } })).status).toBe(200);
    expect((await t.call('POST', '/v1/auth/exchange', { body: { token } })).status).toBe(401);
  });

  it('provisions an unknown student just in time, but never staff from a claim', async () => {
    const t = testApp();
    const student = await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('new-student', { affiliation: 'student', email: 'New@Etu.demo.test', name: 'Nouvel Étudiant' }) } });
    expect(student.status).toBe(200);
    const row = t.db.select().from(people).where(eq(people.hostSubject, 'new-student')).get();
    expect(row?.email).toBe('new@etu.demo.test');
    const staff = await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('new-staff', { affiliation: 'staff' }) } });
    expect(staff.status).toBe(401);
    expect(t.db.select().from(people).where(eq(people.hostSubject, 'new-staff')).get()).toBeUndefined();
  });
});

describe('email-code sign-in', () => {
  it('sends a code, verifies it once, and answers the same for unknown addresses', async () => {
    const t = testApp();
    const known = await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'claire.dubois@alumni.demo.test' } });
    const unknown = await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'Recruiter@Example.com' } });
    const noTenant = await t.call('POST', '/v1/auth/email', { body: { tenant: 'nowhere', email: 'a@example.com' } });
    expect([known.status, unknown.status, noTenant.status]).toEqual([202, 202, 202]);
    expect(await unknown.json()).toEqual(await noTenant.json());
    const code = t.mail.find((m) => m.to === 'recruiter@example.com')?.subject.match(/(\d{6})$/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const verify = () => t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'recruiter@example.com', code } });
    const first = await verify();
    expect(first.status).toBe(200);
    expect((await verify()).status).toBe(401);
  });

  it('kills a code after five wrong guesses and rejects an expired one', async () => {
    const t = testApp();
    await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'x@example.com' } });
    const code = t.mail[0]!.subject.match(/(\d{6})$/)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'x@example.com', code: wrong } })).status).toBe(401);
    expect((await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'x@example.com', code } })).status).toBe(401);
    await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'y@example.com' } });
    const code2 = t.mail[1]!.subject.match(/(\d{6})$/)![1]!;
    t.clock.advance(16 * 60_000);
    expect((await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'y@example.com', code: code2 } })).status).toBe(401);
  });

  it('limits codes per address with 429', async () => {
    const t = testApp();
    const ask = () => t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'spam@example.com' } });
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(202);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(t.mail).toHaveLength(5);
  });
});

describe('POST /v1/auth/logout', () => {
  it('revokes the session', async () => {
    const t = testApp();
    const token = await t.signIn('alumna-claire');
    expect((await t.call('POST', '/v1/auth/logout', { token })).status).toBe(204);
    const me = await t.call('GET', '/v1/me', { token });
    expect(me.status).toBe(401);
  });
});

describe('EMAIL_SIGN_IN=off', () => {
  it('answers 404 problem+json to both email-code routes, before reading the body, and sends nothing', async () => {
    const t = testApp({ config: { emailSignIn: false } });
    for (const [path, body] of [
      ['/v1/auth/email', { tenant: 'demo', email: 'claire.dubois@alumni.demo.test' }],
      ['/v1/auth/verify', { tenant: 'demo', email: 'claire.dubois@alumni.demo.test', code: '123456' }],
      ['/v1/auth/verify', { nonsense: true }],
    ] as const) {
      const res = await t.call('POST', path, { body });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toBe('Sign-in by email code is turned off on this server. Sign in through your institution’s website.');
    }
    expect(t.mail).toEqual([]);
    expect(t.db.select().from(emailCodes).all()).toEqual([]);
    expect((await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('student-ines') } })).status).toBe(200);
  });
});
